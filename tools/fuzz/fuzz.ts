/**
 * `npm run fuzz`: drive the CLI (in-process, and a few runs as a real process) and the demo server with random and
 * hostile inputs, and count crashes (a stack trace, a JavaScript message, an exit code outside the documented set),
 * hangs (no answer within a bound) and lost edits (a `wslconfig set` that said "Saved" whose value is not in the
 * file). Seeded and reproducible: the seed is printed and FUZZ_SEED overrides it. Exits 1 when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWslConfig, requireKeySpec, setWslConfigValues } from '@headroom/core';
import { startDemoServer } from '@headroom/service';
import { DEMO_PROTOCOL } from '@headroom/contract';
import fc from 'fast-check';
import { runCli, type CliRun } from '../../apps/cli/src/testing/run-cli';
import { hostileRequest, sendRaw } from '../../packages/service/src/testing/hostile-http';
import { createSimulatedService } from '../../packages/service/src/testing/simulated-service';
import { cliArgv, editSequence, captureMutation, type CaptureMutation } from './inputs';

const SEED = Number(process.env.FUZZ_SEED ?? 15_2026);
const RUNS = {
  demo: Number(process.env.FUZZ_DEMO_RUNS ?? 300),
  cli: Number(process.env.FUZZ_CLI_RUNS ?? 80),
  edits: Number(process.env.FUZZ_EDIT_RUNS ?? 60),
  process: Number(process.env.FUZZ_PROCESS_RUNS ?? 4),
};
/** Exit codes the CLI documents: 0-4 the doctor's categories (1 failed, 2 usage as well), 5 an unreadable capture. */
const DOCUMENTED_EXIT_CODES = new Set([0, 1, 2, 3, 4, 5]);
const JS_MESSAGE =
  /Cannot read propert|is not a function|is not iterable|is not defined|Cannot convert .* to a BigInt|Maximum call stack|Unexpected token|\n\s+at .+:\d+:\d+|^\s+at /m;
const CLI_BOUND_MS = 20_000;
const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

interface Failure {
  readonly target: string;
  /** `unchecked`: too few edits were saved to check for loss, so the run proves little. */
  readonly kind: 'crash' | 'hang' | 'lost-edit' | 'unchecked';
  readonly input: string;
  readonly detail: string;
}

const failures: Failure[] = [];
let passed = 0;
/** How many `set` runs said Saved and had their file checked for lost edits. */
let savesChecked = 0;
/** How many assignments of those runs were checked in the file. */
let editsChecked = 0;
/**
 * Fewer checked edits than this per sequence fails the run: a fuzzer whose edits are all refused checks nothing for
 * loss (it once checked 19 in a run).
 */
const MIN_EDITS_CHECKED_PER_SEQUENCE = 4;

function record(
  target: string,
  input: unknown,
  failure: Omit<Failure, 'target' | 'input'> | undefined,
): void {
  if (!failure) {
    passed += 1;
    return;
  }
  failures.push({ target, input: JSON.stringify(input), ...failure });
}

