/**
 * The Windows lane's checks. Bundled to windows-checks.cjs and run by Windows' own node.exe (under Wine in CI), so
 * `process.platform` is 'win32', paths follow `path.win32`, and every program started is a real Windows process.
 * Writes one {@link LaneOutcome} per check to the results file the driver (run.ts) reads.
 *
 * Usage: node.exe windows-checks.cjs <config.json>
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import {
  createWslCli,
  createWslConfigStore,
  ProcessError,
  resolveWindowsProgram,
  runProcess,
  WslConfigFileError,
  WslError,
  writeFileAtomic,
  type WslConfigStore,
} from '@headroom/host';
import type { AppStartReport } from './app-start';
import type { LaneConfig, LaneOutcome } from './lane-config';

/** Thrown by a check to say it cannot run here, with why. */
class Skip extends Error {}

const outcomes: LaneOutcome[] = [];

async function check(name: string, body: () => Promise<void> | void): Promise<void> {
  const started = Date.now();
  try {
    await body();
    outcomes.push({ name, status: 'pass', ms: Date.now() - started });
  } catch (error) {
    const status = error instanceof Skip ? 'skip' : 'fail';
    const detail =
      error instanceof assert.AssertionError || !(error instanceof Error)
        ? String(error instanceof Error ? error.message : error)
        : (error.stack ?? error.message);
    const ms = Date.now() - started;
    outcomes.push({ name, status, detail: error instanceof Skip ? error.message : detail, ms });
  }
  const last = outcomes[outcomes.length - 1];
  if (last) process.stdout.write(`${last.status} ${name}\n`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a Windows process is still running (`process.kill(pid, 0)` asks OpenProcess / GetExitCodeProcess). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A fresh scratch folder under %TEMP%. */
function scratch(label: string): string {
  const dir = join(tmpdir(), `headroom-lane-${label}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Run `node.exe <args>` and return what it printed, as text. */
function nodeSync(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...args], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
    windowsHide: true,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The app starts

function appStart(config: LaneConfig, bundle: string): AppStartReport {
  const run = nodeSync([config.appStartLoader, bundle]);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as AppStartReport;
  } catch {
    throw new Error(
      `app-start.cjs printed no report (exit ${String(run.status)}): ${run.stdout}\n${run.stderr}`.trim(),
    );
  }
}

async function appChecks(config: LaneConfig): Promise<void> {
  await check('the app starts: the production main bundle loads and reaches app.whenReady()', () => {
    const report = appStart(config, config.mainBundle);
    assert.equal(
      report.error,
      undefined,
      `start-up threw before whenReady: ${report.error?.code ?? ''} ${report.error?.message ?? ''}`,
    );
    assert.ok(
      report.reachedWhenReady,
      `whenReady was never called; electron calls: ${report.electronCalls.join(', ')}`,
    );
    assert.ok(report.electronCalls.includes('app.requestSingleInstanceLock'));
  });
  await check('the start-up check fails a bundle that calls createRequire(<build path>) at load', () => {
    const report = appStart(config, config.brokenBundle);
    assert.equal(report.reachedWhenReady, false, 'the broken bundle was reported as starting');
    assert.equal(report.error?.code, 'ERR_INVALID_ARG_VALUE', JSON.stringify(report.error));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The CLI on the user's own .wslconfig

/** The user's file as someone wrote it: CRLF, comments, a value with a trailing comment, no final newline. */
const ORIGINAL_WSLCONFIG =
  '# my WSL settings\r\n[wsl2]\r\nmemory=4GB # leave Windows room\r\nprocessors=1\r\n\r\n[experimental]\r\nautoMemoryReclaim=dropcache';

function cli(config: LaneConfig, args: readonly string[]): SpawnSyncReturns<string> {
  const env = { ...process.env };
  delete env.HEADROOM_DATA_DIR;
  return nodeSync([config.cliBundle, ...args], env);
}

function cliOk(config: LaneConfig, args: readonly string[]): string {
  const run = cli(config, args);
  assert.equal(
    run.status,
    0,
    `headroom ${args.join(' ')} exited ${String(run.status)}:\n${run.stdout}\n${run.stderr}`,
  );
  return run.stdout;
}

async function cliChecks(config: LaneConfig): Promise<void> {
  await check('headroom --version prints the version', () => {
    assert.equal(cliOk(config, ['--version']), `headroom ${config.cliVersion}\n`);
  });

  // WSL reads %USERPROFILE% of the signed-in user's token: C:\users\<name>\.wslconfig.
  const profile = userInfo().homedir;
  const wslconfig = join(profile, '.wslconfig');
  const appData = process.env.APPDATA ?? join(profile, 'AppData', 'Roaming');
  const dataDir = join(appData, 'Headroom');
  rmSync(dataDir, { recursive: true, force: true });
  writeFileSync(wslconfig, ORIGINAL_WSLCONFIG);
  const original = readFileSync(wslconfig);

  await check('headroom wslconfig check reads the profile .wslconfig WSL reads', () => {
    const out = cliOk(config, ['wslconfig', 'check']);
    assert.ok(out.includes(wslconfig), `check did not name ${wslconfig}:\n${out}`);
    assert.match(out, /wsl2\.memory\s+4294967296/, out);
    assert.deepEqual(readFileSync(wslconfig), original, 'check changed the file');
  });
  await check('headroom wslconfig set changes only the value, every other byte kept', () => {
    cliOk(config, ['wslconfig', 'set', 'wsl2.memory=8GB']);
    const expected = ORIGINAL_WSLCONFIG.replace('memory=4GB', 'memory=8GB');
    assert.equal(readFileSync(wslconfig, 'latin1'), expected);
  });
  await check('headroom wslconfig history lists the backups kept in %APPDATA%\\Headroom', () => {
    const entries = JSON.parse(cliOk(config, ['wslconfig', 'history', '--json'])) as { reason: string }[];
    assert.ok(entries.length >= 2, `expected the version before and after the set, got ${entries.length}`);
    const historyRoot = join(dataDir, 'wslconfig-history');
    assert.ok(existsSync(historyRoot), `no history folder at ${historyRoot}`);
    // The user's own .wslconfig keeps its versions straight in the data folder's history (README "Data folder").
    const kept = readdirSync(historyRoot);
    const versions = kept.filter((name) => name.endsWith('.wslconfig'));
    assert.equal(versions.length, entries.length, `history holds: ${kept.join(', ')}`);
    assert.ok(kept.includes('index.json'), `no index.json in ${kept.join(', ')}`);
  });
  await check('headroom wslconfig restore brings back the exact original bytes', () => {
    const entries = JSON.parse(cliOk(config, ['wslconfig', 'history', '--json'])) as {
      id: string;
      reason: string;
    }[];
    const before = entries.find((entry) => entry.reason.startsWith('before:'));
    assert.ok(before, `no "before:" version in ${JSON.stringify(entries)}`);
    cliOk(config, ['wslconfig', 'restore', before.id]);
    assert.deepEqual(readFileSync(wslconfig), original);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The process runner against real Windows executables

function simEnv(config: LaneConfig, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${config.winBin};${process.env.PATH ?? ''}`,
    HEADROOM_SIMULATOR_STATE: config.simStateDir,
    ...extra,
  };
}

/** A hung program: starts a child that never ends, writes both pids, then never ends itself. */
const HANG_SCRIPT = `
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
// Detached: outside libuv's kill-on-close job, like a real program's child, so only taskkill /T can end it.
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore', detached: true });
child.once('spawn', () => writeFileSync(process.argv[2], JSON.stringify({ parent: process.pid, child: child.pid })));
setInterval(() => {}, 1000);
`;

/** Whether this system's taskkill knows /T (Wine 8's does not: "Unknown or invalid command line option"). */
function taskkillHasTreeOption(): boolean {
  const probe = spawnSync('taskkill', ['/PID', '4000000', '/T', '/F'], {
    encoding: 'utf8',
    windowsHide: true,
  });
  return !/invalid command line option/i.test(`${probe.stdout}${probe.stderr}`);
}

async function processChecks(config: LaneConfig): Promise<void> {
  const wslExe = join(config.winBin, 'wsl.exe');
  const nvidiaSmiExe = join(config.winBin, 'nvidia-smi.exe');

  await check('wsl.exe --list --verbose in UTF-16LE is decoded into the distros', async () => {
    const raw = await runProcess([wslExe, '--list', '--verbose'], { timeoutMs: 30_000, env: simEnv(config) });
    assert.equal(raw.exitCode, 0);
    assert.ok(raw.stdout.length > 0 && raw.stdout[1] === 0, 'the output is not UTF-16LE (no NUL high bytes)');
    const distros = await createWslCli({
      executable: wslExe,
      env: simEnv(config),
      utf8: false,
    }).listDistros();
    assert.deepEqual(
      distros.map((distro) => distro.name),
      config.expectedDistros,
    );
  });

  await check(
    'a multi-line sh -c script reaches wsl.exe -e argument for argument (Windows quoting and splitting)',
    async () => {
      const log = join(scratch('argv'), 'argv.jsonl');
      const script =
        'set -e\necho "a b" \'c\'\nprintf \'%s\\n\' "q\\"z" x\\\\y\n\tcat /proc/meminfo | head -n 1\n';
      const args = [
        '-d',
        config.expectedDistros[0] ?? 'Ubuntu',
        '-e',
        'sh',
        '-c',
        script,
        '',
        'tail\\',
        'sp ace\\',
      ];
      await runProcess([wslExe, ...args], {
        timeoutMs: 30_000,
        env: simEnv(config, { HEADROOM_LANE_ARGV_LOG: log }),
      });
      const [line] = readFileSync(log, 'utf8').trim().split('\n');
      const seen = JSON.parse(line ?? '{}') as { program: string; argv: string[] };
      assert.equal(seen.program, 'wsl');
      assert.deepEqual(seen.argv, args);
    },
  );

  await check(
    'a bare reg.exe runs from %SystemRoot%\\System32, whatever the case of SystemRoot',
    async () => {
      const systemRoot = process.env.SystemRoot ?? '';
      assert.ok(systemRoot !== '', 'Windows gave this process no SystemRoot');
      const expected = join(systemRoot, 'System32', 'reg.exe');
      assert.equal(resolveWindowsProgram('reg.exe', process.env), expected);
      assert.equal(resolveWindowsProgram('REG', { SYSTEMROOT: systemRoot }), expected);
      assert.equal(resolveWindowsProgram('wsl.exe', {}), 'C:\\Windows\\System32\\wsl.exe');
      const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage';
      // A PATH that finds nothing: the program must come from SystemRoot, not from PATH.
      const result = await runProcess(['reg.exe', 'query', key, '/v', 'OEMCP'], {
        timeoutMs: 30_000,
        env: { ...process.env, PATH: scratch('empty-path') },
      });
      assert.equal(result.exitCode, 0, Buffer.from(result.stderr).toString());
      assert.match(Buffer.from(result.stdout).toString('latin1'), /OEMCP\s+REG_SZ\s+\d+/);
    },
  );

  await check('nvidia-smi.exe runs and its output is captured', async () => {
    const result = await runProcess([nvidiaSmiExe], { timeoutMs: 30_000, env: simEnv(config) });
    assert.equal(result.exitCode, 0, Buffer.from(result.stderr).toString());
    assert.match(Buffer.from(result.stdout).toString('utf8'), /NVIDIA-SMI/);
  });

  await check('exit code -1: Windows reports 4294967295, the runner and WslError say -1', async () => {
    const raw = spawnSync(wslExe, ['--no-such-option'], { env: simEnv(config), windowsHide: true });
    assert.equal(raw.status, 4294967295, `Windows' exit code was ${String(raw.status)}`);
    const result = await runProcess([wslExe, '--no-such-option'], { timeoutMs: 30_000, env: simEnv(config) });
    assert.equal(result.exitCode, -1);
    const wsl = createWslCli({ executable: wslExe, env: simEnv(config) });
    const missing = await wsl.exec('NoSuchDistro', ['true']);
    assert.equal(missing.exitCode, -1);
    await assert.rejects(
      createWslCli({ executable: join(config.winBin, 'missing', 'wsl.exe') }).listDistros(),
      (error: unknown) => error instanceof WslError && error.failure === 'not-installed',
    );
  });

  const dir = scratch('hang');
  const hangScript = join(dir, 'hang.cjs');
  const pidsFile = join(dir, 'pids.json');
  writeFileSync(hangScript, HANG_SCRIPT);
  let pids: { parent: number; child: number } | undefined;
  await check('a hung program is stopped at its timeout', async () => {
    const timeoutMs = 4_000;
    const started = Date.now();
    const settled = runProcess([process.execPath, hangScript, pidsFile], { timeoutMs }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    const guard = sleep(timeoutMs + 20_000).then(() => 'never settled');
    const outcome = await Promise.race([settled, guard]);
    if (existsSync(pidsFile)) pids = JSON.parse(readFileSync(pidsFile, 'utf8')) as typeof pids;
    assert.ok(
      outcome instanceof ProcessError && outcome.failure === 'timeout',
      `expected a timeout error, got ${String(outcome)}`,
    );
    assert.ok(Date.now() - started >= timeoutMs);
    assert.ok(pids, 'the hung program never wrote its pids');
    await sleep(500);
    assert.equal(isAlive(pids.parent), false, `the hung program ${pids.parent} still runs`);
  });
  await check('the hung program is killed with its tree (taskkill /T /F)', async () => {
    if (!pids) throw new Skip('the hung program did not start');
    if (!taskkillHasTreeOption()) {
      if (isAlive(pids.child)) process.kill(pids.child);
      throw new Skip(
        "this system's taskkill has no /T (Wine before 9); the runner still killed the program itself (check above)",
      );
    }
    await sleep(500);
    assert.equal(isAlive(pids.child), false, `the hung program's child ${pids.child} still runs`);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Atomic writes

/**
 * Held the way antivirus holds a file it scans: Windows' cmd.exe opens it as the stdin of a program (a
 * `< file` redirect: read sharing, no FILE_SHARE_DELETE), so others can read it but not replace or delete it.
 * The program says "holding" and waits until the release file appears.
 */
const HOLD_SCRIPT = `
const { existsSync } = require('node:fs');
process.stdout.write('holding\\n');
const timer = setInterval(() => { if (existsSync(process.argv[2])) clearInterval(timer); }, 50);
`;

function storeFor(dir: string): { store: WslConfigStore; path: string } {
  const path = join(dir, '.wslconfig');
  return { path, store: createWslConfigStore({ path, historyDir: join(dir, 'history') }) };
}

function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

async function expectRefused(store: WslConfigStore, words: RegExp): Promise<void> {
  const current = await store.read().catch(() => undefined);
  await assert.rejects(
    store.write(new TextEncoder().encode('[wsl2]\r\nmemory=2GB\r\n'), {
      expectedHash: current?.hash ?? 'unknown',
      reason: 'lane',
    }),
    (error: unknown) => {
      assert.ok(error instanceof WslConfigFileError, `not a WslConfigFileError: ${String(error)}`);
      assert.match(error.message, words);
      return true;
    },
  );
}

async function atomicChecks(): Promise<void> {
  const original = Buffer.from('[wsl2]\r\nmemory=4GB\r\n', 'latin1');

  await check('an atomic write replaces an existing file whole, no temp file left', async () => {
    const dir = scratch('rename');
    const path = join(dir, '.wslconfig');
    writeFileSync(path, original);
    const next = Buffer.from('[wsl2]\r\nmemory=8GB\r\n');
    await writeFileAtomic(path, next);
    assert.deepEqual(readFileSync(path), next);
    assert.deepEqual(leftovers(dir), []);
  });

  await check(
    'a target held open without delete sharing: refused, file intact, a clear message',
    async () => {
      const dir = scratch('held');
      const { path, store } = storeFor(dir);
      writeFileSync(path, original);
      const holderScript = join(dir, 'hold.cjs');
      const release = join(dir, 'release');
      const batch = join(dir, 'hold.bat');
      writeFileSync(holderScript, HOLD_SCRIPT);
      writeFileSync(batch, `@"${process.execPath}" "${holderScript}" "${release}" < "${path}"\r\n`);
      const holder = spawn('cmd', ['/c', batch], { stdio: ['ignore', 'pipe', 'inherit'], windowsHide: true });
      try {
        const [first] = (await once(holder.stdout, 'data')) as [Buffer];
        assert.match(first.toString(), /holding/);
        assert.deepEqual(readFileSync(path), original, 'a reader was refused: the holder must share reading');
        await assert.rejects(writeFileAtomic(path, Buffer.from('x')), (error: NodeJS.ErrnoException) => {
          assert.ok(['EBUSY', 'EPERM', 'EACCES'].includes(error.code ?? ''), `code ${String(error.code)}`);
          return true;
        });
        await expectRefused(store, /held open by another program/);
      } finally {
        writeFileSync(release, '');
        await once(holder, 'exit');
      }
      assert.deepEqual(readFileSync(path), original);
      assert.deepEqual(leftovers(dir), []);
    },
  );

  await check('a Hidden and System file keeps both attributes when it is replaced (attrib.exe)', async () => {
    const attrib = resolveWindowsProgram('attrib.exe', process.env);
    const attributesOf = (path: string): string => {
      const listed = spawnSync(attrib, [path], { encoding: 'utf8', windowsHide: true });
      return listed.stdout.slice(0, Math.max(0, listed.stdout.toLowerCase().lastIndexOf(path.toLowerCase())));
    };
    const dir = scratch('attributes');
    // Not a dot file: Wine calls every Unix dot file Hidden, which would hide whether the attribute was kept.
    const path = join(dir, 'wslconfig.ini');
    writeFileSync(path, original);
    spawnSync(attrib, ['+H', '+S', path], { windowsHide: true });
    const before = attributesOf(path);
    if (!before.includes('S'))
      throw new Skip(`attrib.exe could not set System here (it lists "${before.trim()}")`);
    await writeFileAtomic(path, Buffer.from('[wsl2]\r\nmemory=8GB\r\n'));
    assert.deepEqual(readFileSync(path, 'latin1'), '[wsl2]\r\nmemory=8GB\r\n');
    const after = attributesOf(path);
    assert.equal(after.includes('S'), true, `System was lost: attrib lists "${after.trim()}"`);
    assert.equal(
      after.includes('H'),
      before.includes('H'),
      `Hidden changed: "${before.trim()}" became "${after.trim()}"`,
    );
    spawnSync(attrib, ['-H', '-S', path], { windowsHide: true });
    assert.deepEqual(leftovers(dir), []);
  });

  await check('a read-only .wslconfig: refused, file intact, a clear message', async () => {
    const probeDir = scratch('readonly-probe');
    const probe = join(probeDir, 'target');
    writeFileSync(probe, 'old');
    chmodSync(probe, 0o444);
    await writeFileAtomic(probe, Buffer.from('new')).catch(() => undefined);
    const replaced = readFileSync(probe, 'utf8') === 'new';
    chmodSync(probe, 0o666);
    if (replaced) {
      throw new Skip(
        'this Windows (Wine) lets MoveFileEx replace a read-only file; Windows refuses with ERROR_ACCESS_DENIED',
      );
    }
    const dir = scratch('readonly');
    const { path, store } = storeFor(dir);
    writeFileSync(path, original);
    chmodSync(path, 0o444);
    try {
      await expectRefused(store, /[Rr]ead-only/);
      assert.deepEqual(readFileSync(path), original);
      assert.deepEqual(leftovers(dir), []);
    } finally {
      chmodSync(path, 0o666);
    }
  });
}

async function main(): Promise<void> {
  const configPath = process.argv[2];
  if (configPath === undefined) throw new Error('usage: windows-checks.cjs <config.json>');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as LaneConfig;
  assert.equal(process.platform, 'win32', 'the Windows lane must run under Windows Node');
  try {
    await appChecks(config);
    await cliChecks(config);
    await processChecks(config);
    await atomicChecks();
  } finally {
    writeFileSync(config.resultsFile, JSON.stringify(outcomes, null, 2));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `windows-checks: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
