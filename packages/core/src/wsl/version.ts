import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { wslErrorCode } from './wsl-error';

/** The versions `wsl --version` reports, in its fixed line order. */
export interface WslVersions {
  readonly wsl: string;
  readonly kernel: string;
  readonly wslg: string | null;
  readonly msrdc: string | null;
  readonly direct3d: string | null;
  readonly dxcore: string | null;
  readonly windows: string | null;
  /** The Windows build number from the last line (26100 is 24H2). */
  readonly windowsBuild: number | null;
}

/** What `wsl --version` told: the Store WSL's versions, or the inbox wsl.exe that does not know the option. */
export type WslVersionFacts =
  { readonly kind: 'store'; readonly versions: WslVersions } | { readonly kind: 'inbox' };

const VERSION_TOKEN = /^\d+(?:\.\d+)+(?:[-+][\w.-]+)?$/;

/** The text after the last ASCII or full-width colon of a line. */
function afterColon(line: string): string {
  const at = Math.max(line.lastIndexOf(':'), line.lastIndexOf('：'));
  return (at >= 0 ? line.slice(at + 1) : line).trim();
}

/**
 * Parse `wsl --version`. The labels are translated (`WSL-Version:`, `WSL 版本：`), so the lines are read by
 * position and the value is what follows the last colon. The inbox wsl.exe of older Windows does not know
 * `--version`: it exits non-zero and prints its usage, which this reports as `inbox`. A non-zero exit that carries a
 * `Wsl/...` error code is the Store WSL failing, not the inbox one: unreadable, naming the code.
 */
export function parseWslVersion(
  text: string,
  exitCode: number | null,
  probe = 'wsl-version',
): Parsed<WslVersionFacts> {
  return parseSafely<WslVersionFacts>(probe, text, () => {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const values = lines.map(afterColon);
    const [wsl, kernel, wslg, msrdc, direct3d, dxcore, windows] = values;
    if (exitCode !== 0 || wsl === undefined || !VERSION_TOKEN.test(wsl)) {
      // A Store WSL that fails (`Error code: Wsl/Service/E_UNEXPECTED`) exits non-zero too: not the inbox wsl.exe.
      const code = wslErrorCode(text);
      if (code !== null) return unreadable(probe, `wsl --version failed (${code})`, text);
      if (exitCode !== 0 && exitCode !== null) return parsed({ kind: 'inbox' } as const);
      return unreadable(probe, 'the first line is not a WSL version', text);
    }
    if (kernel === undefined || !VERSION_TOKEN.test(kernel))
      return unreadable(probe, 'the second line is not a kernel version', text);
    const build = windows ? /^\d+\.\d+\.(\d+)/.exec(windows)?.[1] : undefined;
    return parsed({
      kind: 'store',
      versions: {
        wsl,
        kernel,
        wslg: wslg ?? null,
        msrdc: msrdc ?? null,
        direct3d: direct3d ?? null,
        dxcore: dxcore ?? null,
        windows: windows ?? null,
        windowsBuild: build === undefined ? null : Number(build),
      },
    } as const);
  });
}

/** Compare dotted versions numerically (`5.15.153.1` < `5.15.167.4`); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}
