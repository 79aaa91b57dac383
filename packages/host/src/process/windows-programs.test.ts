import { describe, expect, it } from 'vitest';
import { envValue, resolveWindowsProgram } from './windows-programs';

const win = { platform: 'win32' as const };
const only =
  (...paths: string[]) =>
  (path: string): boolean =>
    paths.includes(path);

describe('resolveWindowsProgram on Windows', () => {
  it('runs the system programs from System32 by absolute path, never through PATH', () => {
    const env = { SystemRoot: 'C:\\Windows', PATH: '.;C:\\Users\\ana\\Downloads' };
    const resolve = (file: string): string => resolveWindowsProgram(file, env, { ...win, exists: only() });
    expect(resolve('wsl.exe')).toBe('C:\\Windows\\System32\\wsl.exe');
    expect(resolve('REG.EXE')).toBe('C:\\Windows\\System32\\reg.exe');
    expect(resolve('wevtutil')).toBe('C:\\Windows\\System32\\wevtutil.exe');
    expect(resolve('taskkill')).toBe('C:\\Windows\\System32\\taskkill.exe');
    expect(resolve('powershell.exe')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('reads SystemRoot whatever its case (a copied environment is no longer case-insensitive)', () => {
    expect(resolveWindowsProgram('wsl.exe', { SYSTEMROOT: 'D:\\WINDOWS' }, win)).toBe(
      'D:\\WINDOWS\\System32\\wsl.exe',
    );
    expect(envValue({ systemroot: 'E:\\Win' }, 'SystemRoot')).toBe('E:\\Win');
  });

  it('assumes C:\\Windows when the environment has no SystemRoot', () => {
    expect(resolveWindowsProgram('wsl.exe', {}, win)).toBe('C:\\Windows\\System32\\wsl.exe');
  });

  it('finds nvidia-smi in System32 first, then in NVIDIA Corporation\\NVSMI (older drivers)', () => {
    const env = { SystemRoot: 'C:\\Windows', ProgramFiles: 'C:\\Program Files' };
    const system32 = 'C:\\Windows\\System32\\nvidia-smi.exe';
    const nvsmi = 'C:\\Program Files\\NVIDIA Corporation\\NVSMI\\nvidia-smi.exe';
    const resolve = (...present: string[]): string =>
      resolveWindowsProgram('nvidia-smi.exe', env, { ...win, exists: only(...present) });
    expect(resolve(system32, nvsmi)).toBe(system32);
    expect(resolve(nvsmi)).toBe(nvsmi);
    expect(resolve()).toBe(system32);
  });

  it('leaves paths and other programs as they are', () => {
    const env = { SystemRoot: 'C:\\Windows' };
    expect(resolveWindowsProgram('C:\\tools\\wsl.exe', env, win)).toBe('C:\\tools\\wsl.exe');
    expect(resolveWindowsProgram('/usr/bin/node', env, win)).toBe('/usr/bin/node');
    expect(resolveWindowsProgram('node', env, win)).toBe('node');
  });
});

describe('resolveWindowsProgram elsewhere', () => {
  it('keeps the bare name when no SystemRoot is set (no Windows, no simulator)', () => {
    expect(resolveWindowsProgram('wsl.exe', {}, { platform: 'linux' })).toBe('wsl.exe');
  });

  it('uses the simulator’s SystemRoot with this system’s path rules', () => {
    expect(resolveWindowsProgram('wsl.exe', { SystemRoot: '/tmp/sim/Windows' }, { platform: 'linux' })).toBe(
      '/tmp/sim/Windows/System32/wsl.exe',
    );
  });
});
