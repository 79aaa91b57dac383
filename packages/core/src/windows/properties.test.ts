import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegQuery } from './reg-query';
import {
  nvidiaVersionFromDriverVersion,
  readDisplayDrivers,
  readGpuScheduling,
  readMemoryIntegrity,
  readShellFolders,
  readWindowsVersion,
} from './windows-facts';

/** Text built from the pieces reg.exe output is made of, so the properties reach the parser's corners. */
const regText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'HKEY_LOCAL_MACHINE\\X',
        'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e968-e325-11ce-bfc1-08002be10318}\\0000',
        '    ',
        'REG_SZ',
        'REG_DWORD',
        'REG_QWORD',
        'REG_MULTI_SZ',
        '0x',
        '0xffffffffffffffffff',
        '\\0',
        'DriverVersion',
        'ProviderName',
        'NVIDIA',
        'CurrentBuild',
        'UBR',
        'HwSchMode',
        'Enabled',
        'Personal',
        '32.0.15.6094',
        '\r\n',
        '\n',
        '\r',
        'ERROR: ',
        '__proto__',
        'constructor',
      ),
      fc.string(),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
const exitCode = fc.oneof(fc.constantFrom(0, 1, null), fc.integer());

describe('no input makes a Windows parser throw', () => {
  it('parseRegQuery and every fact reader return a result for any text and exit code', () => {
    fc.assert(
      fc.property(fc.oneof(regText, fc.string()), exitCode, (text, code) => {
        const output = { stdout: text, exitCode: code };
        for (const result of [
          parseRegQuery(text, code),
          readMemoryIntegrity(output),
          readGpuScheduling(output),
          readShellFolders(output),
          readDisplayDrivers(output),
          readWindowsVersion(output),
        ]) {
          expect(typeof result.ok).toBe('boolean');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('nvidiaVersionFromDriverVersion returns a version or undefined for any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const version = nvidiaVersionFromDriverVersion(text);
        expect(version === undefined || /^\d{1,3}\.\d{2}$/.test(version)).toBe(true);
      }),
    );
  });
});
