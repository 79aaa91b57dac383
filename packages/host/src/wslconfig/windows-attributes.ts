import { runProcess } from '../process/run-process';
import { resolveWindowsProgram } from '../process/windows-programs';

/** The Windows file attributes a replace must carry over: Hidden and System (Read-only is refused before). */
export interface WindowsAttributes {
  readonly hidden: boolean;
  readonly system: boolean;
}

/**
 * The Hidden and System attributes from `attrib.exe PATH`'s answer: the attribute letters come before the path
 * (`A  SH        C:\Users\me\.wslconfig` on Windows, `A   H        Z:\tmp\.wslconfig` under Wine). Undefined when
 * the answer does not name the path (attrib.exe printed an error such as "File not found").
 */
export function parseAttribOutput(output: string, path: string): WindowsAttributes | undefined {
  const wanted = path.toLowerCase();
  for (const line of output.split(/\r?\n/)) {
    const at = line.toLowerCase().lastIndexOf(wanted);
    if (at < 0 || at + wanted.length !== line.trimEnd().length) continue;
    const letters = line.slice(0, at);
    if (!/^[A-Z\s]*$/.test(letters)) continue;
    return { hidden: letters.includes('H'), system: letters.includes('S') };
  }
  return undefined;
}

/** Reads and sets Hidden and System (each exactly as given); Node has no call for them, so attrib.exe does it. */
export interface WindowsAttributesPort {
  read(path: string): Promise<WindowsAttributes | undefined>;
  apply(path: string, attributes: WindowsAttributes): Promise<void>;
}

const ATTRIB_TIMEOUT_MS = 10_000;

/**
 * attrib.exe by its absolute path under %SystemRoot%\System32 (never through PATH): `attrib PATH` to read, `attrib +H
 * +S PATH` to set. An answer that does not name the file counts as no attributes to keep; attrib.exe that cannot be
 * started is an error, as on a Windows without it nothing can be promised about the file's attributes.
 */
export function attribExeAttributes(env: NodeJS.ProcessEnv = process.env): WindowsAttributesPort {
  const attrib = resolveWindowsProgram('attrib.exe', env);
  const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
  return {
    async read(path) {
      const result = await runProcess([attrib, path], { timeoutMs: ATTRIB_TIMEOUT_MS, env });
      return result.exitCode === 0 ? parseAttribOutput(text(result.stdout), path) : undefined;
    },
    async apply(path, { hidden, system }) {
      // Both, in one call: attrib.exe will not change Hidden alone on a System file, and each is set exactly (Wine
      // calls the temp file Hidden for its leading dot, which must not pass to the file it replaces).
      const flags = [hidden ? '+H' : '-H', system ? '+S' : '-S'];
      const result = await runProcess([attrib, ...flags, path], { timeoutMs: ATTRIB_TIMEOUT_MS, env });
      if (result.exitCode !== 0)
        throw new Error(
          `attrib ${flags.join(' ')} "${path}" failed: ${text(result.stdout)}${text(result.stderr)}`,
        );
    },
  };
}

/** No attributes anywhere but Windows: the mode bits say everything there. */
export const noWindowsAttributes: WindowsAttributesPort = {
  read: () => Promise.resolve(undefined),
  apply: () => Promise.resolve(),
};
