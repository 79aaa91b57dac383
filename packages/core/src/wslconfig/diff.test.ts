import { describe, expect, it } from 'vitest';
import { diffLines, formatUnifiedDiff } from './diff';

describe('diffLines', () => {
  it('marks kept, removed and added lines with their line numbers', () => {
    expect(diffLines('[wsl2]\nmemory=8GB\nswap=0\n', '[wsl2]\nmemory=12GB\nswap=0\nprocessors=4\n')).toEqual([
      { kind: 'same', text: '[wsl2]', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'memory=8GB', oldLine: 2 },
      { kind: 'added', text: 'memory=12GB', newLine: 2 },
      { kind: 'same', text: 'swap=0', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'processors=4', newLine: 4 },
    ]);
  });

  it('does not count a change of line ends as a changed line', () => {
    expect(diffLines('a\r\nb\r\n', 'a\nb\n').every((line) => line.kind === 'same')).toBe(true);
  });

  it('shows a one-line change to a 5,000-line file as one removed and one added line', () => {
    const before = Array.from({ length: 5_000 }, (_, index) => `key${index}=${index}`).join('\n');
    const after = before.replace('key2500=2500', 'key2500=changed');
    const changed = diffLines(before, after).filter((line) => line.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'removed', text: 'key2500=2500', oldLine: 2501 },
      { kind: 'added', text: 'key2500=changed', newLine: 2501 },
    ]);
  });

  it('keeps the common start and end of two texts that differ in more lines than it searches', () => {
    const a = Array.from({ length: 6_000 }, (_, index) => `a${index}`);
    const b = Array.from({ length: 6_000 }, (_, index) => `b${index}`);
    const lines = diffLines(['head', ...a, 'tail'].join('\n'), ['head', ...b, 'tail'].join('\n'));
    expect(lines[0]).toEqual({ kind: 'same', text: 'head', oldLine: 1, newLine: 1 });
    expect(lines.at(-1)).toEqual({ kind: 'same', text: 'tail', oldLine: 6_002, newLine: 6_002 });
    expect(lines.filter((line) => line.kind === 'removed')).toHaveLength(6_000);
    expect(lines.filter((line) => line.kind === 'added')).toHaveLength(6_000);
  });
});

describe('formatUnifiedDiff', () => {
  it('prints a unified diff with hunk headers and context', () => {
    const before = ['[wsl2]', 'a=1', 'b=2', 'c=3', 'd=4', 'e=5', 'f=6', 'memory=8GB', ''].join('\n');
    const after = before.replace('memory=8GB', 'memory=12GB');
    expect(formatUnifiedDiff('.wslconfig', '.wslconfig (new)', before, after)).toBe(
      [
        '--- .wslconfig',
        '+++ .wslconfig (new)',
        '@@ -5,4 +5,4 @@',
        ' d=4',
        ' e=5',
        ' f=6',
        '-memory=8GB',
        '+memory=12GB',
        '',
      ].join('\n'),
    );
  });

  it('prints one hunk with three lines of context for a one-line change to a 5,000-line file', () => {
    const before = `${Array.from({ length: 5_000 }, (_, index) => `key${index}=${index}`).join('\n')}\n`;
    const after = before.replace('key2500=2500', 'key2500=changed');
    const diff = formatUnifiedDiff('a', 'b', before, after);
    expect(diff.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual([
      '-key2500=2500',
      '+key2500=changed',
    ]);
    expect(diff.split('\n')).toHaveLength(2 + 1 + 3 + 2 + 3 + 1);
  });

  it('prints nothing when nothing changed', () => {
    expect(formatUnifiedDiff('a', 'b', 'x\n', 'x\n')).toBe('');
  });
});