function withBound<T>(promise: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<'hang'>((resolvePromise) => {
      timer = setTimeout(() => resolvePromise('hang'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What makes a CLI run a crash, if anything. */
function judgeRun(run: CliRun): Omit<Failure, 'target' | 'input'> | undefined {
  if (!DOCUMENTED_EXIT_CODES.has(run.code)) return { kind: 'crash', detail: `exit code ${run.code}` };
  const text = `${run.stderr}\n${run.stdout}`;
  const match = JS_MESSAGE.exec(text);
  if (match) return { kind: 'crash', detail: `printed "${match[0].trim()}": ${run.stderr.slice(0, 300)}` };
  return undefined;
}

async function runInProcess(argv: readonly string[]): Promise<CliRun | 'hang' | Error> {
  try {
    return await withBound(runCli(...argv), CLI_BOUND_MS);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function judged(result: CliRun | 'hang' | Error): Omit<Failure, 'target' | 'input'> | undefined {
  if (result === 'hang') return { kind: 'hang', detail: `no exit within ${CLI_BOUND_MS} ms` };
  if (result instanceof Error) return { kind: 'crash', detail: `threw ${result.stack ?? result.message}` };
  return judgeRun(result);
}

async function fuzzDemoServer(): Promise<void> {
  const fixture = await createSimulatedService('healthy');
  const staticDir = mkdtempSync(join(tmpdir(), 'headroom-fuzz-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Headroom</title>');
  const server = await startDemoServer({ router: fixture.router, staticDir });
  try {
    const requests = fc.sample(hostileRequest, { seed: SEED, numRuns: RUNS.demo });
    for (const request of requests) {
      const answer = await sendRaw(server.port, server.token, DEMO_PROTOCOL.tokenHeader, request, 5000);
      if ('none' in answer) {
        record('demo', request, {
          kind: answer.none === 'timeout' ? 'hang' : 'crash',
          detail: `no HTTP answer (${answer.none})`,
        });
        continue;
      }
      const alive = await withBound(
        fetch(`${server.origin}/`).then((response) => response.status),
        5000,
      );
      record(
        'demo',
        request,
        alive === 200 ? undefined : { kind: 'crash', detail: `the server stopped answering (${alive})` },
      );
    }
  } finally {
    await server.close();
    await fixture.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  }
}

function writeMutatedCapture(base: string, dir: string, mutation: CaptureMutation): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(base, 'capture.json'), 'utf8')) as Record<string, unknown>;
  for (const name of ['wslconfig', ...(json.probes as { stdout: string }[]).map((p) => p.stdout)]) {
    try {
      writeFileSync(join(dir, name), readFileSync(join(base, name)));
    } catch {
      // a probe without an output file: leave it out
    }
  }
  const mutated = mutation.apply(json);
  if (mutation.stdout) {
    const probes = Array.isArray(json.probes) ? (json.probes as { stdout?: unknown }[]) : [];
    const probe = probes[mutation.stdout.probe % Math.max(probes.length, 1)];
    if (typeof probe?.stdout === 'string') writeFileSync(join(dir, probe.stdout), mutation.stdout.bytes);
  }
  if (mutation.asFolder) {
    rmSync(join(dir, mutation.asFolder), { force: true });
    mkdirSync(join(dir, mutation.asFolder));
  }
  writeFileSync(join(dir, 'capture.json'), typeof mutated === 'string' ? mutated : JSON.stringify(mutated));
}

async function fuzzCli(work: string): Promise<void> {
  const base = join(work, 'capture-base');
  const made = await runCli('collect', '--simulate', 'driver-mismatch', '--out', base);
  if (made.code !== 0) throw new Error(`could not write the base capture: ${made.stderr}`);
  const wslconfig = join(work, 'cli.wslconfig');
  const samples = fc.sample(fc.tuple(cliArgv, captureMutation), { seed: SEED + 1, numRuns: RUNS.cli });
  for (const [argv, mutation] of samples) {
    const capture = join(work, 'capture');
    writeMutatedCapture(base, capture, mutation);
    writeFileSync(wslconfig, '[wsl2]\r\nmemory=8GB\r\n');
    const concrete = argv.map((arg) => (arg === '@CAPTURE' ? capture : arg === '@FILE' ? wslconfig : arg));
    record('cli', { argv: concrete, mutation: mutation.label }, judged(await runInProcess(concrete)));
  }
}

/** The value a lone `set key=value` leaves in an empty file, read back with WSL's rules. */
function expectedSetting(key: string, value: string): unknown {
  const bytes = setWslConfigValues(new Uint8Array(), [{ key, value }]);
  return checkWslConfig(bytes).settings[requireKeySpec(key).key];
}

async function fuzzEdits(work: string): Promise<void> {
  const file = join(work, 'edits.wslconfig');
  const sequences = fc.sample(editSequence, { seed: SEED + 2, numRuns: RUNS.edits });
  for (const sequence of sequences) {
    writeFileSync(file, Buffer.from(sequence.start));
    for (const step of sequence.steps) {
      const argv = ['wslconfig', 'set', file, ...step.map(([key, value]) => `${key}=${value}`)];
      const result = await runInProcess(argv);
      const failure = judged(result);
      if (failure || result === 'hang' || result instanceof Error) {
        record('wslconfig set', { start: sequence.label, argv }, failure);
        continue;
      }
      if (result.code !== 0 || !result.stdout.includes('Saved')) {
        record('wslconfig set', { argv }, undefined);
        continue;
      }
      savesChecked += 1;
      editsChecked += new Set(step.map(([key]) => requireKeySpec(key).key)).size;
      const settings = checkWslConfig(new Uint8Array(readFileSync(file))).settings;
      const last = new Map(step.map(([key, value]) => [requireKeySpec(key).key, [key, value] as const]));
      const lost = [...last.values()].filter(
        ([key, value]) =>
          JSON.stringify(settings[requireKeySpec(key).key]) !== JSON.stringify(expectedSetting(key, value)),
      );
      record(
        'wslconfig set',
        { start: sequence.label, argv },
        lost.length === 0
          ? undefined
          : {
              kind: 'lost-edit',
              detail: `said Saved but the file lacks ${lost.map(([k, v]) => `${k}=${v}`).join(', ')}`,
            },
      );
    }
  }
}

function fuzzRealProcess(work: string): void {
  const bin = join(ROOT, 'apps/cli/bin/headroom.js');
  const samples = fc.sample(cliArgv, { seed: SEED + 3, numRuns: RUNS.process });
  const broken = join(work, 'broken-capture');
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, 'capture.json'), 'null');
  const file = join(work, 'process.wslconfig');
  writeFileSync(file, '[wsl2]\nmemory=-1\n');
  for (const argv of samples) {
    // An operating system cannot pass a NUL inside an argument.
    const concrete = argv.map((arg) =>
      arg === '@CAPTURE' ? broken : arg === '@FILE' ? file : arg.replaceAll('\0', ''),
    );
    const run = spawnSync(process.execPath, [bin, ...concrete], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (run.error || run.status === null) {
      record('cli process', concrete, { kind: 'hang', detail: `no exit within 60 s (${run.signal ?? ''})` });
      continue;
    }
    record('cli process', concrete, judgeRun({ code: run.status, stdout: run.stdout, stderr: run.stderr }));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`fuzz seed ${SEED} (set FUZZ_SEED to reproduce or vary it)`);
  const work = mkdtempSync(join(tmpdir(), 'headroom-fuzz-'));
  process.env.HEADROOM_DATA_DIR = join(work, 'data');
  try {
    for (const [name, run] of [
      ['demo server', fuzzDemoServer],
      ['cli', () => fuzzCli(work)],
      ['wslconfig set sequences', () => fuzzEdits(work)],
      [
        'cli as a process',
        async () => {
          await Promise.resolve();
          fuzzRealProcess(work);
        },
      ],
    ] as const) {
      const before = passed + failures.length;
      const phase = Date.now();
      await run();
      if (name === 'wslconfig set sequences') {
        console.log(`  (${savesChecked} saves, ${editsChecked} edits checked for lost edits)`);
        const least = MIN_EDITS_CHECKED_PER_SEQUENCE * RUNS.edits;
        if (editsChecked < least)
          failures.push({
            target: 'wslconfig set',
            kind: 'unchecked',
            input: `${RUNS.edits} sequences`,
            detail: `only ${editsChecked} edits said Saved and were checked, fewer than ${least}`,
          });
      }
      console.log(
        `  ${name}: ${passed + failures.length - before} inputs in ${((Date.now() - phase) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const failure of failures)
    console.log(`FAIL ${failure.target} ${failure.kind}: ${failure.detail}\n     input ${failure.input}`);
  const count = (kind: Failure['kind']): number => failures.filter((f) => f.kind === kind).length;
  console.log(
    `${count('crash')} crashes, ${count('hang')} hangs, ${count('lost-edit')} lost edits, ${editsChecked} edits checked in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`${passed} passed, ${failures.length} failed`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
process.exit();
