import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDS, parseNumber } from './args';
import { COMPLETION_WORDS, powershellCompletion } from './commands/completion';
import { runCli } from './testing/run-cli';
import { useCliSandbox } from './testing/sandbox';

const COMMANDS = ['doctor', 'collect', 'verify', 'fit', 'wslconfig', 'demo', 'scenarios', 'completion'];
const sandbox = useCliSandbox('grammar');

describe('one grammar for every command', () => {
  it('answers --help, -h and `help COMMAND` with the same text: usage, examples or options, exit codes', async () => {
    for (const command of COMMANDS) {
      const long = await runCli(command, '--help');
      expect(long.code, command).toBe(0);
      expect(long.stdout, command).toMatch(new RegExp(`^headroom ${command} — `));
      expect(long.stdout, command).toMatch(/Exit codes/);
      expect((await runCli(command, '-h')).stdout).toBe(long.stdout);
      expect((await runCli('help', command)).stdout).toBe(long.stdout);
    }
  });

  it('completes in PowerShell every option each command takes', async () => {
    for (const command of COMMANDS.filter((name) => name !== 'completion')) {
      const { stdout } = await runCli(command, '--help');
      for (const word of COMPLETION_WORDS[command] ?? []) {
        if (word.startsWith('--') && word !== '--help') expect(stdout, `${command} ${word}`).toContain(word);
      }
    }
    expect(powershellCompletion()).toContain('Register-ArgumentCompleter -Native -CommandName headroom');
    expect(await runCli('completion', 'powershell')).toMatchObject({
      code: 0,
      stdout: powershellCompletion(),
    });
    expect((await runCli('completion', 'bash')).code).toBe(2);
  });

  it('exits 2 with the command’s own pointer for an unknown option or a stray argument', async () => {
    for (const argv of [
      ['doctor', '--nope'],
      ['collect', 'extra'],
      ['verify', '--timeout', '0'],
      ['demo', '--port', '70000'],
    ]) {
      const run = await runCli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toContain(`Run 'headroom ${argv[0] ?? ''} --help'`);
    }
  });

  it('reads numbers as people type them, and refuses what is not physically meaningful, saying why', () => {
    expect(parseNumber('ctx', '0x100', BOUNDS.tokens)).toBe(256);
    expect(parseNumber('ctx', '1e3', BOUNDS.tokens)).toBe(1000);
    expect(parseNumber('vram-free', '7.5', BOUNDS.vramGiB)).toBe(7.5);
    expect(() => parseNumber('ctx', '1000000000000', BOUNDS.tokens)).toThrow(
      /no model reads a longer context/,
    );
    expect(() => parseNumber('vram-free', '1e308', BOUNDS.vramGiB)).toThrow(/no GPU has more memory/);
    for (const text of ['Infinity', '', ' ', '-1', '0', '1.5', '0b11', 'NaN', '8k'])
      expect(() => parseNumber('ctx', text, BOUNDS.tokens), text).toThrow(/--ctx takes a whole number/);
  });

  it('never recommends a size from an absurd number: fit --ctx 1000000000000 exits 2 and prints no memory=', async () => {
    const run = await runCli('fit', '--model', 'llama-3.1-8b', '--ctx', '1000000000000');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const huge = await runCli('fit', '--model', 'llama-3.1-8b', '--ctx', '8192', '--vram-free', '1e308');
    expect(huge.code).toBe(2);
    expect(huge.stdout).not.toContain('Infinity');
  });

  it('collect --out refuses a folder that already holds a capture, exit 2, and leaves it alone', async () => {
    const out = join(sandbox.dir, 'earlier');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'capture.json'), '{}');
    const run = await runCli('collect', '--simulate', 'healthy', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already holds files');
  });

  it('wslconfig history FILE lists the versions of FILE, not of the user’s .wslconfig', async () => {
    const file = join(sandbox.dir, 'other.wslconfig');
    writeFileSync(file, '[wsl2]\nmemory=4GB\n');
    expect((await runCli('wslconfig', 'set', file, 'wsl2.memory=6GB')).code).toBe(0);
    const own = await runCli('wslconfig', 'history', file, '--json');
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout)).toHaveLength(2);
    expect(await runCli('wslconfig', 'history', '--file', file, '--json')).toMatchObject({
      stdout: own.stdout,
    });
  });
});

describe('terminal output', () => {
  it('shows escape sequences from a file as text instead of sending them to the terminal', async () => {
    const file = join(sandbox.dir, 'escapes.wslconfig');
    writeFileSync(file, '[wsl2]\nmemory=4GB\x1b[31m\nswap=\x1b]0;title\x07\n');
    const run = await runCli('wslconfig', 'check', file);
    expect(run.stdout.includes('\x1b') || run.stdout.includes('\x07')).toBe(false);
    expect(run.stdout).toContain('memory=4GB\\x1b[31m');
  });
});
