import { checkWslConfig } from './check';
import { decodeConfigBytes, encodeConfigText, type DecodedConfig } from './config-bytes';
import { formatWslValue, requireKeySpec, WslConfigEditError } from './format-value';
import type { FixEdit, WslConfigFix } from './problem';
import { scanWslConfig, type KeyLine } from './scan';
import type { WslKeySpec } from './schema';
import { dominantEol, joinLines, splitLines, type TextLine } from './text-lines';

/** One `key=value` to set; `value` is what the user typed (formatted for WSL) unless `raw` says it already is. */
export interface WslConfigAssignment {
  readonly key: string;
  readonly value: string;
  readonly raw?: boolean;
}

interface MutableLine {
  text: string;
  eol: TextLine['eol'];
}

function decodeForEdit(bytes: Uint8Array): DecodedConfig {
  const decoded = decodeConfigBytes(bytes);
  if (decoded.looksLikeUtf16WithoutBom) {
    throw new WslConfigEditError(
      'unreadable-encoding',
      'This .wslconfig is saved as UTF-16 without a byte-order mark, which WSL cannot read. Save it as UTF-8 first.',
    );
  }
  return decoded;
}

function matches(spec: WslKeySpec, entry: KeyLine): boolean {
  const name = entry.fullName.toLowerCase();
  return [spec.key, ...spec.aliases].some((candidate) => candidate.toLowerCase() === name);
}

/** Insert new lines after line index `after` (-1 = at the start), keeping the file's line ends and final newline. */
function insertLines(lines: MutableLine[], after: number, texts: readonly string[]): void {
  const eol = dominantEol(lines.map((line, index) => ({ ...line, start: index })));
  const last = lines[lines.length - 1];
  const endsWithEmpty = last?.text === '' && last.eol === '';
  let at = after;
  if (endsWithEmpty && at >= lines.length - 1) at = lines.length - 2;
  const previous = lines[at];
  const added: MutableLine[] = texts.map((text) => ({ text, eol }));
  if (previous?.eol === '') {
    previous.eol = eol;
    const lastAdded = added[added.length - 1];
    if (lastAdded) lastAdded.eol = '';
  }
  lines.splice(at + 1, 0, ...added);
}

