import { describe, expect, it } from 'vitest';
import { editedBytes, wslconfigDocument } from './wslconfig-editor';

const HOST = { totalMemoryBytes: 64 * 2 ** 30, logicalProcessors: 16 };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('wslconfigDocument', () => {
  it('gives every key its default here, the line it lives on, unknown keys, and the ignored lines', () => {
    const document = wslconfigDocument(
      bytes('[wsl2]\nmemory=8gb\nfoo=bar\nswap=4GB\n'),
      'C:\\u\\.wslconfig',
      HOST,
    );
    const field = (key: string) => document.fields.find((candidate) => candidate.key === key);
    expect(field('wsl2.memory')).toMatchObject({
      value: '8gb',
      line: 2,
      group: 'Resources',
      default: '32GB (half of the RAM)',
    });
    expect(field('wsl2.swap')).toMatchObject({
      value: '4GB',
      line: 4,
      default: '8GB (a quarter of the memory)',
    });
    expect(field('wsl2.processors')).toMatchObject({ bounds: '1 to 16' });
    expect(field('wsl2.processors')?.line).toBeUndefined();
    expect(document.unknownKeys).toEqual([{ name: 'wsl2.foo', line: 3 }]);
    expect(document.problems.find((problem) => problem.line === 2)?.ignoredByWsl).toBe(true);
  });
});

describe('editedBytes', () => {
  it('sets values through WSL’s rules and removes emptied keys, keeping every other byte', () => {
    const after = editedBytes(bytes('[wsl2]\r\nmemory=8GB # mine\r\nswap=4GB\r\n'), [
      { key: 'wsl2.memory', value: '16GB' },
      { key: 'wsl2.swap', value: '' },
    ]);
    expect(new TextDecoder().decode(after)).toBe('[wsl2]\r\nmemory=16GB # mine\r\n');
  });

  it('refuses a value WSL would not read', () => {
    expect(() => editedBytes(bytes('[wsl2]\n'), [{ key: 'wsl2.memory', value: 'lots' }])).toThrow();
  });
});
