import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWslConfig } from '@headroom/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const writer = fileURLToPath(new URL('./store-race-writer.ts', import.meta.url));
const ROUNDS = 100;

/**
 * A memory file system where there is one: the test is about the lock, and on a virtual disk every fsync of the
 * atomic writes costs tens of milliseconds.
 */
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(scratch, 'headroom-race-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface WriterResult {
  readonly saved: number;
  readonly conflicts: number;
  readonly lost: number;
}

function startWriter(file: string, historyDir: string, key: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', writer, file, historyDir, key, String(ROUNDS)], {
    stdio: 'pipe',
  });
}

/** The child's stdout line by line; when it exits early, its exit code and stderr instead. */
function lines(child: ChildProcessWithoutNullStreams): { next(): Promise<string> } {
  let buffered = '';
  const ready: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      const next = waiting.shift();
      if (next) next(line);
      else ready.push(line);
    }
  });
  child.on('close', (code) => {
    for (const next of waiting.splice(0)) next(`exit ${code}: ${stderr}`);
  });
  return {
    next: () =>
      new Promise((resolve) => {
        const line = ready.shift();
        if (line !== undefined) resolve(line);
        else waiting.push(resolve);
      }),
  };
}

describe('the .wslconfig store across processes', () => {
  it(`loses no edit when separate processes set different keys of one file at once (${ROUNDS} rounds each)`, async () => {
    const file = join(dir, '.wslconfig');
    writeFileSync(file, '[wsl2]\r\n# written by hand\r\nmemory=8GB\r\n');
    const keys = ['wsl2.memory', 'wsl2.processors', 'wsl2.swap'];
    const children = keys.map((key) => startWriter(file, join(dir, 'history'), key));
    const outputs = children.map(lines);
    for (const output of outputs) expect(await output.next()).toBe('ready');
    for (const child of children) child.stdin.end('go\n');
    const results = await Promise.all(
      outputs.map(async (output) => JSON.parse(await output.next()) as WriterResult),
    );

    for (const result of results) expect(result).toMatchObject({ saved: ROUNDS, lost: 0 });
    const settings = checkWslConfig(readFileSync(file)).settings;
    expect(settings['wsl2.memory']).toBe(ROUNDS * 2 ** 20);
    expect(settings['wsl2.processors']).toBe(ROUNDS);
    expect(settings['wsl2.swap']).toBe(ROUNDS * 2 ** 20);
    expect(readFileSync(file, 'utf8')).toContain('# written by hand');
  }, 60_000);
});
