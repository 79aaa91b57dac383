import { createTextDecoder } from './text-decoder';
import { nulParity } from './nul-parity';

/** The encodings Windows console programs such as wsl.exe write in. */
export type ConsoleEncoding = 'utf-8' | 'utf-16le';

/** Text decoded from a console program's raw output, with the encoding that was detected. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: ConsoleEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

/**
 * Guess UTF-16LE without a BOM: wsl.exe writes it in the CRT's U16 text mode, and even localised output carries
 * ASCII digits, spaces and line ends, whose high byte is NUL at odd offsets. Valid UTF-8 never contains NUL.
 */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const { odd, even } = nulParity(bytes);
  if (odd > 0 || even > 0) return odd >= even;
  if (bytes.length % 2 !== 0) return false;
  try {
    createTextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Turn CRLF, the stray CR CR LF that wsl.exe sometimes writes, and lone CR line ends into LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r+\n/g, '\n').replace(/\r/g, '\n');
}

/**
 * Decode what a Windows console program printed: UTF-16LE with or without a BOM (wsl.exe's default), or UTF-8
 * with or without a BOM (wsl.exe with WSL_UTF8=1, and anything Linux prints through `wsl -e`). Line ends come back
 * as LF and byte-order marks are dropped, so parsers see one shape whatever the console did.
 */
export function decodeConsoleOutput(bytes: Uint8Array): DecodedText {
  let encoding: ConsoleEncoding;
  let body = bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, UTF8_BOM)) {
    encoding = 'utf-8';
    body = bytes.subarray(UTF8_BOM.length);
  } else {
    encoding = looksLikeUtf16le(bytes) ? 'utf-16le' : 'utf-8';
  }
  const raw = createTextDecoder(encoding).decode(body);
  return { text: normalizeLineEnds(raw.replace(/\uFEFF/g, '')), encoding };
}
