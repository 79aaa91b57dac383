/**
 * How a .wslconfig file's bytes are encoded. WSL opens it with `_wfopen(path, "rt,ccs=UTF-8")`: UTF-8 (a BOM is
 * skipped), or UTF-16LE when the file starts with a UTF-16LE BOM. A UTF-16 file without a BOM is read as UTF-8.
 */
export interface ConfigEncoding {
  readonly encoding: 'utf-8' | 'utf-16le';
  readonly bom: boolean;
}

/** A .wslconfig decoded losslessly: `text` plus what is needed to give back the exact bytes. */
export interface DecodedConfig extends ConfigEncoding {
  /**
   * The text. In UTF-8 files a byte that is not valid UTF-8 is kept as the lone surrogate U+DC80–U+DCFF (as
   * Python's surrogateescape does), so that printing gives back the same bytes.
   */
  readonly text: string;
  /** A UTF-16LE file with an odd number of bytes keeps its last byte here. */
  readonly trailingByte?: number;
  /** Whether a UTF-8 file held bytes that are not valid UTF-8. */
  readonly invalidUtf8: boolean;
  /** Whether the bytes look like UTF-16 saved without a BOM (NUL bytes between ASCII): WSL cannot read such a file. */
  readonly looksLikeUtf16WithoutBom: boolean;
}

const ESCAPE_BASE = 0xdc00;

/** Whether a code unit is a byte that was not valid UTF-8, kept by {@link decodeConfigBytes}. */
export function isEscapedByte(codeUnit: number): boolean {
  return codeUnit >= 0xdc80 && codeUnit <= 0xdcff;
}

function continuation(bytes: Uint8Array, index: number): number | undefined {
  const value = bytes[index];
  return value !== undefined && (value & 0xc0) === 0x80 ? value & 0x3f : undefined;
}

/** Decode one UTF-8 sequence at `index`; undefined when it is not a valid, shortest-form sequence. */
function decodeSequence(bytes: Uint8Array, index: number): { codePoint: number; length: number } | undefined {
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return { codePoint: lead, length: 1 };
  const forms: readonly [number, number, number, number][] = [
    [0xe0, 0xc0, 1, 0x80],
    [0xf0, 0xe0, 2, 0x800],
    [0xf8, 0xf0, 3, 0x10000],
  ];
  for (const [mask, marker, extra, minimum] of forms) {
    if ((lead & mask) !== marker) continue;
    let codePoint = lead & (0x7f >> (extra + 1));
    for (let k = 1; k <= extra; k += 1) {
      const next = continuation(bytes, index + k);
      if (next === undefined) return undefined;
      codePoint = (codePoint << 6) | next;
    }
    const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (codePoint < minimum || codePoint > 0x10ffff || surrogate) return undefined;
    return { codePoint, length: extra + 1 };
  }
  return undefined;
}

function decodeUtf8Lossless(bytes: Uint8Array): { text: string; invalid: boolean } {
  const parts: string[] = [];
  let invalid = false;
  let index = 0;
  while (index < bytes.length) {
    const sequence = decodeSequence(bytes, index);
    if (sequence) {
      parts.push(String.fromCodePoint(sequence.codePoint));
      index += sequence.length;
    } else {
      invalid = true;
      parts.push(String.fromCharCode(ESCAPE_BASE + (bytes[index] ?? 0)));
      index += 1;
    }
  }
  return { text: parts.join(''), invalid };
}

function encodeUtf8Lossless(text: string): number[] {
  const out: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      out.push(
        0xf0 | (codePoint >> 18),
        0x80 | ((codePoint >> 12) & 0x3f),
        0x80 | ((codePoint >> 6) & 0x3f),
        0x80 | (codePoint & 0x3f),
      );
      index += 1;
    } else if (isEscapedByte(unit)) {
      out.push(unit - ESCAPE_BASE);
    } else if (unit < 0x80) {
      out.push(unit);
    } else if (unit < 0x800) {
      out.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    } else {
      out.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
    }
  }
  return out;
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  let oddNuls = 0;
  for (let index = 1; index < bytes.length; index += 2) if (bytes[index] === 0) oddNuls += 1;
  return bytes.length >= 4 && oddNuls * 2 >= Math.floor(bytes.length / 2);
}

/** Decode a .wslconfig the way WSL chooses its encoding, keeping every byte recoverable. */
export function decodeConfigBytes(bytes: Uint8Array): DecodedConfig {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const units: string[] = [];
    for (let index = 2; index + 1 < bytes.length; index += 2) {
      units.push(String.fromCharCode((bytes[index] ?? 0) | ((bytes[index + 1] ?? 0) << 8)));
    }
    const odd = (bytes.length - 2) % 2 === 1 ? bytes[bytes.length - 1] : undefined;
    return {
      encoding: 'utf-16le',
      bom: true,
      text: units.join(''),
      ...(odd === undefined ? {} : { trailingByte: odd }),
      invalidUtf8: false,
      looksLikeUtf16WithoutBom: false,
    };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const { text, invalid } = decodeUtf8Lossless(bom ? bytes.subarray(3) : bytes);
  return {
    encoding: 'utf-8',
    bom,
    text,
    invalidUtf8: invalid,
    looksLikeUtf16WithoutBom: !bom && looksLikeUtf16(bytes),
  };
}

/** Encode text back into a file's bytes, in the encoding (and with the BOM) it was read with. */
export function encodeConfigText(
  text: string,
  encoding: ConfigEncoding & { readonly trailingByte?: number },
): Uint8Array {
  if (encoding.encoding === 'utf-16le') {
    const out: number[] = encoding.bom ? [0xff, 0xfe] : [];
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      out.push(unit & 0xff, unit >> 8);
    }
    if (encoding.trailingByte !== undefined) out.push(encoding.trailingByte);
    return Uint8Array.from(out);
  }
  return Uint8Array.from([...(encoding.bom ? [0xef, 0xbb, 0xbf] : []), ...encodeUtf8Lossless(text)]);
}
