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

  it('prints nothing when nothing changed', () => {
    expect(formatUnifiedDiff('a', 'b', 'x\n', 'x\n')).toBe('');
  });
});
