import { createInterface } from 'node:readline/promises';
import { diagnose, readCaptureFacts, STANDARD_RULES } from '@headroom/core';
import { runVerify } from '@headroom/service';
import { BOUNDS, parseNumber, parseOptions } from '../args';
import { EXIT, type CliIo } from '../cli-io';
import { cliMachine, openHeadroom } from './machine';

/** Ask on the terminal before stopping running distros; refuse (never assume) when there is no terminal. */
async function askOnTerminal(running: readonly string[], io: CliIo): Promise<boolean> {
  if (!process.stdin.isTTY) {
    io.stderr.write(
      `headroom: ${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} running; shutting WSL down stops ${running.length === 1 ? 'it' : 'them'}. Run again with --yes to go ahead.\n`,
    );
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(
    `Shutting WSL down stops ${running.join(', ')} and whatever runs inside. Go ahead? [y/N] `,
  );
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}

/** The answer to "stop these running distros?", asked before the turn; undefined when nothing was asked. */
interface Agreement {
  readonly yes: boolean;
  readonly running: readonly string[];
}

/**
 * Ask about the distros running now, before taking WSL's turn: an open question must not hold up the app's work
 * with WSL. Nothing is asked when none runs, or when the list cannot be read (the verification then asks, or fails,
 * itself).
 */
async function askBeforeTheTurn(
  wsl: { listDistros(): Promise<readonly { name: string; state: string }[]> },
  io: CliIo,
): Promise<Agreement | undefined> {
  let running: string[];
  try {
    running = (await wsl.listDistros())
      .filter((distro) => distro.state === 'Running')
      .map((distro) => distro.name);
  } catch (error) {
    io.log?.warn('listing the running distros before asking (the verification asks itself)', error);
    return undefined;
  }
  if (running.length === 0) return undefined;
  return { yes: await askOnTerminal(running, io), running };
}

/**
 * `headroom verify [--distro X] [--yes] [--json] [--simulate S]`: shut WSL down, wait until nothing runs, boot the
 * distro and check that it has what .wslconfig says (memory, processors, swap, no warnings, the GPU, the driver).
 */
export async function runVerifyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    distro: { type: 'string' },
    yes: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    simulate: { type: 'string' },
    timeout: { type: 'string', default: '60' },
  });
  const timeoutSeconds = parseNumber('timeout', values.timeout, BOUNDS.timeoutSeconds);
  // The same verifier, history and baseline file as the app's: the tray's health check compares with this baseline.
  const headroom = await openHeadroom(
    cliMachine(values.simulate),
    io,
    values.distro === undefined ? {} : { distro: values.distro },
  );
  const { baselines, ...verifier } = headroom.verifier;
  if (!values.json)
    io.stdout.write(
      `Verifying ${headroom.machine.label}: shutting WSL down, booting it again and checking what it got…\n`,
    );
  const agreed = values.yes ? undefined : await askBeforeTheTurn(verifier.wsl, io);
  // Inside the turn only a distro started since the question is asked about again.
  const confirm = (running: readonly string[]): Promise<boolean> =>
    agreed && (!agreed.yes || running.every((name) => agreed.running.includes(name)))
      ? Promise.resolve(agreed.yes)
      : askOnTerminal(running, io);
  const verifyNow = () =>
    runVerify({ ...verifier, confirm }, { assumeYes: values.yes, stopTimeoutMs: timeoutSeconds * 1000 });
  // The app's timed check may be running `wsl -d` in a distro right now: wait for its turn rather than race it. A
  // refusal stops nothing (the loop only lists the distros again), so it does not wait.
  const outcome = await (agreed?.yes === false
    ? verifyNow()
    : headroom.turns.take('headroom verify', verifyNow, {
        stopsWsl: true,
        onWait: (holder) => io.stderr.write(`headroom: waiting for ${holder} to end its work with WSL…\n`),
      }));
  if (outcome.baseline) await baselines?.record(outcome.baseline);
  const findings =
    !outcome.ok && outcome.capture
      ? diagnose({ facts: readCaptureFacts(outcome.capture) }, STANDARD_RULES).findings
      : [];
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          ok: outcome.ok,
          checks: outcome.checks,
          // Only a pass has a baseline (docs/cli-json/verify.schema.json).
          ...(outcome.baseline ? { baseline: outcome.baseline } : {}),
          phase: outcome.state.phase,
          ...(outcome.state.reason ? { reason: outcome.state.reason } : {}),
          findings: findings.map(({ id, severity, title }) => ({ id, severity, title })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const check of outcome.checks) {
      io.stdout.write(
        `  ${check.ok ? '✔' : '✖'} ${check.id.padEnd(16)} expected ${check.expected}, observed ${check.observed}. ${check.message}\n`,
      );
    }
    if (outcome.state.reason) io.stdout.write(`${outcome.state.reason}\n`);
    for (const finding of findings) io.stdout.write(`  ${finding.title} [${finding.id}]\n`);
    io.stdout.write(
      outcome.ok
        ? 'Verified: WSL runs with your .wslconfig. Saved as the baseline later changes are compared with.\n'
        : 'Not verified. `headroom wslconfig history` lists earlier versions to restore.\n',
    );
  }
  return outcome.ok ? EXIT.ok : EXIT.failed;
}
