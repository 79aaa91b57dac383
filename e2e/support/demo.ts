import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEADROOM_BIN = join(import.meta.dirname, '..', '..', 'apps', 'cli', 'bin', 'headroom.js');

/** A `headroom demo` process started for a spec. */
export interface DemoProcess {
  /** The URL the demo printed (token in the fragment). */
  readonly url: string;
  /** The simulated machine's state folder, for specs that look behind the UI. */
  readonly stateDir: string;
  stop(): Promise<void>;
  /** End the process but keep its state folder, for a restart on it (`startDemo(…, { stateDir })`). */
  halt(): Promise<void>;
}

/** A port nothing listens on right now, found by letting the OS pick one and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Start `headroom demo` the way a user would (the CLI's bin), on a free port with its own state folder, and
 * resolve once it prints its URL. `stop` ends it and removes the state folder; `options.stateDir` starts it again on
 * the folder a halted one left, as a restarted app finds its data folder.
 */
export async function startDemo(
  scenario = 'healthy',
  env: NodeJS.ProcessEnv = {},
  options: { readonly stateDir?: string } = {},
): Promise<DemoProcess> {
  const port = await freePort();
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'headroom-e2e-'));
  const child = spawn(
    process.execPath,
    [HEADROOM_BIN, 'demo', '--scenario', scenario, '--port', String(port), '--state-dir', stateDir],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`headroom demo printed no URL within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`headroom demo exited (${String(code)}) before printing its URL:\n${output}`));
    });
  });
  return {
    url,
    stateDir,
    async stop() {
      await stopProcess(child);
      // A simulated program the demo started just before it ended may still be writing its state for a moment.
      rmSync(stateDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
    halt: () => stopProcess(child),
  };
}
