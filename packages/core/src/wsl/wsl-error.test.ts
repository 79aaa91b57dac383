import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/capture';
import { classifyWslError } from './wsl-error';

describe('classifyWslError (captures from microsoft/WSL issues, src/testdata/wsl/MANIFEST.md)', () => {
  it.each([
    [
      'wsl/wsl-list-verbose.no-distro.issue12210.txt',
      'no-distribution',
      'Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND',
    ],
    [
      'wsl/wsl.no-distro.createinstance.issue9179.txt',
      'no-distribution',
      'Wsl/Service/CreateInstance/GetDefaultDistro/WSL_E_DEFAULT_DISTRO_NOT_FOUND',
    ],
    ['wsl/wsl.e-unexpected.issue13159.txt', 'service-failed', 'Wsl/Service/E_UNEXPECTED'],
    ['wsl/wsl.e-unexpected.zh-CN.issue13966.txt', 'service-failed', 'Wsl/Service/E_UNEXPECTED'],
  ])('%s is %s (%s), whatever the language', (file, kind, code) => {
    expect(classifyWslError(fixture(file), 4294967295)).toEqual({ kind, code, exitCode: 4294967295 });
  });

  it('reads a German label the same way, and a failure without a code as failed', () => {
    expect(classifyWslError('Schwerwiegender Fehler\nFehlercode: Wsl/Service/E_UNEXPECTED\n', -1)?.kind).toBe(
      'service-failed',
    );
    expect(classifyWslError('Something else\n', -1)).toEqual({ kind: 'failed', code: null, exitCode: -1 });
    expect(classifyWslError('  NAME STATE VERSION\n', 0)).toBeUndefined();
  });
});
