/**
 * How many processes the host facts start over a number of health checks, counted off Windows: systeminformation's
 * own Windows code runs (its `process.platform` says `win32`), but every process it would start goes to a counting
 * fake instead (`child_process`), the persistent PowerShell answers every command with empty output, and the
 * Windows files it looks for first (`powershell.exe`, `System32\nvidia-smi.exe`, as an NVIDIA driver installs it)
 * are said to exist. What it measures: the processes systeminformation asks Node to start for Headroom's questions.
 * What it does not: anything PowerShell itself starts inside its session (WMI runs in a Windows service).
 *
 * It changes `process.platform` and `child_process` for good, so it runs in a process of its own:
 * {@link hostFactsProcesses} starts one (`node --import tsx count-processes.ts CHECKS`).
 */
import childProcess, { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One process systeminformation asked for: how (`spawn`, `execSync`…) and the program. */
export interface CountedProcess {
  readonly how: string;
  readonly program: string;
  /** Whether it stays running (the persistent PowerShell session). */
  readonly persistent: boolean;
}

/** What {@link countHostFactsProcesses} counted. */
export interface HostFactsProcessCount {
  readonly checks: number;
  readonly processes: number;
  /** How many of them stay running: the one PowerShell session. */
  readonly persistent: number;
  /** Each process asked for, in order. */
  readonly started: readonly CountedProcess[];
}

/** The session's markers (systeminformation's lib/util.js) that a command's output is wrapped in. */
const START = '--###START###--';
const ID = '--##ID##--';
const END = '--###ENDCMD###--';

/** A child process that starts nothing: the PowerShell session answers each command, any other ends at once. */
function fakeChild(persistent: boolean, stdout = ''): childProcess.ChildProcess {
  const child = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const out = new EventEmitter();
  Object.assign(child, {
    pid: 1,
    stdout: out,
    stderr: new EventEmitter(),
    kill: () => true,
    stdin: {
      write(data: unknown) {
        const command = new RegExp(`${START}(\\w+)${ID}`).exec(String(data));
        if (command)
          setImmediate(() => out.emit('data', Buffer.from(`${START}${command[1]}${ID}\r\n${END}\r\n`)));
        return true;
      },
      end: () => undefined,
    },
  });
  if (!persistent)
    setImmediate(() => {
      if (stdout) out.emit('data', Buffer.from(stdout));
      child.emit('close', 0);
    });
  return child as unknown as childProcess.ChildProcess;
}

/** What a program prints when systeminformation reads its output synchronously (`chcp` names the code page). */
function outputOf(program: string): string {
  return /^chcp\b/i.test(program) ? 'Active code page: 437\r\n' : '';
}

/** Replaces `child_process`'s ways to start a process with ones that count and start nothing. */
function countProcesses(started: CountedProcess[]): void {
  const record = (how: string, program: string, persistent = false): void => {
    started.push({ how, program: program.split(' ')[0] ?? program, persistent });
  };
  const callbackOf = (args: unknown[]) =>
    args.find(
      (arg): arg is (error: null, stdout: string, stderr: string) => void => typeof arg === 'function',
    );
  const fakes = {
    spawn(program: string, args: readonly string[] = []) {
      const persistent = args.includes('-NoExit');
      record('spawn', program, persistent);
      return fakeChild(persistent);
    },
    exec(command: string, ...rest: unknown[]) {
      record('exec', command);
      const output = outputOf(command);
      setImmediate(() => callbackOf(rest)?.(null, output, ''));
      return fakeChild(false, output);
    },
    execFile(program: string, ...rest: unknown[]) {
      record('execFile', program);
      setImmediate(() => callbackOf(rest)?.(null, '', ''));
      return fakeChild(false);
    },
    execSync(command: string) {
      record('execSync', command);
      return outputOf(command);
    },
    execFileSync(program: string) {
      record('execFileSync', program);
      return '';
    },
    spawnSync(program: string) {
      record('spawnSync', program);
      return { pid: 1, status: 0, signal: null, output: [], stdout: '', stderr: '' };
    },
  };
  Object.assign(childProcess, fakes);
}

/** Says the Windows files systeminformation looks for exist: PowerShell and the NVIDIA driver's nvidia-smi.exe. */
function windowsFiles(): void {
  const existsSync = fs.existsSync.bind(fs);
  fs.existsSync = (path) =>
    /WindowsPowerShell[\\/]v1\.0[\\/]powershell\.exe$|System32[\\/]nvidia-smi\.exe$/i.test(String(path)) ||
    existsSync(path);
}

/**
 * `checks` health checks' worth of host facts (every fact, the drives of a distro's disk and a model folder), asked
 * through systeminformation's Windows code with processes counted, not started. Call once, in a process of its own.
 */
export async function countHostFactsProcesses(checks: number): Promise<HostFactsProcessCount> {
  const require = createRequire(import.meta.url);
  if (Object.keys(require.cache).some((path) => path.includes('systeminformation')))
    throw new Error('systeminformation is already loaded: count its processes in a fresh process');
  Object.defineProperty(process, 'platform', { value: 'win32' });
  const started: CountedProcess[] = [];
  countProcesses(started);
  windowsFiles();
  const { systemInformationHostFacts } = await import('./host-facts');
  const { withHostFacts } = await import('../capture/this-host');
  const facts = systemInformationHostFacts(
    require('systeminformation') as Parameters<typeof systemInformationHostFacts>[0],
  );
  const paths = ['C:\\Users\\me\\AppData\\Local\\wsl\\{0}\\ext4.vhdx', 'D:\\models'];
  for (let check = 0; check < checks; check += 1) await withHostFacts({}, facts, paths);
  facts.close();
  return {
    checks,
    processes: started.length,
    persistent: started.filter((counted) => counted.persistent).length,
    started,
  };
}

/**
 * {@link countHostFactsProcesses} in a Node process of its own (it changes `process.platform` for good), for the
 * bench and the tests.
 */
export function hostFactsProcesses(checks: number): HostFactsProcessCount {
  const here = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', here, String(checks)], {
    cwd: dirname(here),
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) throw new Error(`counting the host facts' processes failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as HostFactsProcessCount;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  countHostFactsProcesses(Number(process.argv[2] ?? 3)).then(
    (count) => process.stdout.write(`${JSON.stringify(count)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
