import { withFsOps, type FsOps } from './fs-ops';
import { envValue, pathFor, type WslConfigLocation } from './locate';

/** Why a file that looks like a .wslconfig is never read by WSL. */
export type MisplacedKind =
  | 'txt-extension'
  | 'other-extension'
  | 'documents'
  | 'desktop'
  | 'onedrive-documents'
  | 'onedrive-desktop'
  | 'wsl-conf-in-profile'
  | 'is-directory';

/** A file WSL never reads although the user probably meant it to, with a one-line explanation and the fix. */
export interface MisplacedConfig {
  readonly path: string;
  readonly kind: MisplacedKind;
  readonly message: string;
}

/** What {@link findMisplacedConfigs} needs besides the location. */
export interface FindMisplacedOptions {
  /** Where OneDrive lives: OneDrive, OneDriveConsumer, OneDriveCommercial. */
  readonly env: NodeJS.ProcessEnv;
  /** Decides the path flavour; defaults to this process's platform. */
  readonly platform?: NodeJS.Platform;
  readonly fsOps?: Partial<Pick<FsOps, 'readdir' | 'stat'>>;
}

/** Extensions editors and guides add to a .wslconfig; other suffixes (.bak, .old) are the user's own backups. */
const EDITOR_EXTENSIONS = new Set(['txt', 'ini', 'conf', 'cfg', 'config', 'toml', 'yaml', 'yml', 'json']);

type NameShape =
  | { readonly shape: 'exact' }
  | { readonly shape: 'txt' | 'other'; readonly missingDot: boolean; readonly suffix: string }
  | { readonly shape: 'wsl-conf' };

/** How a file name relates to `.wslconfig`, case-insensitively as Windows compares names; undefined when unrelated. */
function classifyName(name: string): NameShape | undefined {
  const lower = name.toLowerCase();
  if (lower === '.wslconfig') return { shape: 'exact' };
  if (lower === 'wsl.conf' || lower === '.wsl.conf' || lower === 'wsl.conf.txt') return { shape: 'wsl-conf' };
  const match = /^(\.?)wslconfig((?:\.[a-z0-9]+)*)$/.exec(lower);
  if (!match) return undefined;
  const missingDot = match[1] === '';
  const suffix = name.slice(name.length - (match[2] ?? '').length);
  const extensions = suffix.toLowerCase().split('.').slice(1);
  if (extensions.length === 0) return { shape: 'other', missingDot, suffix };
  if (extensions.every((ext) => ext === 'txt')) return { shape: 'txt', missingDot, suffix };
  const last = extensions[extensions.length - 1];
  if (last !== undefined && EDITOR_EXTENSIONS.has(last)) return { shape: 'other', missingDot, suffix };
  return undefined;
}

/**
 * Look for the places people put a .wslconfig that WSL never reads: `.wslconfig.txt` (Notepad) or another
 * extension, a missing leading dot, a copy in Documents or on the Desktop (also OneDrive's, from the OneDrive*
 * variables or `<profile>\OneDrive*` folders), `wsl.conf` in the profile folder (it belongs at /etc/wsl.conf in a
 * distro), and `.wslconfig` being a folder. Only what exists is reported; unreadable folders are skipped.
 */
