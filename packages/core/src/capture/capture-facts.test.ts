import { describe, expect, it } from 'vitest';
import { CAPTURE_FORMAT, type Capture, type ProbeRecord } from './capture';
import { probeDecoder } from './capture-facts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

function probe(id: string, stdout: Uint8Array): ProbeRecord {
  return { id, argv: [], exitCode: 0, durationMs: 1, timedOut: false, stdout, stderr: new Uint8Array() };
}

/** A capture whose console code page is `codePage`, holding a reg.exe answer with `Benutzer` folder bytes. */
function captureIn(codePage: number, regBytes: Uint8Array): Capture {
  const oem = ascii(
    `\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\r\n    OEMCP    REG_SZ    ${codePage}\r\n\r\n`,
  );
  return {
    format: CAPTURE_FORMAT,
    createdAt: '2026-01-01T00:00:00.000Z',
    host: {},
    probes: [probe('reg-oem-codepage', oem), probe('reg-shell-folders', regBytes)],
  };
}

describe('probeDecoder', () => {
  it('reads each capture in its own code page, two captures at once', () => {
    // "ü" is 0x81 in cp850 (German Windows) and "ア" is 0x83 0x41 in cp932 (Japanese Windows).
    const germanCapture = captureIn(850, Uint8Array.of(0x4d, 0x81, 0x6c, 0x6c, 0x65, 0x72));
    const japaneseCapture = captureIn(932, Uint8Array.of(0x83, 0x41));
    const german = probeDecoder(germanCapture);
    const japanese = probeDecoder(japaneseCapture);
    const regOf = (decoder: typeof german, capture: Capture) =>
      decoder.text(capture.probes[1] ?? probe('missing', new Uint8Array()));
    expect(regOf(german, germanCapture)).toBe('Müller');
    expect(regOf(japanese, japaneseCapture)).toBe('ア');
    expect(regOf(german, germanCapture)).toBe('Müller');
  });
});
