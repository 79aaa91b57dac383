import { describe, expect, it } from 'vitest';
import { parseNproc } from './nproc';

describe('parseNproc', () => {
  it('reads the processor count', () => {
    expect(parseNproc('16\n')).toEqual({ ok: true, value: 16 });
    expect(parseNproc('  4\r\n')).toEqual({ ok: true, value: 4 });
  });

  it('is unreadable for anything but a positive whole number', () => {
    for (const text of ['', '0\n', '-2', '4.5', 'sh: 1: nproc: not found', '99999999999999999999']) {
      const result = parseNproc(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.unreadable.probe).toBe('distro-nproc');
    }
  });
});
