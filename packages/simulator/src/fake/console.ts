import { OEM_HIGH_HALVES } from '@headroom/core';

/** Where a fake Windows program writes: stdout and stderr as byte sinks, so tests can capture them. */
export interface ConsoleStreams {
  readonly stdout: { write(bytes: Uint8Array): unknown };
  readonly stderr: { write(bytes: Uint8Array): unknown };
}

/**
 * Encode text the way wsl.exe writes its own messages: CRLF line ends, and UTF-16LE without a BOM (the CRT's U16
 * text mode) unless WSL_UTF8 is exactly "1", then UTF-8.
 */
export function encodeWslConsole(text: string, env: NodeJS.ProcessEnv): Uint8Array {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  return new Uint8Array(Buffer.from(crlf, env.WSL_UTF8 === '1' ? 'utf8' : 'utf16le'));
}

/** Encode text a Linux program prints through `wsl -e`: raw UTF-8 with LF, which WSL passes through untouched. */
export function encodeLinuxOutput(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

let shiftJis: Map<string, readonly number[]> | undefined;

/**
 * Shift_JIS (code page 932) as an encoder: Node has only its decoder, so every one- and two-byte sequence is decoded
 * once and the table reversed (the first sequence wins where two decode alike, as Windows' best-fit table does).
 */
function shiftJisTable(): Map<string, readonly number[]> {
  if (shiftJis) return shiftJis;
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const table = new Map<string, readonly number[]>();
  const add = (bytes: number[]): void => {
    try {
      const char = decoder.decode(Uint8Array.from(bytes));
      if (Array.from(char).length === 1 && !table.has(char)) table.set(char, bytes);
    } catch {
      // Not a character in Shift_JIS: nothing to add.
    }
  };
  for (let byte = 0xa1; byte <= 0xdf; byte += 1) add([byte]);
  for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)])
    for (const trail of range(0x40, 0xfc)) if (trail !== 0x7f) add([lead, trail]);
  shiftJis = table;
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * Encode text the way reg.exe, wevtutil.exe and nvidia-smi.exe write into a pipe: in the console's OEM code page.
 * The simulator knows the code pages core decodes with a table (437, 850), 932 (Shift_JIS, Japanese Windows) and
 * 65001 (UTF-8); a character the code page lacks becomes `?`, as WideCharToMultiByte's default character does.
 */
export function encodeOemConsole(text: string, codePage: number): Uint8Array {
  if (codePage === 65001) return new Uint8Array(Buffer.from(text, 'utf8'));
  if (codePage === 932) {
    const table = shiftJisTable();
    // Code points, one at a time: a console code page encodes each on its own.
    return Uint8Array.from(
      Array.from(text).flatMap((char) => {
        const code = char.codePointAt(0) ?? 0x3f;
        return code < 0x80 ? [code] : (table.get(char) ?? [0x3f]);
      }),
    );
  }
  const highHalf = OEM_HIGH_HALVES[codePage];
  if (highHalf === undefined) throw new RangeError(`The simulator cannot encode code page ${codePage}`);
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const index = highHalf.indexOf(char);
    bytes.push(code < 0x80 ? code : index >= 0 ? 0x80 + index : 0x3f);
  }
  return new Uint8Array(bytes);
}
