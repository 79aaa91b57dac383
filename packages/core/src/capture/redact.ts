import type { Capture, ProbeRecord } from './capture';
import { OEM_HIGH_HALVES } from '../text/decode-oem';
import { nulParity } from '../text/nul-parity';

/**
 * Who a capture must not name: the Windows user, the profile folder, the machine. `headroom collect --redact` and
 * the window's support bundle take them from the environment (USERNAME, USERPROFILE, COMPUTERNAME) or the simulator.
 */
export interface RedactionTargets {
  /** The Windows (or Linux) user name, replaced wherever it stands as a whole word. */
  readonly userName?: string;
  /**
   * The profile folder (`C:\Users\alex`, `D:\Profiles\alex.smith`), replaced before anything else by itself with its
   * last folder as {@link REDACTED_USER}, so the path still reads as a path.
   */
  readonly home?: string;
  /** The computer's name (`DESKTOP-4F2K9`), which event logs and shell prompts carry. */
  readonly machineName?: string;
  /** Further words to hide, such as a second account name. */
  readonly extra?: readonly string[];
}

/** What a user name in a path or in text becomes. */
export const REDACTED_USER = '[user]';
/** What the machine's name becomes. */
export const REDACTED_MACHINE = '[machine]';

/** Profile folders that name no one, kept as they are after `Users\`. */
const SHARED_PROFILES = new Set(['public', 'default', 'all', 'defaultuser0', REDACTED_USER]);

type Units = ArrayLike<number>;

const BACKSLASH = 0x5c;
const SLASH = 0x2f;

function isSeparator(unit: number | undefined): boolean {
  return unit === BACKSLASH || unit === SLASH;
}

function lowerAscii(unit: number): number {
  return unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit;
}

/** A letter, digit or any non-ASCII unit: what a name is made of, so a match inside a longer word is left alone. */
function isWordUnit(unit: number | undefined): boolean {
  if (unit === undefined) return false;
  if (unit >= 0x80) return true;
  const lower = lowerAscii(unit);
  return (lower >= 0x61 && lower <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f;
}

/** Where a path segment ends: a separator, white space, a control character, a quote or a shell/XML delimiter. */
function endsSegment(unit: number | undefined): boolean {
  if (unit === undefined || unit <= 0x20 || isSeparator(unit)) return true;
  return [0x22, 0x27, 0x3c, 0x3e, 0x7c, 0x3a, 0x3b, 0x2c, 0x60].includes(unit);
}

function matchesAt(units: Units, at: number, needle: readonly number[]): boolean {
  if (at + needle.length > units.length) return false;
  for (let index = 0; index < needle.length; index += 1) {
    const unit = units[at + index];
    if (unit === undefined || lowerAscii(unit) !== lowerAscii(needle[index] ?? -1)) return false;
  }
  return true;
}

function asciiUnits(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

/** The needle in a single-byte code page whose bytes 0x80–0xFF are `highHalf`; undefined when it cannot be written. */
function singleByte(text: string, highHalf: string | undefined): number[] | undefined {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (highHalf === undefined && code < 0x100) bytes.push(code);
    else {
      const at = highHalf?.indexOf(char) ?? -1;
      if (at < 0) return undefined;
      bytes.push(0x80 + at);
    }
  }
  return bytes;
}

/** UTF-8 bytes of the text (core has no TextEncoder: it keeps off the DOM and Node type libraries). */
function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
  }
  return bytes;
}

function utf16Units(text: string): number[] {
  const units: number[] = [];
  for (let index = 0; index < text.length; index += 1) units.push(text.charCodeAt(index));
  return units;
}

/** One word to hide with what it becomes, in every way the view's units may spell it. */
interface Needle {
  readonly spellings: readonly (readonly number[])[];
  readonly replacement: readonly number[];
  /** Only where it stands as a whole word. */
  readonly whole: boolean;
}

/** The profile folder with its last folder hidden: `C:\Users\alex` becomes `C:\Users\[user]`. */
function redactedHome(home: string): string {
  const trimmed = home.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  return `${trimmed.slice(0, cut + 1)}${REDACTED_USER}`;
}

/** The ways a path is written: as is, with the doubled backslashes .wslconfig needs, and with forward slashes. */
const PATH_SPELLINGS: readonly ((text: string) => string)[] = [
  (text) => text.replace(/\\/g, '\\\\'),
  (text) => text,
  (text) => text.replace(/\\/g, '/'),
];

