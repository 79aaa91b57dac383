import { describe, expect, it } from 'vitest';
import { readCaptureFacts } from '../capture/capture-facts';
import { captureOf, doctorOf, fixture, type ProbeOutputs } from '../testing/capture';
import { setupGates } from './setup-gates';

function gatesOf(probes: ProbeOutputs) {
  const capture = captureOf(probes);
  return setupGates(readCaptureFacts(capture), doctorOf(capture));
}

describe('setupGates', () => {
  it('fails the distro gate, and is not ready, when WSL lists no distribution', () => {
    const gates = gatesOf({ 'wsl-list-verbose': '  NAME    STATE    VERSION\n' });
    const distro = gates.gates.find((gate) => gate.id === 'distro');
    expect(distro?.status).toBe('fail');
    expect(distro?.summary).toMatch(/no Linux distribution yet.*wsl --install/);
    expect(gates.ready).toBe(false);
    expect(gates.gpuOnly).toBe(false);
  });

  it('says a gate was not checked when nothing that shows it was collected', () => {
    const gates = gatesOf({
      'wsl-list-verbose': '  NAME            STATE           VERSION\n* Ubuntu-24.04    Stopped         2\n',
    });
    expect(gates.gates.find((gate) => gate.id === 'distro')?.status).toBe('pass');
    expect(gates.gates.find((gate) => gate.id === 'wsl-gpu')).toMatchObject({
      status: 'unknown',
      summary: 'Not checked: Headroom could not read this.',
    });
  });

  it('does not pass the host-GPU gate with "found no NVIDIA GPU" when nvidia-smi failed and Windows lists an NVIDIA adapter', () => {
    const gates = gatesOf({
      'host-nvidia-smi-query': {
        stdout: 'Unable to determine the device handle for GPU0000:01:00.0: Unknown Error\n',
        exitCode: 15,
      },
      'reg-display-driver': fixture('registry/display-class-desktop-rtx4090.txt'),
    });
    const gate = gates.gates.find((candidate) => candidate.id === 'host-gpu');
    expect(gate?.status).toBe('warn');
    expect(gate?.summary).not.toMatch(/found no NVIDIA GPU/);
    expect(gate?.summary).toMatch(/nvidia-smi on Windows failed, though Windows lists/);
  });

  it('fails the host-GPU gate when nvidia-smi on Windows hangs', () => {
    const gates = gatesOf({ 'host-nvidia-smi-query': { stdout: '', exitCode: null, timedOut: true } });
    expect(gates.gates.find((candidate) => candidate.id === 'host-gpu')).toMatchObject({
      status: 'fail',
      summary: 'nvidia-smi on Windows does not answer',
    });
  });
});
