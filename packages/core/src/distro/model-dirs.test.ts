import { describe, expect, it } from 'vitest';
import { parseModelDirs } from './model-dirs';

describe('parseModelDirs', () => {
  it('reads each model folder and where it resolves to', () => {
    const text =
      'dir /home/ana/.ollama/models -> /mnt/d/ollama/models\ndir /home/ana/.cache/huggingface -> /home/ana/.cache/huggingface\n';
    expect(parseModelDirs(text)).toEqual({
      ok: true,
      value: [
        { path: '/home/ana/.ollama/models', resolved: '/mnt/d/ollama/models' },
        { path: '/home/ana/.cache/huggingface', resolved: '/home/ana/.cache/huggingface' },
      ],
    });
  });

  it('reads no folders from empty or unrelated output', () => {
    expect(parseModelDirs('')).toEqual({ ok: true, value: [] });
    expect(parseModelDirs('sh: 1: readlink: not found\n')).toEqual({ ok: true, value: [] });
  });
});