function needlesFor(targets: RedactionTargets, wide: boolean): Needle[] {
  const home = targets.home?.replace(/[\\/]+$/, '');
  const words: [string | undefined, string, boolean][] = [
    [home, redactedHome(home ?? ''), false],
    [targets.machineName, REDACTED_MACHINE, true],
    [targets.userName, REDACTED_USER, true],
    ...(targets.extra ?? []).map((word): [string, string, boolean] => [word, REDACTED_USER, true]),
  ];
  const needles: Needle[] = [];
  for (const [word, replacement, whole] of words) {
    if (word === undefined || word.trim().length < 2) continue;
    // A path keeps its own spelling: `C:\\Users\\alex` in .wslconfig becomes `C:\\Users\\[user]`, never a
    // single backslash WSL would read as an escape.
    for (const spell of whole ? [(text: string) => text] : PATH_SPELLINGS) {
      const spellings: number[][] = [];
      for (const form of new Set([word, word.toLowerCase(), word.toUpperCase()].map(spell))) {
        if (wide) spellings.push(utf16Units(form));
        else {
          spellings.push(utf8(form));
          for (const table of [OEM_HIGH_HALVES[437], OEM_HIGH_HALVES[850], undefined]) {
            const bytes = singleByte(form, table);
            if (bytes) spellings.push(bytes);
          }
        }
      }
      needles.push({ spellings, replacement: asciiUnits(spell(replacement)), whole });
    }
  }
  return needles;
}

/** Replace the needles, longest spelling first, where they match (as whole words when asked). */
function replaceNeedles(units: Units, needle: Needle): number[] {
  const spellings = [...needle.spellings].sort((a, b) => b.length - a.length);
  const out: number[] = [];
  let index = 0;
  while (index < units.length) {
    const found = spellings.find(
      (spelling) =>
        matchesAt(units, index, spelling) &&
        (!needle.whole || (!isWordUnit(units[index - 1]) && !isWordUnit(units[index + spelling.length]))),
    );
    if (found) {
      out.push(...needle.replacement);
      index += found.length;
    } else {
      out.push(units[index] ?? 0);
      index += 1;
    }
  }
  return out;
}

const USERS = asciiUnits('users');
const HOME = asciiUnits('home');

/**
 * Replace the folder name after `Users\` (`C:\Users\x`, `C:\\Users\\x`, `/mnt/c/Users/x`, `/Users/x`) and after
 * `/home/`, whoever it names: a capture may hold another account's or the Linux user's, which no target knows.
 */
function replaceProfileSegments(units: Units): number[] {
  const out: number[] = [];
  let index = 0;
  while (index < units.length) {
    const word = [USERS, HOME].find(
      (candidate) =>
        isSeparator(units[index - 1]) &&
        matchesAt(units, index, candidate) &&
        isSeparator(units[index + candidate.length]),
    );
    if (!word) {
      out.push(units[index] ?? 0);
      index += 1;
      continue;
    }
    let start = index + word.length;
    while (isSeparator(units[start])) start += 1;
    let end = start;
    while (!endsSegment(units[end])) end += 1;
    for (let copy = index; copy < start; copy += 1) out.push(units[copy] ?? 0);
    const segment = String.fromCharCode(
      ...Array.from({ length: end - start }, (_, at) => units[start + at] ?? 0),
    );
    if (end === start || SHARED_PROFILES.has(segment.toLowerCase())) {
      index = start;
      continue;
    }
    out.push(...asciiUnits(REDACTED_USER));
    index = end;
  }
  return out;
}

const ACCOUNT_SID = asciiUnits('s-1-5-21-');

function isDigit(unit: number | undefined): boolean {
  return unit !== undefined && unit >= 0x30 && unit <= 0x39;
}

/** Where the run of digits starting at `at` ends (`at` itself when there is none). */
function digitsEnd(units: Units, at: number): number {
  let end = at;
  while (isDigit(units[end])) end += 1;
  return end;
}

