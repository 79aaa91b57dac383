import { describe, expect, it } from 'vitest';
import { readCaptureFacts } from '../capture/capture-facts';
import { captureOf, doctorOf, type ProbeOutputs } from '../testing/capture';
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
});
