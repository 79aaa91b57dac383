import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headroomDataDir, locateWslConfig } from './locate';

describe('locateWslConfig', () => {
  it('puts .wslconfig in the given Windows profile folder, with Windows separators', () => {
    expect(
      locateWslConfig({
        platform: 'win32',
        env: { USERPROFILE: 'D:\\Elsewhere' },
        profileDir: 'C:\\Users\\ana',
      }),
    ).toEqual({ path: 'C:\\Users\\ana\\.wslconfig', profileDir: 'C:\\Users\\ana', source: 'given' });
  });

  it("uses the token's profile folder, not USERPROFILE, which WSL ignores", () => {
    const location = locateWslConfig({
      platform: 'win32',
      env: { USERPROFILE: 'C:\\Users\\ana\\OneDrive' },
      tokenProfileDir: () => 'C:\\Users\\ana',
    });
    expect(location).toEqual({
      path: 'C:\\Users\\ana\\.wslconfig',
      profileDir: 'C:\\Users\\ana',
      source: 'token-profile',
    });
  });

  it('asks the OS for the profile folder by default (os.userInfo().homedir)', () => {
    const location = locateWslConfig({ platform: process.platform, env: {} });
    expect(location.source).toBe('token-profile');
    expect(location.path).toBe(join(userInfo().homedir, '.wslconfig'));
  });

  it('falls back to USERPROFILE (any case) and says so when Windows cannot tell the token profile', () => {
    const location = locateWslConfig({
      platform: 'win32',
      env: { UserProfile: 'C:\\Users\\ana' },
      tokenProfileDir: () => {
        throw new Error('uv_os_get_passwd failed');
      },
    });
    expect(location).toEqual({
      path: 'C:\\Users\\ana\\.wslconfig',
      profileDir: 'C:\\Users\\ana',
      source: 'environment',
    });
  });

  it('rethrows when neither the token nor the environment names a profile folder', () => {
    const lookup = (): string => {
      throw new Error('no passwd entry');
    };
    expect(() => locateWslConfig({ platform: 'win32', env: {}, tokenProfileDir: lookup })).toThrow(
      'no passwd entry',
    );
  });
});

describe('headroomDataDir', () => {
  it('is %APPDATA%\\Headroom on Windows', () => {
    expect(
      headroomDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        homedir: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Headroom');
  });

  it('falls back to <home>\\AppData\\Roaming\\Headroom when APPDATA is unset or empty', () => {
    for (const env of [{}, { APPDATA: '' }]) {
      expect(headroomDataDir({ platform: 'win32', env, homedir: 'C:\\Users\\ana' })).toBe(
        'C:\\Users\\ana\\AppData\\Roaming\\Headroom',
      );
    }
  });

  it('is $XDG_CONFIG_HOME/headroom elsewhere when XDG_CONFIG_HOME is set', () => {
    expect(
      headroomDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/ana' }),
    ).toBe('/cfg/headroom');
  });

  it('is ~/.config/headroom without XDG_CONFIG_HOME, or when it is relative (the XDG spec ignores those)', () => {
    for (const env of [{}, { XDG_CONFIG_HOME: 'relative/cfg' }]) {
      expect(headroomDataDir({ platform: 'linux', env, homedir: '/home/ana' })).toBe(
        '/home/ana/.config/headroom',
      );
    }
  });
});
