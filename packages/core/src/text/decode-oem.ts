import { createTextDecoder } from './text-decoder';
import { normalizeLineEnds } from './decode-console';
import { nulParity } from './nul-parity';

/**
 * Bytes 0x80–0xFF of the DOS code pages that TextDecoder does not know, in byte order (0x00–0x7F are ASCII). Made
 * with Python 3's built-in codecs (`bytes(range(128, 256)).decode('cp437')`), which follow Unicode's mapping files
 * https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/PC/CP437.TXT and
 * https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/PC/CP850.TXT.
 */
export const OEM_HIGH_HALVES: Readonly<Record<number, string>> = {
  437: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
  850: 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0',
};

/** The WHATWG encoding labels of the other OEM (and ANSI) code pages a Windows console may print in. */
const TEXT_DECODER_LABELS: Readonly<Record<number, string>> = {
  65001: 'utf-8',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  866: 'ibm866',
  874: 'windows-874',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
};

/** Text decoded from a program that prints in the console's OEM code page, with how it was decoded. */
export interface DecodedOemText {
  readonly text: string;
  /** `utf-16le`, `utf-8`, or `cpNNN` for the code page used. */
  readonly encoding: string;
  /** Set when the code page was not one Headroom knows, so the bytes were read as UTF-8. */
  readonly note?: string;
}

/** True when Headroom can decode this code page (`decodeOemOutput` falls back to UTF-8 for others). */
export function isKnownCodePage(codePage: number): boolean {
  return codePage in OEM_HIGH_HALVES || codePage in TEXT_DECODER_LABELS;
}

function decodeWithTable(bytes: Uint8Array, highHalf: string): string {
  let text = '';
  for (const byte of bytes)
    text += byte < 0x80 ? String.fromCharCode(byte) : (highHalf[byte - 0x80] ?? '\uFFFD');
  return text;
}

/**
 * Decode what reg.exe, wevtutil.exe or nvidia-smi.exe printed into a pipe: Windows' C runtime writes their text in
 * the console's OEM code page (`HKLM\SYSTEM\CurrentControlSet\Control\Nls\CodePage` `OEMCP`: 437 in the US, 850 in
 * western Europe, 932 in Japan), not UTF-8. A byte-order mark, or NULs at odd offsets (UTF-16LE), win over the code
 * page, as in `decodeConsoleOutput`. Line ends come back as LF. An unknown code page is read as UTF-8, with a note.
 */
export function decodeOemOutput(bytes: Uint8Array, codePage: number): DecodedOemText {
  const finish = (raw: string, encoding: string, note?: string): DecodedOemText => ({
    text: normalizeLineEnds(raw.replace(/\uFEFF/g, '')),
    encoding,
    ...(note === undefined ? {} : { note }),
  });
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return finish(createTextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(createTextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  }
  const nuls = nulParity(bytes);
  if (nuls.odd > 0 && nuls.odd >= nuls.even) {
    return finish(createTextDecoder('utf-16le').decode(bytes), 'utf-16le');
  }
  const table = OEM_HIGH_HALVES[codePage];
  if (table !== undefined) return finish(decodeWithTable(bytes, table), `cp${codePage}`);
  const label = TEXT_DECODER_LABELS[codePage];
  if (label !== undefined) {
    return finish(createTextDecoder(label).decode(bytes), codePage === 65001 ? 'utf-8' : `cp${codePage}`);
  }
  return finish(
    createTextDecoder('utf-8').decode(bytes),
    'utf-8',
    `code page ${codePage} is not one Headroom decodes; read as UTF-8`,
  );
}