/**
 * Replace the three numbers after `S-1-5-21-` with {@link REDACTED_MACHINE}: they are the machine's (or the domain's)
 * own, and follow its accounts into event XML (`UserID='S-1-5-21-…-1001'`) and registry paths (`HKEY_USERS\S-1-5-21-…`).
 * The account number after them is kept, and well-known SIDs such as S-1-5-18 (LocalSystem) name no one.
 */
function replaceAccountSids(units: Units): number[] {
  const out: number[] = [];
  let index = 0;
  while (index < units.length) {
    if (!isWordUnit(units[index - 1]) && matchesAt(units, index, ACCOUNT_SID)) {
      let end = index + ACCOUNT_SID.length;
      let parts = 0;
      for (; parts < 3; parts += 1) {
        const after = digitsEnd(units, end);
        if (after === end) break;
        end = after;
        if (parts < 2) {
          if (units[end] !== 0x2d) break;
          end += 1;
        }
      }
      if (parts === 3) {
        for (let copy = index; copy < index + ACCOUNT_SID.length; copy += 1) out.push(units[copy] ?? 0);
        out.push(...asciiUnits(REDACTED_MACHINE));
        index = end;
        continue;
      }
    }
    out.push(units[index] ?? 0);
    index += 1;
  }
  return out;
}

function redactUnits(units: Units, targets: RedactionTargets, wide: boolean): number[] {
  let current: Units = units;
  const needles = needlesFor(targets, wide);
  const home = needles.filter((needle) => !needle.whole);
  for (const needle of home) current = replaceNeedles(current, needle);
  current = replaceProfileSegments(current);
  for (const needle of needles.filter((candidate) => candidate.whole))
    current = replaceNeedles(current, needle);
  return replaceAccountSids(current);
}

/** Text with the user's name, profile folder and machine name replaced ({@link REDACTED_USER} and the others). */
export function redactText(text: string, targets: RedactionTargets): string {
  const units = redactUnits(utf16Units(text), targets, true);
  let out = '';
  for (let index = 0; index < units.length; index += 4096)
    out += String.fromCharCode(...units.slice(index, index + 4096));
  return out;
}

/** UTF-16LE (with or without a BOM), told by the NULs of its ASCII high bytes, as wsl.exe prints. */
function isUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length % 2 !== 0) return false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return true;
  const { odd, even } = nulParity(bytes);
  return odd > 0 && odd >= even;
}

/**
 * Raw program output with the names replaced in the encoding it is in: UTF-16LE stays UTF-16LE, UTF-8 and the
 * console's OEM code pages (437, 850) stay bytes, and every byte that names no one is kept as it was.
 */
export function redactBytes(bytes: Uint8Array, targets: RedactionTargets): Uint8Array {
  if (isUtf16le(bytes)) {
    const units: number[] = [];
    for (let index = 0; index < bytes.length; index += 2)
      units.push((bytes[index] ?? 0) | ((bytes[index + 1] ?? 0) << 8));
    const redacted = redactUnits(units, targets, true);
    const out = new Uint8Array(redacted.length * 2);
    redacted.forEach((unit, index) => {
      out[index * 2] = unit & 0xff;
      out[index * 2 + 1] = unit >> 8;
    });
    return out;
  }
  return Uint8Array.from(redactUnits(bytes, targets, false));
}

function redactProbe(probe: ProbeRecord, targets: RedactionTargets): ProbeRecord {
  return {
    ...probe,
    argv: probe.argv.map((arg) => redactText(arg, targets)),
    stdout: redactBytes(probe.stdout, targets),
    stderr: redactBytes(probe.stderr, targets),
  };
}

/**
 * A capture fit to send to someone: the user's name, profile folder, machine name and the machine's part of account
 * SIDs replaced in every probe's command line, output and error output, in the profile folder Windows reported and
 * in .wslconfig. Everything a diagnosis reads (versions, sizes, lines) is kept, so the doctor judges the redacted
 * capture as it judged the original.
 */
export function redactCapture(capture: Capture, targets: RedactionTargets): Capture {
  const { userProfile } = capture.host;
  return {
    ...capture,
    host: {
      ...capture.host,
      ...(userProfile === undefined ? {} : { userProfile: redactText(userProfile, targets) }),
    },
    probes: capture.probes.map((probe) => redactProbe(probe, targets)),
    ...(capture.wslconfig ? { wslconfig: redactBytes(capture.wslconfig, targets) } : {}),
  };
}
