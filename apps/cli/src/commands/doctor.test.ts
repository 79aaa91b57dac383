import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInvocations, readVmState } from '@headroom/simulator';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';
import { useCliSandbox } from '../testing/sandbox';

const sandbox = useCliSandbox('doctor');

interface DoctorJson {
  health: string;
  exitCode: number;
  findings: {
    id: string;
    severity: string;
    evidence: { probe: string; excerpt: string }[];
    source: string;
    fix: { kind: string };
  }[];
}

async function doctor(...args: string[]): Promise<{ code: number; json: DoctorJson }> {
  const { code, stdout } = await runCli('doctor', ...args, '--json');
  return { code, json: JSON.parse(stdout) as DoctorJson };
}

/** Every simulated scenario (docs/architecture.md "Simulator scenarios"): its finding, and its exit code. */
const EXPECTED: readonly [scenario: string, finding: string | undefined, exitCode: number, health: string][] =
  [
    ['healthy', undefined, 0, 'green'],
    ['wsl-stopped', undefined, 0, 'grey'],
    ['docker-running-default-stopped', undefined, 0, 'green'],
    ['no-wsl', 'wsl-not-installed', 4, 'red'],
    ['wsl-stub', 'wsl-not-installed', 4, 'red'],
    ['nvidia-smi-in-nvsmi', undefined, 0, 'green'],
    ['no-gpu', 'no-nvidia-gpu', 2, 'red'],
    ['wsl1-distro', 'wsl1-distro', 2, 'red'],
    ['memory-ceiling', 'memory-ceiling', 1, 'red'],
    ['config-not-applied', 'wslconfig-not-applied', 1, 'amber'],
    ['vm-keeps-restarting', undefined, 0, 'green'],
    ['invalid-memory-value', 'wslconfig-ignored-lines', 1, 'red'],
    ['driver-mismatch', 'driver-mismatch', 2, 'red'],
    ['gpu-blocked', 'gpu-passthrough-missing', 2, 'red'],
    ['linux-driver-in-distro', 'linux-driver-in-distro', 2, 'red'],
    ['old-kernel', 'kernel-too-old', 2, 'red'],
    ['passthrough-hang', 'passthrough-hang', 2, 'red'],
    ['models-on-9p', 'models-on-9p', 0, 'amber'],
    ['windows-update-broke-gpu', 'gpu-passthrough-missing', 2, 'red'],
    ['low-disk', 'low-disk-space', 0, 'amber'],
    ['mirrored-old-windows', 'mirrored-needs-newer-windows', 0, 'amber'],
    ['nvidia-audio-driver-update', undefined, 0, 'green'],
    ['old-runtime-driver', 'runtime-driver-too-old', 0, 'amber'],
  ];

