import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { WSL_LIB_DIR } from './commands';

/** One libcuda.so* file the probe found. */
export interface LibcudaFile {
  readonly path: string;
  /** `link` for a symbolic link (with its target as readlink printed it). */
  readonly kind: 'file' | 'link';
  readonly target?: string;
  /**
   * The file is WSL's: it lies in /usr/lib/wsl/lib (mounted from the Windows driver), or it is a symbolic link into
   * it (the workaround of microsoft/WSL#5548), which loads WSL's library.
   */
  readonly fromWsl: boolean;
}

/** One libcuda entry of the dynamic linker's cache (`ldconfig -p`). */
export interface LdconfigEntry {
  /** e.g. `libcuda.so.1`. */
  readonly soname: string;
  /** e.g. `libc6,x86-64`. */
  readonly flags: string;
  readonly path: string;
}

/** Where libcuda comes from inside the distro. */
export interface LibcudaFacts {
  readonly files: readonly LibcudaFile[];
  /** The cache's libcuda entries in cache order; undefined when ldconfig was not found. */
  readonly ldconfig?: readonly LdconfigEntry[];
  /** WSL's /usr/lib/wsl/lib/libcuda.so.1 exists (GPU passthrough mounted its libraries). */
  readonly wslLibcudaPresent: boolean;
  /** The path the loader takes for `libcuda.so.1`: the cache's first entry. */
  readonly resolvedPath?: string;
  /** The loader takes WSL's libcuda.so.1. */
  readonly resolvesToWsl: boolean;
  /** libcuda files outside /usr/lib/wsl/lib (a Linux driver or CUDA package), which can shadow WSL's. */
  readonly foreignFiles: readonly string[];
}

const FILE_LINE = /^file (\/\S+)\s*$/;
const LINK_LINE = /^link (\/\S+) -> (.*)$/;
const CACHE_LINE = /^\s+(libcuda\.so[^\s]*) \(([^)]*)\) => (\S+)\s*$/;

function fromWsl(path: string): boolean {
  return path.startsWith(`${WSL_LIB_DIR}/`);
}

/** Where a link's target (absolute, or relative to the link's folder) points, with `.` and `..` resolved. */
function linkTarget(path: string, target: string): string {
  const base = target.startsWith('/') ? [] : path.split('/').slice(0, -1);
  const parts: string[] = [];
  for (const part of [...base, ...target.split('/')]) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Parse the output of the libcuda probe (commands.ts): the files it found and the linker cache's entries. */
export function parseLibcuda(text: string): Parsed<LibcudaFacts> {
  return parseSafely('distro-libcuda', text, (): Parsed<LibcudaFacts> => {
    const files: LibcudaFile[] = [];
    const cache: LdconfigEntry[] = [];
    let section: 'files' | 'ldconfig' | 'missing' = 'files';
    let sawLdconfig = false;
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === 'ldconfig') {
        section = 'ldconfig';
        sawLdconfig = true;
        continue;
      }
      if (line.trim() === 'ldconfig-missing') {
        section = 'missing';
        continue;
      }
      if (section === 'files') {
        const link = LINK_LINE.exec(line);
        const file = link ? undefined : FILE_LINE.exec(line);
        const path = link?.[1] ?? file?.[1];
        if (path === undefined) continue;
        const target = link?.[2];
        files.push({
          path,
          kind: link ? 'link' : 'file',
          ...(target !== undefined && { target }),
          fromWsl: fromWsl(path) || (target !== undefined && fromWsl(linkTarget(path, target))),
        });
      } else if (section === 'ldconfig') {
        const match = CACHE_LINE.exec(line);
        if (match) cache.push({ soname: match[1] ?? '', flags: match[2] ?? '', path: match[3] ?? '' });
      }
    }
    if (!sawLdconfig && files.length === 0)
      return unreadable('distro-libcuda', 'not the libcuda probe output', text);
    const resolvedPath = cache.find((entry) => entry.soname === 'libcuda.so.1')?.path;
    return parsed({
      files,
      ...(section !== 'missing' && sawLdconfig && { ldconfig: cache }),
      wslLibcudaPresent: files.some((file) => file.path === `${WSL_LIB_DIR}/libcuda.so.1`),
      ...(resolvedPath !== undefined && { resolvedPath }),
      resolvesToWsl:
        resolvedPath !== undefined &&
        (fromWsl(resolvedPath) || files.some((file) => file.path === resolvedPath && file.fromWsl)),
      foreignFiles: files.filter((file) => !file.fromWsl).map((file) => file.path),
    });
  });
}