export async function findMisplacedConfigs(
  location: WslConfigLocation,
  options: FindMisplacedOptions,
): Promise<MisplacedConfig[]> {
  const platform = options.platform ?? process.platform;
  const paths = pathFor(platform);
  const fs = withFsOps(options.fsOps);
  const target = location.path;
  const profile = location.profileDir;

  const kindOf = async (path: string): Promise<'file' | 'directory' | undefined> => {
    try {
      const stat = await fs.stat(path);
      if (stat.isDirectory()) return 'directory';
      return stat.isFile() ? 'file' : undefined;
    } catch {
      return undefined; // absent, or unreadable: nothing Headroom can point at
    }
  };
  const list = async (dir: string): Promise<string[]> => {
    try {
      return (await fs.readdir(dir)).sort();
    } catch {
      return [];
    }
  };

  const targetKind = await kindOf(target);
  const targetExists = targetKind === 'file';
  const found: MisplacedConfig[] = [];

  if (targetKind === 'directory') {
    found.push({
      path: target,
      kind: 'is-directory',
      message: `${target} is a folder, so WSL cannot read settings from it. Move anything you need out of it, delete the folder, then create .wslconfig as a file.`,
    });
  }

  const profileEntries = await list(profile);
  for (const name of profileEntries) {
    const shape = classifyName(name);
    if (!shape || shape.shape === 'exact') continue;
    const path = paths.join(profile, name);
    if ((await kindOf(path)) !== 'file') continue;
    if (shape.shape === 'wsl-conf') {
      found.push({
        path,
        kind: 'wsl-conf-in-profile',
        message: `WSL never reads ${path}: wsl.conf belongs inside each distro at /etc/wsl.conf. Move its distro settings there, and settings for the WSL 2 VM (memory, processors, swap) to ${target}.`,
      });
      continue;
    }
    found.push({
      path,
      kind: shape.shape === 'txt' ? 'txt-extension' : 'other-extension',
      message: renameMessage(name, shape, target, targetExists),
    });
  }

  const oneDriveRoots = await findOneDriveRoots(options.env, platform, profile, profileEntries, kindOf);
  const folders: { dir: string; kind: MisplacedKind; where: string }[] = [
    { dir: paths.join(profile, 'Documents'), kind: 'documents', where: 'your Documents folder' },
    { dir: paths.join(profile, 'Desktop'), kind: 'desktop', where: 'your Desktop' },
    ...oneDriveRoots.flatMap((root) => [
      {
        dir: paths.join(root, 'Documents'),
        kind: 'onedrive-documents' as const,
        where: 'OneDrive (Documents)',
      },
      { dir: paths.join(root, 'Desktop'), kind: 'onedrive-desktop' as const, where: 'OneDrive (Desktop)' },
    ]),
  ];
  for (const folder of folders) {
    for (const name of await list(folder.dir)) {
      const shape = classifyName(name);
      if (!shape || shape.shape === 'wsl-conf') continue;
      const path = paths.join(folder.dir, name);
      if ((await kindOf(path)) !== 'file') continue;
      const renamed = shape.shape === 'exact' ? '' : ' and name it .wslconfig';
      found.push({
        path,
        kind: folder.kind,
        message: targetExists
          ? `WSL only reads ${target}, never a file in ${folder.where}; copy any settings you still need from ${path} into it, then delete this copy.`
          : `WSL only reads ${target}, never a file in ${folder.where}. Move ${name} to ${profile}${renamed}.`,
      });
    }
  }
  return found;
}

function renameMessage(
  name: string,
  shape: { readonly shape: 'txt' | 'other'; readonly missingDot: boolean; readonly suffix: string },
  target: string,
  targetExists: boolean,
): string {
  if (targetExists) {
    return `WSL only reads ${target} and ignores ${name} beside it. Copy any settings you still need from ${name} into .wslconfig, then delete ${name}.`;
  }
  if (shape.shape === 'txt') {
    const fix = shape.missingDot ? 'Rename it to .wslconfig' : `Rename it (remove ${shape.suffix})`;
    return `WSL only reads ${target}; Notepad saved yours as ${name}. ${fix}; Explorer hides ${shape.suffix} unless View > Show > File name extensions is on.`;
  }
  if (shape.suffix === '') {
    return `WSL only reads ${target}; yours is named ${name}, without the leading dot. Rename it to .wslconfig.`;
  }
  const dot = shape.missingDot ? ' with a leading dot and' : '';
  return `WSL only reads ${target}; yours is named ${name}. Rename it to .wslconfig,${dot} with no extension.`;
}

/** OneDrive folders: from OneDrive, OneDriveConsumer, OneDriveCommercial and `<profile>\OneDrive*`, each once. */
async function findOneDriveRoots(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  profile: string,
  profileEntries: readonly string[],
  kindOf: (path: string) => Promise<'file' | 'directory' | undefined>,
): Promise<string[]> {
  const paths = pathFor(platform);
  const candidates = [
    ...['OneDrive', 'OneDriveConsumer', 'OneDriveCommercial'].map((name) => envValue(env, name, platform)),
    ...profileEntries.filter((name) => /^onedrive/i.test(name)).map((name) => paths.join(profile, name)),
  ];
  const seen = new Set<string>();
  const roots: string[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const normal = paths.normalize(candidate).replace(/[\\/]+$/, '');
    const key = platform === 'win32' ? normal.toLowerCase() : normal;
    if (seen.has(key)) continue;
    seen.add(key);
    if ((await kindOf(normal)) === 'directory') roots.push(normal);
  }
  return roots;
}
