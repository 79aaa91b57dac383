import { spawn, spawnSync } from 'node:child_process';
import { release } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DISTRO_PROBE_IDS, GPU_QUERY_FIELDS } from '../probe/probe-ids';
import {
  buildDistroProbeScript,
  distroProbeBatchCommand,
  shellQuote,
  splitDistroProbeOutput,
  type DistroProbeBlock,
} from './batch';
import { DISTRO_PROBE_COMMANDS } from './commands';
import { readDistroFacts } from './facts';

function blocks(text: string): Record<string, DistroProbeBlock> {
  const result = splitDistroProbeOutput(text);
  if (!result.ok) throw new Error(result.unreadable.reason);
  return result.value;
}

const block = (id: string, stdout: string, stderr: string, exit: number | string): string =>
  `@@headroom-probe ${id} begin@@\n${stdout}\n@@headroom-probe ${id} stderr@@\n${stderr}\n@@headroom-probe ${id} end exit=${exit}@@\n`;

/** Run a script with /bin/sh as `wsl -e sh -c` would inside the distro. */
function runScript(script: string): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** The script with one probe's line replaced, to act out a hanging probe. */
function withProbe(id: string, seconds: number, command: string): string {
  const script = buildDistroProbeScript();
  const line = script.split('\n').find((candidate) => candidate.startsWith(`hr_probe ${id} `));
  if (line === undefined) throw new Error(`no line for ${id}`);
  return script.replace(line, `hr_probe ${id} ${seconds} ${shellQuote(command)}`);
}

describe('DISTRO_PROBE_COMMANDS', () => {
  it('has a command for every distro probe id and runs nvidia-smi by its full WSL path', () => {
    expect(Object.keys(DISTRO_PROBE_COMMANDS).sort()).toEqual([...DISTRO_PROBE_IDS].sort());
    expect(DISTRO_PROBE_COMMANDS['distro-nvidia-smi']).toBe('/usr/lib/wsl/lib/nvidia-smi');
    expect(DISTRO_PROBE_COMMANDS['distro-nvidia-smi-query']).toBe(
      `/usr/lib/wsl/lib/nvidia-smi --query-gpu=${GPU_QUERY_FIELDS.join(',')} --format=csv,nounits`,
    );
  });
});

describe('buildDistroProbeScript', () => {
  it('runs every probe once, in the standard order, each with its command quoted for sh', () => {
    const script = buildDistroProbeScript();
    const probeLines = script.split('\n').filter((line) => line.startsWith('hr_probe '));
    expect(probeLines.map((line) => line.split(' ')[1])).toEqual([...DISTRO_PROBE_IDS]);
    for (const id of DISTRO_PROBE_IDS) expect(script).toContain(shellQuote(DISTRO_PROBE_COMMANDS[id]));
    expect(distroProbeBatchCommand()).toEqual(['sh', '-c', script]);
  });

  it('quotes any string so that sh reads it back unchanged', () => {
    for (const text of ["it's", "'", "a'b'c", '$HOME `id` "x" \\ \n \t !*?[]', '']) {
      const result = spawnSync('/bin/sh', ['-c', `printf %s ${shellQuote(text)}`], { encoding: 'utf8' });
      expect(result.stdout).toBe(text);
    }
  });
});

describe('splitDistroProbeOutput', () => {
  it('splits normal output into stdout, stderr and exit code per probe, byte for byte', () => {
    const text =
      block('distro-nproc', '16\n', '', 0) +
      block('distro-uname', '5.15.167.4-microsoft-standard-WSL2', '', 0) +
      block('distro-wsl-conf', '', 'cat: /etc/wsl.conf: No such file or directory', 1);
    expect(blocks(text)).toEqual({
      'distro-nproc': { stdout: '16\n', stderr: '', exitCode: 0 },
      'distro-uname': { stdout: '5.15.167.4-microsoft-standard-WSL2', stderr: '', exitCode: 0 },
      'distro-wsl-conf': { stdout: '', stderr: 'cat: /etc/wsl.conf: No such file or directory', exitCode: 1 },
    });
  });

  it('keeps stdout and stderr of a failing probe apart', () => {
    const text = block(
      'distro-nvidia-smi',
      'Failed to initialize NVML: GPU access blocked by the operating system\n',
      'warning: x\nsecond line',
      17,
    );
    expect(blocks(text)['distro-nvidia-smi']).toEqual({
      stdout: 'Failed to initialize NVML: GPU access blocked by the operating system\n',
      stderr: 'warning: x\nsecond line',
      exitCode: 17,
    });
  });

  it('gives a probe that hung (no end marker) exitCode null and what it printed so far', () => {
    const text =
      block('distro-meminfo', 'MemTotal: 1 kB\n', '', 0) +
      '@@headroom-probe distro-nvidia-smi begin@@\n+-----------------------------------------+\n| NVIDIA-SMI 550.54.10';
    const result = blocks(text);
    expect(result['distro-meminfo']?.exitCode).toBe(0);
    expect(result['distro-nvidia-smi']).toEqual({
      stdout: '+-----------------------------------------+\n| NVIDIA-SMI 550.54.10',
      stderr: '',
      exitCode: null,
    });
  });

  it('closes a probe without end marker when the next one begins, and keeps a cut-off stderr', () => {
    const text =
      '@@headroom-probe distro-nproc begin@@\n4\n@@headroom-probe distro-nproc stderr@@\npartial err' +
      '\n@@headroom-probe distro-uname begin@@\n6.6.36.6-microsoft-standard-WSL2\n';
    expect(blocks(text)).toEqual({
      'distro-nproc': { stdout: '4', stderr: 'partial err', exitCode: null },
      'distro-uname': { stdout: '6.6.36.6-microsoft-standard-WSL2\n', stderr: '', exitCode: null },
    });
  });

  it('ignores garbage between blocks, markers of other probes inside a block, and markers not at a line start', () => {
    const text =
      'wsl: A localhost proxy configuration was detected but not mirrored into WSL.\n' +
      block('distro-nproc', '8\n', '', 0) +
      'garbage between blocks\n@@headroom-probe distro-uname end exit=0@@\n' +
      block(
        'distro-os-release',
        'ID=ubuntu\n@@headroom-probe distro-mounts end exit=0@@\nx @@headroom-probe distro-os-release end exit=0@@\n',
        '',
        0,
      ) +
      '\u0000\u00ff@@headroom-probe broken';
    expect(blocks(text)).toEqual({
      'distro-nproc': { stdout: '8\n', stderr: '', exitCode: 0 },
      'distro-os-release': {
        stdout:
          'ID=ubuntu\n@@headroom-probe distro-mounts end exit=0@@\nx @@headroom-probe distro-os-release end exit=0@@\n',
        stderr: '',
        exitCode: 0,
      },
    });
  });

  it('reads CRLF-free negative and garbled exit codes, and keeps the first block of a repeated id', () => {
    const text =
      block('distro-nproc', '1', '', -1) +
      block('distro-uname', 'x', '', 'abc') +
      block('distro-nproc', '2', '', 0);
    expect(blocks(text)).toEqual({
      'distro-nproc': { stdout: '1', stderr: '', exitCode: -1 },
      'distro-uname': { stdout: 'x', stderr: '', exitCode: null },
    });
  });

  it('is unreadable without any begin marker, e.g. when wsl.exe itself failed', () => {
    for (const text of [
      '',
      'There is no distribution with the supplied name.\nError code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\n',
    ]) {
      const result = splitDistroProbeOutput(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.unreadable.probe).toBe('distro-batch');
    }
  });
});

