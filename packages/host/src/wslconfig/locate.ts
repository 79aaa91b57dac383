import { userInfo } from 'node:os';
import { posix, win32 } from 'node:path';

/**
 * Where WSL reads .wslconfig and how Headroom found that folder:
 * - `token-profile`: the profile folder of the signed-in user's token (what WSL itself uses);
 * - `given`: passed in by the caller (tests, the simulator);
 * - `environment`: the token's profile could not be read, so USERPROFILE (HOME off Windows) stood in for it.
 */
export interface WslConfigLocation {
  readonly path: string;
  readonly profileDir: string;
  readonly source: 'token-profile' | 'given' | 'environment';
}

/** What {@link locateWslConfig} needs; `profileDir` overrides the lookup (source `given`). */
export interface LocateWslConfigOptions {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly profileDir?: string;
  /** Asks Windows for the token's profile folder; defaults to `os.userInfo().homedir`. Tests pass their own. */
  readonly tokenProfileDir?: () => string;
}

/** `path.win32` for Windows paths, `path.posix` for everything else, so Windows paths can be checked on Linux. */
export function pathFor(platform: NodeJS.Platform): typeof win32 {
  return platform === 'win32' ? win32 : posix;
}

/**
 * Read an environment variable the way the platform does: case-insensitively on Windows (a plain object passed in
 * as `env` is not), and treating an empty value as unset.
 */
export function envValue(
  env: NodeJS.ProcessEnv,
  name: string,
  platform: NodeJS.Platform,
): string | undefined {
  const exact = env[name];
  if (exact) return exact;
  if (platform !== 'win32') return undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) {
    if (key.toLowerCase() === lower && value) return value;
  }
  return undefined;
}

/**
 * Find the .wslconfig WSL reads. WSL looks in `GetUserProfileDirectoryW(user token)`, not in USERPROFILE; Node's
 * `os.userInfo().homedir` asks Windows the same question (libuv's uv_os_get_passwd), whereas `os.homedir()` prefers
 * USERPROFILE and can point somewhere WSL never looks.
 */
export function locateWslConfig(options: LocateWslConfigOptions): WslConfigLocation {
  const { platform, env } = options;
  const paths = pathFor(platform);
  const at = (profileDir: string, source: WslConfigLocation['source']): WslConfigLocation => ({
    path: paths.join(profileDir, '.wslconfig'),
    profileDir,
    source,
  });
  if (options.profileDir !== undefined) return at(options.profileDir, 'given');
  try {
    return at((options.tokenProfileDir ?? (() => userInfo().homedir))(), 'token-profile');
  } catch (error) {
    const fallback =
      platform === 'win32'
        ? (envValue(env, 'USERPROFILE', platform) ?? windowsHomeFromDrive(env))
        : envValue(env, 'HOME', platform);
    if (fallback === undefined) throw error;
    return at(fallback, 'environment');
  }
}

function windowsHomeFromDrive(env: NodeJS.ProcessEnv): string | undefined {
  const drive = envValue(env, 'HOMEDRIVE', 'win32');
  const home = envValue(env, 'HOMEPATH', 'win32');
  return drive && home ? win32.join(drive, home) : undefined;
}

/** What {@link headroomDataDir} needs. */
export interface HeadroomDataDirOptions {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  /** The user's home folder, used when APPDATA or XDG_CONFIG_HOME is not set. */
  readonly homedir: string;
}

/**
 * Headroom's own folder (history of .wslconfig and other state): `%APPDATA%\Headroom` on Windows (falling back to
 * `<home>\AppData\Roaming\Headroom`), `$XDG_CONFIG_HOME/headroom` or `~/.config/headroom` elsewhere. A relative
 * XDG_CONFIG_HOME is ignored, as the XDG spec requires.
 */
export function headroomDataDir(options: HeadroomDataDirOptions): string {
  const { platform, env, homedir } = options;
  if (platform === 'win32') {
    const appData = envValue(env, 'APPDATA', platform);
    return appData ? win32.join(appData, 'Headroom') : win32.join(homedir, 'AppData', 'Roaming', 'Headroom');
  }
  const xdg = envValue(env, 'XDG_CONFIG_HOME', platform);
  return xdg && posix.isAbsolute(xdg)
    ? posix.join(xdg, 'headroom')
    : posix.join(homedir, '.config', 'headroom');
}
