import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  diagnose,
  healthOf,
  readCaptureFacts,
  STANDARD_RULES,
  type CaptureFacts,
  type DoctorReport,
} from '@headroom/core';
import { createSimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { collectCapture } from './collect';
import { extraProbes } from './standard-probes';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Collect a scenario as `headroom doctor` does and diagnose it with the standard rules. */
async function doctor(
  scenario: string,
  options: { bootVm?: boolean; timeScale?: string } = {},
): Promise<{ facts: CaptureFacts; report: DoctorReport }> {
  const stateDir = mkdtempSync(join(tmpdir(), `headroom-advice-${scenario}-`));
  dirs.push(stateDir);
  const windows = createSimulatedWindows({ scenario, stateDir });
  const capture = await collectCapture({
    env: { ...windows.env, HEADROOM_SIM_TIME_SCALE: options.timeScale ?? '0.01' },
    host: windows.host,
    wslconfigPath: windows.wslconfigPath,
    extraProbes: extraProbes(),
    clock: () => new Date('2026-11-21T12:00:00Z'),
    ...(options.bootVm === undefined ? {} : { bootVm: options.bootVm }),
  });
  const facts = readCaptureFacts(capture);
  return { facts, report: diagnose({ facts }, STANDARD_RULES) };
}

const ids = (report: DoctorReport): string[] => report.findings.map((finding) => finding.id);

describe('the doctor over the scenarios of issue 19', () => {
  it('cold-boot: a check that starts the VM (3 s) reports no slow passthrough and no red light', async () => {
    const { facts, report } = await doctor('cold-boot', { bootVm: true, timeScale: '1' });
    expect(facts.distro?.gpu.durationMs).toBeLessThan(500);
    expect(ids(report)).not.toContain('passthrough-slow');
    expect(report.health).not.toBe('red');
    expect(healthOf(report).health).toBe('green');
  }, 30_000);

  it('safe-mode: swap forced to 0 by safe mode is what WSL gives, not "still running with its old settings"', async () => {
    const { report } = await doctor('safe-mode');
    expect(ids(report)).not.toContain('wslconfig-not-applied');
    expect(ids(report)).toContain('gpu-passthrough-missing');
  });

  it('libcuda-symlink: a libcuda.so.1 that links into /usr/lib/wsl/lib is WSL’s own, not a Linux driver', async () => {
    const { facts, report } = await doctor('libcuda-symlink');
    expect(facts.distro?.libcuda).toMatchObject({ ok: true });
    expect(ids(report)).not.toContain('linux-driver-in-distro');
    expect(report.health).toBe('green');
  });

  it('gpu-disabled-wsl-conf: says /etc/wsl.conf turns the GPU off and how to undo it, not "reinstall the driver"', async () => {
    const { report } = await doctor('gpu-disabled-wsl-conf');
    const finding = report.findings.find((candidate) => candidate.id === 'gpu-passthrough-missing');
    expect(finding?.title).toContain('/etc/wsl.conf');
    expect(finding?.evidence).toContainEqual({
      probe: 'distro-wsl-conf',
      excerpt: '[gpu] enabled=false',
      line: 5,
    });
    expect(JSON.stringify(finding?.fix)).toContain('enabled=true');
    expect(JSON.stringify(finding?.fix)).not.toMatch(/reinstall|Reinstall/);
  });

  it('models-on-d-drive: a warning that names 9p, says "remove the link" only for a link, and gives Ollama’s chown', async () => {
    const { report } = await doctor('models-on-d-drive');
    const finding = report.findings.find((candidate) => candidate.id === 'models-on-9p');
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('9p');
    const steps = JSON.stringify(finding?.fix);
    expect(steps).not.toContain('remove the link');
    expect(steps).toContain('sudo chown -R ollama:ollama');
  });

  it('old-runtime-driver: driver 512.95 with Ollama says passthrough works but Ollama will use the CPU', async () => {
    const { report } = await doctor('old-runtime-driver');
    expect(ids(report)).not.toContain('driver-too-old');
    const finding = report.findings.find((candidate) => candidate.id === 'runtime-driver-too-old');
    expect(finding?.severity).toBe('warning');
    expect(finding?.title).toContain('passthrough works, but Ollama will use the CPU');
    expect(finding?.explanation).toContain('550');
    expect(finding?.source).toBe('https://docs.ollama.com/gpu');
    expect(report.health).toBe('amber');
  });
});