describe('the probe script run for real with /bin/sh', () => {
  it('prints every probe between markers; the GPU probes report their absence on a machine without WSL', () => {
    const run = runScript(buildDistroProbeScript());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const result = blocks(run.stdout);
    expect(Object.keys(result)).toEqual([...DISTRO_PROBE_IDS]);
    for (const id of [
      'distro-meminfo',
      'distro-nproc',
      'distro-uname',
      'distro-os-release',
      'distro-mounts',
    ]) {
      expect(result[id]?.exitCode).toBe(0);
    }
    for (const id of ['distro-nvidia-smi', 'distro-nvidia-smi-query']) {
      expect(result[id]?.exitCode).not.toBe(0);
      expect(result[id]?.stderr).toContain('/usr/lib/wsl/lib/nvidia-smi');
    }
    expect(result['distro-libcuda']?.exitCode).not.toBe(0);

    const facts = readDistroFacts(result);
    expect(facts.meminfo?.ok && facts.meminfo.value.memTotalKiB).toBeGreaterThan(0);
    expect(facts.nproc?.ok && facts.nproc.value).toBeGreaterThan(0);
    expect(facts.kernel?.ok && facts.kernel.value.release).toBe(release());
    expect(facts.osRelease?.ok).toBe(true);
    expect(facts.mounts?.ok && facts.mounts.value.some((mount) => mount.mountPoint === '/')).toBe(true);
    expect(facts.libcuda?.ok && facts.libcuda.value.wslLibcudaPresent).toBe(false);
    expect(facts.nvidiaPackages?.ok).toBe(true);
    expect(facts.wslConf?.ok).toBe(true);
  });

  it('stops a hanging probe with timeout (exit 124) and runs the ones after it', () => {
    const run = runScript(withProbe('distro-nproc', 1, 'echo started; sleep 20'));
    const result = blocks(run.stdout);
    expect(result['distro-nproc']).toMatchObject({ stdout: 'started\n', stderr: '', exitCode: 124 });
    expect(result['distro-nproc']?.durationMs).toBeGreaterThanOrEqual(900);
    expect(result['distro-mounts']?.exitCode).toBe(0);
  });

  it('runs without a timeout command', () => {
    const run = runScript(
      `timeout() { return 127; }\n${withProbe('distro-nproc', 1, 'echo out; echo err >&2; exit 3')}`,
    );
    expect(blocks(run.stdout)['distro-nproc']).toMatchObject({ stdout: 'out\n', stderr: 'err', exitCode: 3 });
    expect(blocks(run.stdout)['distro-nproc']?.durationMs).toEqual(expect.any(Number));
  });

  it('leaves a probe that was killed mid-run with exitCode null and what it printed', async () => {
    // Without `timeout` (which puts a probe in a process group of its own), killing the group ends every process.
    const script = `timeout() { return 127; }\n${withProbe('distro-nproc', 60, 'echo partial; sleep 60')}`;
    const child = spawn('/bin/sh', ['-c', script], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('partial\n') && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    });
    await closed;
    const result = blocks(stdout);
    expect(result['distro-meminfo']?.exitCode).toBe(0);
    expect(result['distro-nproc']).toEqual({ stdout: 'partial\n', stderr: '', exitCode: null });
    expect(result['distro-uname']).toBeUndefined();
    const facts = readDistroFacts(result);
    expect(facts.nproc?.ok).toBe(false);
    expect(facts.meminfo?.ok).toBe(true);
  });
});