function sectionHeaderPattern(line: string): boolean {
  return /^\s*\[/.test(line);
}

/** Where a new key goes in its section: after the section's last line that is not blank or a comment leading into the next header. */
function endOfSection(lines: readonly MutableLine[], headerIndex: number): number {
  let next = headerIndex + 1;
  while (next < lines.length && !sectionHeaderPattern(lines[next]?.text ?? '')) next += 1;
  let end = next - 1;
  while (end > headerIndex && (lines[end]?.text.trim() ?? '') === '') end -= 1;
  if (next < lines.length) {
    let comments = end;
    while (comments > headerIndex && /^\s*#/.test(lines[comments]?.text ?? '')) comments -= 1;
    if (comments < end && end === next - 1) end = comments;
    while (end > headerIndex && (lines[end]?.text.trim() ?? '') === '') end -= 1;
  }
  return end;
}

function setOne(text: string, spec: WslKeySpec, literal: string): string {
  const scan = scanWslConfig(text);
  const existing = scan.keys.find((entry) => matches(spec, entry));
  if (existing) {
    return text.slice(0, existing.valueSpan.start) + literal + text.slice(existing.valueSpan.end);
  }
  const lines: MutableLine[] = splitLines(text).map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  const header = scan.sections.find((section) => section.name.toLowerCase() === spec.section.toLowerCase());
  if (header) {
    insertLines(lines, endOfSection(lines, header.line - 1), [`${spec.name}=${literal}`]);
  } else {
    insertLines(lines, lines.length - 1, [`[${spec.section}]`, `${spec.name}=${literal}`]);
  }
  return joinLines(lines);
}

/** The typed value WSL reads from `literal` for this key (undefined when it rejects it). */
function expectedValue(spec: WslKeySpec, literal: string): unknown {
  return checkWslConfig(`[${spec.section}]\n${spec.name}=${literal}\n`).settings[spec.key];
}

/**
 * Check that WSL reads back what was asked: for text and paths the very characters the user typed (not merely
 * what Headroom wrote, which would hide a character WSL reads differently), for other types the typed value of
 * the literal Headroom formatted from the input.
 */
function verifySet(text: string, spec: WslKeySpec, literal: string, asked: string): void {
  const wanted = spec.type === 'string' || spec.type === 'path' ? asked : expectedValue(spec, literal);
  const got = checkWslConfig(text).settings[spec.key];
  if (JSON.stringify(got) !== JSON.stringify(wanted)) {
    throw new WslConfigEditError(
      'not-applied',
      `Headroom could not place ${spec.key}=${literal} where WSL would read it (a broken line above it changes what WSL sees). Nothing was changed: fix the lines WSL ignores first.`,
    );
  }
}

function editText(bytes: Uint8Array, change: (text: string) => string): Uint8Array {
  const decoded = decodeForEdit(bytes);
  return encodeConfigText(change(decoded.text), decoded);
}

/**
 * Set keys in a .wslconfig: the first occurrence WSL would use keeps its line, spacing and comment and only its
 * value changes; a missing key goes at the end of its section, or a new section at the end of the file. Every
 * other byte stays as it was. Throws {@link WslConfigEditError} for unknown keys, invalid values, or when the
 * result would not read back as asked.
 */
export function setWslConfigValues(
  bytes: Uint8Array,
  assignments: readonly WslConfigAssignment[],
): Uint8Array {
  return editText(bytes, (original) =>
    assignments.reduce((text, assignment) => {
      const spec = requireKeySpec(assignment.key);
      const literal = assignment.raw ? assignment.value : formatWslValue(spec, assignment.value);
      const next = setOne(text, spec, literal);
      if (!assignment.raw) verifySet(next, spec, literal, assignment.value);
      return next;
    }, original),
  );
}

function deleteLines(text: string, lineNumbers: readonly number[]): string {
  const lines: MutableLine[] = splitLines(text).map(({ text: lineText, eol }) => ({ text: lineText, eol }));
  for (const number of [...new Set(lineNumbers)].sort((a, b) => b - a)) {
    const index = number - 1;
    const removed = lines[index];
    if (!removed) continue;
    lines.splice(index, 1);
    const previous = lines[index - 1];
    if (removed.eol === '' && previous && index === lines.length) previous.eol = '';
  }
  return joinLines(lines);
}

/** Remove every line that sets any of the keys (all spellings and both sections of an alias). */
export function unsetWslConfigKeys(bytes: Uint8Array, keys: readonly string[]): Uint8Array {
  const specs = keys.map(requireKeySpec);
  return editText(bytes, (text) => {
    const doomed = scanWslConfig(text)
      .keys.filter((entry) => specs.some((spec) => matches(spec, entry)))
      .flatMap((entry) =>
        Array.from({ length: entry.lastLine - entry.line + 1 }, (_, offset) => entry.line + offset),
      );
    const next = deleteLines(text, doomed);
    const left = specs.filter((spec) => checkWslConfig(next).settings[spec.key] !== undefined);
    if (left.length > 0) {
      throw new WslConfigEditError(
        'not-applied',
        `Headroom could not remove ${left.map((spec) => spec.key).join(', ')}. Nothing was changed.`,
      );
    }
    return next;
  });
}

/** Apply a problem's fix: line edits first (from the bottom up, so line numbers hold), then key settings. */
export function applyWslConfigFix(bytes: Uint8Array, fix: WslConfigFix): Uint8Array {
  const lineEdits = fix.edits.filter(
    (edit): edit is Exclude<FixEdit, { kind: 'set' }> => edit.kind !== 'set',
  );
  const sets = fix.edits.filter((edit): edit is Extract<FixEdit, { kind: 'set' }> => edit.kind === 'set');
  const edited = editText(bytes, (text) => {
    const lines: MutableLine[] = splitLines(text).map(({ text: lineText, eol }) => ({ text: lineText, eol }));
    for (const edit of lineEdits) {
      const line = lines[edit.line - 1];
      if (line && edit.kind === 'replace-line') line.text = edit.text;
    }
    return deleteLines(
      joinLines(lines),
      lineEdits.filter((edit) => edit.kind === 'delete-line').map((edit) => edit.line),
    );
  });
  return sets.length === 0
    ? edited
    : setWslConfigValues(
        edited,
        sets.map((edit) => ({ key: edit.key, value: edit.value, raw: true })),
      );
}

/**
 * Apply several fixes found in one check of the file. Their line numbers all refer to that file, so they are applied
 * as one fix (replacements in place, deletions from the bottom up, then the keys set), never one after another.
 */
export function applyWslConfigFixes(bytes: Uint8Array, fixes: readonly WslConfigFix[]): Uint8Array {
  return applyWslConfigFix(bytes, {
    label: fixes.map((fix) => fix.label).join('; '),
    edits: fixes.flatMap((fix) => fix.edits),
  });
}