describe('headroom doctor --simulate S --json', () => {
  it.each(EXPECTED)(
    '%s gives %s with exit code %i and a %s light',
    async (scenario, finding, exitCode, health) => {
      const { code, json } = await doctor('--simulate', scenario);
      expect(code).toBe(exitCode);
      expect(json.exitCode).toBe(exitCode);
      if (finding === undefined) {
        expect(json.findings.filter((f) => f.severity !== 'info')).toEqual([]);
        expect(json.health).toBe(health);
        return;
      }
      const found = json.findings.find((f) => f.id === finding);
      expect(found, `${scenario}: ${json.findings.map((f) => f.id).join(', ')}`).toBeDefined();
      expect(found?.severity).toBe(exitCode === 0 ? 'warning' : 'error');
      expect(found?.evidence.length).toBeGreaterThan(0);
      expect(found?.source).toMatch(/^https:\/\//);
      // A .wslconfig change awaiting WSL's restart is amber, not broken; its exit code stays 1 (docs/architecture.md).
      expect(json.health).toBe(health);
    },
    60_000,
  );
});

describe('headroom doctor on the default simulated machine', () => {
  it('starts at most 4 wsl.exe processes and reads the distro while WSL runs (docs/architecture.md)', async () => {
    const { code, json } = await doctor();
    expect(code).toBe(0);
    expect(json.health).toBe('green');
    const wsl = readInvocations(join(sandbox.dir, 'data', 'simulator')).filter(
      (call) => call.program === 'wsl',
    );
    expect(wsl.length).toBeLessThanOrEqual(4);
    expect(wsl.some((call) => call.argv[0] === '-d')).toBe(true);
  });
});

describe('headroom doctor while docker-desktop runs and the default distro is stopped', () => {
  it('leaves the default distro stopped and says what it did not check, unless --start is given', async () => {
    const state = join(sandbox.dir, 'data', 'simulator');
    const intoDistro = (): number =>
      readInvocations(state).filter((call) => call.program === 'wsl' && call.argv[0] === '-d').length;
    const ubuntuRuns = (): boolean | undefined =>
      readVmState(state).distros.find((distro) => distro.name === 'Ubuntu-24.04')?.running;
    const before = process.env.HEADROOM_SCENARIO;
    process.env.HEADROOM_SCENARIO = 'docker-running-default-stopped';
    try {
      const calls = intoDistro();
      const { code, stdout } = await runCli('doctor');
      expect(code).toBe(0);
      expect(stdout).toMatch(/Not checked.*distro-meminfo/);
      expect(intoDistro()).toBe(calls);
      expect(ubuntuRuns()).toBe(false);
      expect((await runCli('doctor', '--start')).code).toBe(0);
      expect(ubuntuRuns()).toBe(true);
    } finally {
      if (before === undefined) delete process.env.HEADROOM_SCENARIO;
      else process.env.HEADROOM_SCENARIO = before;
    }
  }, 60_000);
});

describe('headroom doctor on a capture', () => {
  it('gives the same findings from a capture written by collect, with nothing else present', async () => {
    const out = join(sandbox.dir, 'capture');
    expect((await runCli('collect', '--simulate', 'driver-mismatch', '--out', out)).code).toBe(0);
    const fromCapture = await doctor('--from-capture', out);
    expect(fromCapture.code).toBe(2);
    expect(fromCapture.json.findings.map((f) => f.id)).toContain('driver-mismatch');
  });

  it('prints findings grouped for a person, with evidence, fix and source', async () => {
    const { code, stdout } = await runCli('doctor', '--simulate', 'gpu-blocked');
    expect(code).toBe(2);
    expect(stdout).toContain('● Broken');
    expect(stdout).toContain('Errors');
    expect(stdout).toContain('GPU access blocked by the operating system');
    expect(stdout).toMatch(/Why\? https:\/\//);
    expect(stdout).not.toContain('\x1b[');
  });

  it('refuses an unknown model and conflicting sources with exit 2', async () => {
    expect(await runCli('doctor', '--simulate', 'healthy', '--model', 'gpt-5')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('llama-3.1-70b') as unknown,
    });
    expect((await runCli('doctor', '--simulate', 'healthy', '--from-capture', sandbox.dir)).code).toBe(2);
  });

  it('exits with the capture code 5, not configuration 1, when the capture cannot be read', async () => {
    const dir = join(sandbox.dir, 'broken-capture');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'capture.json'), JSON.stringify({ format: 'headroom-capture/1', probes: {} }));
    const run = await runCli('doctor', '--from-capture', dir, '--json');
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/could not read the capture: .*"probes" is wrong/);
    expect(run.stdout).toBe('');
    expect((await runCli('collect', '--show', dir)).code).toBe(5);
  });

  it('names a probe it could not read and is not green (unreadable package list read as "fine")', async () => {
    const dir = join(sandbox.dir, 'unreadable-capture');
    expect((await runCli('collect', '--simulate', 'healthy', '--out', dir)).code).toBe(0);
    writeFileSync(join(dir, 'distro-nvidia-packages.stdout'), 'Segmentation fault (core dumped)\n');
    const run = await runCli('doctor', '--from-capture', dir, '--json');
    const json = JSON.parse(run.stdout) as DoctorJson & { notRead: { probe: string; reason: string }[] };
    expect(json.notRead.map((item) => item.probe)).toEqual(['distro-nvidia-packages']);
    expect(json.health).toBe('amber');
    const text = await runCli('doctor', '--from-capture', dir);
    expect(text.stdout).toContain('Could not check');
    expect(text.stdout).toContain('distro-nvidia-packages');
    expect(text.stdout).not.toContain('Everything Headroom checks is fine');
    writeFileSync(join(dir, 'distro-nvidia-packages.stdout'), 'bash\t5.2.21\nnvidia-driver-550\t550.54.14\n');
    const plain = await runCli('doctor', '--from-capture', dir, '--json');
    const plainJson = JSON.parse(plain.stdout) as DoctorJson & { notRead: unknown[] };
    expect(plainJson.notRead).toEqual([]);
    expect(plainJson.findings.map((f) => f.id)).toContain('linux-driver-in-distro');
  });
});
