import { describe, expect, it, vi } from 'vitest';
import { startStream } from './line-stream';

const node = process.execPath;

describe('startStream', () => {
  it('hands over the output as it comes and says when the program ends by itself', async () => {
    const chunks: string[] = [];
    const exit = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      startStream({
        argv: [
          node,
          '-e',
          'process.stdout.write("a\\n"); setTimeout(() => { process.stdout.write("b\\n"); console.error("gone"); process.exit(3); }, 50);',
        ],
        onText: (text) => chunks.push(text),
        onExit: (code, stderr) => resolve({ code, stderr }),
      });
    });
    expect(chunks.join('')).toBe('a\nb\n');
    expect(exit).toEqual({ code: 3, stderr: 'gone\n' });
  });

  it('kills a program that keeps printing when stopped, without reporting an exit', async () => {
    let exits = 0;
    const chunks: string[] = [];
    const stream = startStream({
      argv: [node, '-e', 'setInterval(() => process.stdout.write("tick\\n"), 10);'],
      onText: (text) => chunks.push(text),
      onExit: () => (exits += 1),
    });
    await vi.waitFor(() => expect(chunks.length).toBeGreaterThan(0), { timeout: 10_000 });
    stream.stop();
    const seen = chunks.join('').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toBeGreaterThan(0);
    expect(chunks.join('').length).toBe(seen);
    expect(exits).toBe(0);
  });

  it('reports a program that does not exist as an exit with the reason', async () => {
    const exit = await new Promise<string>((resolve) => {
      startStream({
        argv: ['/nonexistent/nvidia-smi'],
        onText: () => undefined,
        onExit: (_code, stderr) => resolve(stderr),
      });
    });
    expect(exit).toMatch(/ENOENT/);
  });
});
