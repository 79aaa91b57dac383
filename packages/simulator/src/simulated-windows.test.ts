import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scenarioNames } from './scenarios';
import { createSimulatedWindows, type SimulatedWindows } from './simulated-windows';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function simulate(scenario: string): SimulatedWindows {
  const stateDir = mkdtempSync(join(tmpdir(), `headroom-sim-${scenario}-`));
  dirs.push(stateDir);
  return createSimulatedWindows({ scenario, stateDir });
}

/** Run a fake program from where Windows keeps it (the simulated System32), with UTF-8 output from wsl.exe. */
function run(sim: SimulatedWindows, program: string, ...args: string[]) {
  const result = spawnSync(join(sim.binDir, program), args, {
    env: { ...sim.env, WSL_UTF8: '1', HEADROOM_SIM_TIME_SCALE: '0.01' },
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, error: result.error };
}

const memTotalKiB = (meminfo: string): number => Number(/MemTotal:\s+(\d+) kB/.exec(meminfo)?.[1]);
const GiB = 2 ** 30;

describe('the scenarios', () => {
  it('include every scenario of docs/architecture.md "Simulator scenarios"', () => {
    expect(scenarioNames()).toEqual(
      expect.arrayContaining([
        'healthy',
        'no-wsl',
        'no-gpu',
        'wsl1-distro',
        'memory-ceiling',
        'config-not-applied',
        'invalid-memory-value',
        'driver-mismatch',
        'gpu-blocked',
        'linux-driver-in-distro',
        'old-kernel',
        'passthrough-hang',
        'models-on-9p',
        'windows-update-broke-gpu',
        'docker-data-distro',
        'laptop-on-battery',
        'low-disk',
        'mirrored-old-windows',
        'japanese-windows',
        'small-host',
        'nvidia-audio-driver-update',
        'old-runtime-driver',
      ]),
    );
  });
});

describe('the simulated VM', () => {
  it('applies the profile’s .wslconfig when it boots: MemTotal a little below memory, nproc, swap', () => {
    const sim = simulate('healthy');
    writeFileSync(sim.wslconfigPath, '[wsl2]\r\nmemory=16GB\r\nprocessors=4\r\n');
    expect(run(sim, 'wsl.exe', '--shutdown').status).toBe(0);
    const meminfo = run(sim, 'wsl.exe', '-d', 'Ubuntu-24.04', '-e', 'cat', '/proc/meminfo').stdout;
    expect(memTotalKiB(meminfo)).toBeLessThan((16 * GiB) / 1024);
    expect(memTotalKiB(meminfo)).toBeGreaterThan((15.5 * GiB) / 1024);
    expect(meminfo).toMatch(/SwapTotal:\s+4194304 kB/);
    expect(run(sim, 'wsl.exe', '-e', 'nproc').stdout).toBe('4\n');
  });

  it('stops every distro on wsl --shutdown, except one Docker Desktop starts again (vm-keeps-restarting)', () => {
    const sim = simulate('vm-keeps-restarting');
    run(sim, 'wsl.exe', '--shutdown');
    expect(run(sim, 'wsl.exe', '--list', '--running', '--quiet').stdout).toBe('docker-desktop\r\n');
  });

  it('keeps the old memory until WSL is shut down (config-not-applied)', () => {
    const sim = simulate('config-not-applied');
    const before = memTotalKiB(run(sim, 'wsl.exe', '-e', 'cat', '/proc/meminfo').stdout);
    expect(before).toBeLessThan((8 * GiB) / 1024);
    run(sim, 'wsl.exe', '--shutdown');
    const after = memTotalKiB(run(sim, 'wsl.exe', '-e', 'cat', '/proc/meminfo').stdout);
    expect(after).toBeGreaterThan((46 * GiB) / 1024);
    expect(sim.readState().boots).toBe(2);
  });

  it('prints WSL’s warnings on stderr of the command that boots the VM, and ignores the bad line', () => {
    const sim = simulate('invalid-memory-value');
    run(sim, 'wsl.exe', '--shutdown');
    const boot = run(sim, 'wsl.exe', '-e', 'cat', '/proc/meminfo');
    expect(boot.stderr).toContain(
      "wsl: Invalid memory string '16gb' for .wslconfig entry 'wsl2.memory' in C:\\Users\\robin\\.wslconfig:2",
    );
    expect(memTotalKiB(boot.stdout)).toBeGreaterThan((31 * GiB) / 1024);
    expect(run(sim, 'wsl.exe', '-e', 'nproc').stderr).toBe('');
  });

  it('clamps processors to the host and warns as WSL does', () => {
    const sim = simulate('healthy');
    writeFileSync(sim.wslconfigPath, '[wsl2]\nprocessors=64\n');
    run(sim, 'wsl.exe', '--shutdown');
    const boot = run(sim, 'wsl.exe', '-e', 'nproc');
    expect(boot.stdout).toBe('16\n');
    expect(boot.stderr).toContain(
      'wsl2.processors cannot exceed the number of logical processors on the system (64 > 16)',
    );
  });

  it('writes wsl.exe output as UTF-16LE unless WSL_UTF8=1', () => {
    const sim = simulate('healthy');
    const utf16 = spawnSync(sim.wslExecutable, ['--list', '--quiet'], { env: sim.env });
    expect(Buffer.from(utf16.stdout).toString('utf16le')).toBe('Ubuntu-24.04\r\ndocker-desktop\r\n');
    expect(run(sim, 'wsl.exe', '--list', '--quiet').stdout).toBe('Ubuntu-24.04\r\ndocker-desktop\r\n');
  });
});

describe('the fake host programs', () => {
  it('answers nvidia-smi.exe queries with the scenario’s GPU, and has no nvidia-smi.exe without a driver', () => {
    const fields =
      'index,name,uuid,driver_version,driver_model.current,memory.total,memory.used,memory.reserved,utilization.gpu,temperature.gpu,power.draw';
    const csv = run(
      simulate('healthy'),
      'nvidia-smi.exe',
      `--query-gpu=${fields}`,
      '--format=csv,nounits',
    ).stdout.split('\r\n');
    expect(csv[0]).toContain('memory.total [MiB]');
    expect(csv[1]).toMatch(/^0, NVIDIA GeForce RTX 4090, GPU-[0-9a-f-]+, 566\.36, WDDM, 24564, /);
    const sim = simulate('no-gpu');
    expect(existsSync(join(sim.binDir, 'nvidia-smi.exe'))).toBe(false);
    expect(run(sim, 'nvidia-smi.exe').error).toMatchObject({ code: 'ENOENT' });
  });

  it('answers reg query from the scenario’s registry, and exits 1 for a missing value', () => {
    const sim = simulate('healthy');
    const hags = run(
      sim,
      'reg.exe',
      'query',
      'HKLM\\SYSTEM\\CurrentControlSet\\Control\\GraphicsDrivers',
      '/v',
      'HwSchMode',
    );
    expect(hags.status).toBe(0);
    expect(hags.stdout).toContain('    HwSchMode    REG_DWORD    0x2');
    const missing = run(sim, 'reg.exe', 'query', 'HKLM\\SYSTEM\\Nope', '/v', 'X');
    expect(missing.status).toBe(1);
  });

  it('lists the Windows Update event of windows-update-broke-gpu through wevtutil, after a bookmark', () => {
    const sim = simulate('windows-update-broke-gpu');
    const query =
      "/q:*[System[Provider[@Name='Microsoft-Windows-WindowsUpdateClient'] and (EventID=19) and EventRecordID>40000]]";
    const events = run(sim, 'wevtutil.exe', 'qe', 'System', query, '/f:xml').stdout;
    expect(events.match(/<Event /g)).toHaveLength(1);
    expect(events).toContain('(KB5046617)');
    expect(events).toContain('<EventRecordID>40001</EventRecordID>');
  });
});

describe('GPU passthrough in the simulated distro', () => {
  it('reports the host driver, a mismatched one, or GPU access blocked, per scenario', () => {
    expect(run(simulate('healthy'), 'wsl.exe', '-e', '/usr/lib/wsl/lib/nvidia-smi').stdout).toContain(
      'Driver Version: 566.36',
    );
    expect(run(simulate('driver-mismatch'), 'wsl.exe', '-e', '/usr/lib/wsl/lib/nvidia-smi').stdout).toContain(
      'Driver Version: 552.12',
    );
    const blocked = run(simulate('windows-update-broke-gpu'), 'wsl.exe', '-e', '/usr/lib/wsl/lib/nvidia-smi');
    expect(blocked.status).toBe(255);
    expect(blocked.stdout).toContain('GPU access blocked by the operating system');
  });

  it('hangs in passthrough-hang until it is killed', async () => {
    const sim = simulate('passthrough-hang');
    const child = spawn(sim.wslExecutable, ['-e', '/usr/lib/wsl/lib/nvidia-smi'], { env: sim.env });
    const outcome = await Promise.race([
      new Promise((resolve) => child.once('exit', () => resolve('exited'))),
      new Promise((resolve) => setTimeout(() => resolve('still running'), 2500)),
    ]);
    child.kill('SIGKILL');
    expect(outcome).toBe('still running');
  });

  it('fails any command in a data distro without a shell at once, as WSL does (docker-data-distro)', () => {
    const sim = simulate('docker-data-distro');
    const result = run(sim, 'wsl.exe', '-d', 'docker-desktop-data', '-e', 'sh', '-c', 'cat /proc/meminfo');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/execvpe\(sh\) failed: No such file or directory/);
    expect(run(sim, 'wsl.exe', '--list', '--running', '--quiet').stdout.split(/\r?\n/)).toEqual(
      expect.arrayContaining(['docker-desktop', 'docker-desktop-data']),
    );
  });

  it('reports the host facts systeminformation would: a laptop on battery, the GPUs of any maker', () => {
    expect(simulate('laptop-on-battery').hostFacts().power).toEqual({
      hasBattery: true,
      onBattery: true,
      percent: 64,
    });
    const noGpu = simulate('no-gpu').hostFacts();
    expect(noGpu.gpuControllers).toEqual([
      { vendor: 'Intel Corporation', model: 'Intel(R) UHD Graphics 770' },
    ]);
    expect(noGpu.windows).toEqual({
      edition: 'Microsoft Windows 11 Pro',
      build: 26100,
      displayVersion: '24H2',
    });
    expect(simulate('healthy').hostFacts().power.onBattery).toBe(false);
  });
});
