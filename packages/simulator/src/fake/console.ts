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
