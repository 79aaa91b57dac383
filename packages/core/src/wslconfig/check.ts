import { decodeConfigBytes, encodeConfigText, type ConfigEncoding, type DecodedConfig } from './config-bytes';
import {
  PARSER_SOURCE,
  type WslConfigFix,
  type WslConfigProblem,
  type WslConfigProblemCode,
} from './problem';
import { scanWslConfig, type KeyLine, type SyntaxIssue } from './scan';
import {
  findKeySpec,
  REMOVED_KEYS,
  WSL_CONF_KEYS,
  WSL_CONF_SECTIONS,
  WSL_KEYS,
  type WslKeySpec,
} from './schema';
import { formatSize, suggestBool, suggestEnum, suggestInt, suggestName, suggestSize } from './suggest';
import { hasNonAscii, splitLines, type TextLine } from './text-lines';
import {
  parseWslBool,
  parseWslEnum,
  parseWslInt,
  parseWslIpv4,
  parseWslMac,
  parseWslPorts,
  parseWslSize,
  readWslSize,
} from './wsl-values';

/** What the machine has, when known: lets the check say where WSL will clamp a value. */
export interface HostFacts {
  readonly totalMemoryBytes?: number;
  readonly logicalProcessors?: number;
}

/** A typed setting value: sizes in bytes, ints, bools, enums in WSL's spelling, strings, port lists. */
export type WslSettingValue = number | boolean | string | readonly number[];

/** A setting WSL applies, and the line it comes from. */
export interface AppliedSetting {
  readonly key: string;
  readonly value: WslSettingValue;
  readonly line: number;
}

/** What WSL makes of a .wslconfig: the settings it applies and every problem found, by line. */
export interface WslConfigCheck {
  readonly settings: Readonly<Record<string, WslSettingValue>>;
  /**
   * The exact bytes of each size setting in `settings`, as decimal digits (the numbers there are doubles, rounded
   * above 2^53; a string keeps the result plain JSON).
   */
  readonly sizes: Readonly<Record<string, string>>;
  readonly applied: readonly AppliedSetting[];
  readonly problems: readonly WslConfigProblem[];
  readonly encoding: ConfigEncoding;
}

const MIN_MEMORY = 256n * 2n ** 20n;
const GRADUAL_HANGS = 'https://github.com/microsoft/WSL/issues/10675';
const SETTINGS_SOURCE = 'https://github.com/microsoft/WSL/blob/master/src/windows/common/WslCoreConfig.cpp';

const code = (text: string): string => `\`${text}\``;

/** Everything the rules need about the file while checking it. */
class CheckContext {
  readonly problems: WslConfigProblem[] = [];
  readonly lines: TextLine[];

  constructor(
    readonly text: string,
    readonly decoded: DecodedConfig,
  ) {
    this.lines = splitLines(text);
  }

  lineText(line: number): string {
    return this.lines[line - 1]?.text ?? '';
  }

  add(problem: WslConfigProblem): void {
    this.problems.push(problem);
  }

  /** A fix that rewrites one line by replacing a span of it (only when the span stays on that line). */
  replaceInLine(
    line: number,
    start: number,
    end: number,
    replacement: string,
    label: string,
  ): WslConfigFix | undefined {
    const row = this.lines[line - 1];
    if (!row || start < row.start || end > row.start + row.text.length) return undefined;
    const text = row.text.slice(0, start - row.start) + replacement + row.text.slice(end - row.start);
    return { label, edits: [{ kind: 'replace-line', line, text }] };
  }

  rawValue(entry: KeyLine): string {
    return this.text.slice(entry.valueSpan.start, entry.valueSpan.end);
  }

  valueFix(entry: KeyLine, replacement: string): WslConfigFix | undefined {
    return this.replaceInLine(
      entry.line,
      entry.valueSpan.start,
      entry.valueSpan.end,
      replacement,
      `${entry.name}=${replacement}`,
    );
  }
}

function doubleBackslashes(line: string): string {
  return line.replace(/\\\\|\\/g, (match) => (match === '\\\\' ? match : '\\\\'));
}

function describeSyntax(ctx: CheckContext, issue: SyntaxIssue): WslConfigProblem {
  const text = ctx.lineText(issue.line);
  const trimmed = text.trim();
  const base = { line: issue.line, ignoredByWsl: true, severity: 'error' as const, source: PARSER_SOURCE };
  const commentOut: WslConfigFix = {
    label: `Comment it out: # ${trimmed}`,
    edits: [{ kind: 'replace-line', line: issue.line, text: `# ${trimmed}` }],
  };
  switch (issue.kind) {
    case 'invalid-key-name':
      if (trimmed.startsWith(';')) {
        return {
          ...base,
          severity: 'warning',
          code: issue.kind,
          message: `WSL warns about line ${issue.line} at every start and skips it: ${code(';')} does not start a comment in .wslconfig, only ${code('#')} does.`,
          fix: {
            label: `Use # for the comment`,
            edits: [{ kind: 'replace-line', line: issue.line, text: text.replace(';', '#') }],
          },
        };
      }
      return {
        ...base,
        code: issue.kind,
        message: `WSL ignores line ${issue.line}: ${code(trimmed)} does not start with a key name (a letter)${trimmed.startsWith('//') ? `, and ${code('//')} is not a comment in .wslconfig` : ''}.`,
        fix: commentOut,
      };
    case 'invalid-section-name':
    case 'unclosed-section':
    case 'junk-after-section': {
      const name = /^\s*\[\s*([A-Za-z][A-Za-z0-9]*)/.exec(text)?.[1];
      const why =
        issue.kind === 'junk-after-section'
          ? `only a ${code('#')} comment may follow the ${code(']')}`
          : 'a section name is letters and digits right after the [, with no spaces';
      return {
        ...base,
        code: issue.kind,
        message: `WSL ignores line ${issue.line}: ${code(trimmed)} is not a section header (${why}), so the keys after it do not land in that section.`,
        ...(name
          ? {
              fix: {
                label: `[${name}]`,
                edits: [{ kind: 'replace-line', line: issue.line, text: `[${name}]` }],
              },
            }
          : {}),
      };
    }
    case 'missing-equals': {
      const fixed = /^(\s*[A-Za-z][A-Za-z0-9]*)\s*[:\s]\s*(\S.*)$/.exec(text);
      return {
        ...base,
        code: issue.kind,
        message: `WSL ignores line ${issue.line}: ${code(trimmed)} is not ${code('key=value')} (key names are letters and digits, then ${code('=')}).`,
        ...(fixed?.[1] && fixed[2]
          ? {
              fix: {
                label: `${fixed[1].trim()}=${fixed[2]}`,
                edits: [{ kind: 'replace-line' as const, line: issue.line, text: `${fixed[1]}=${fixed[2]}` }],
              },
            }
          : { fix: commentOut }),
      };
    }
    case 'invalid-escape':
      return {
        ...base,
        code: issue.kind,
        ...(issue.key ? { key: findKeySpec(issue.key)?.key ?? issue.key } : {}),
        message: `WSL ignores line ${issue.line}: ${code(`\\${issue.char}`)} is not an escape it knows. A backslash starts an escape in .wslconfig, so Windows paths need double backslashes (${code('C:\\\\Users\\\\you')}).`,
        fix: {
          label: 'Double the backslashes',
          edits: [{ kind: 'replace-line', line: issue.line, text: doubleBackslashes(text) }],
        },
      };
    case 'unclosed-quote':
      return {
        ...base,
        code: issue.kind,
        ...(issue.key ? { key: findKeySpec(issue.key)?.key ?? issue.key } : {}),
        message: `WSL ignores line ${issue.line}: a ${code('"')} opens a quote that never closes.`,
        fix: {
          label: 'Close the quote',
          edits: [{ kind: 'replace-line', line: issue.line, text: `${text.trimEnd()}"` }],
        },
      };
  }
}

const SECTION_KEYS = (sectionName: string): string[] =>
  WSL_KEYS.flatMap((spec) => [spec.key, ...spec.aliases])
    .filter((key) => key.startsWith(`${sectionName}.`))
    .map((key) => key.slice(sectionName.length + 1));

function describeUnknownKey(ctx: CheckContext, entry: KeyLine): void {
  const [sectionName = '', ...rest] = entry.fullName.includes('.')
    ? entry.fullName.split('.')
    : ['', entry.fullName];
  const name = rest.join('.') || entry.name;
  const raw = ctx.rawValue(entry);
  const lower = entry.fullName.toLowerCase();
  const base = { line: entry.line, ignoredByWsl: true, severity: 'error' as const, source: PARSER_SOURCE };
  const move = (key: string): WslConfigFix => ({
    label: `Move it: ${key}=${raw}`,
    edits: [
      { kind: 'delete-line', line: entry.line },
      { kind: 'set', key, value: raw },
    ],
  });

  if (sectionName === '') {
    const spec = WSL_KEYS.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    ctx.add({
      ...base,
      code: 'key-outside-section',
      message: `WSL ignores line ${entry.line}: ${code(entry.name)} comes before any [section], so WSL does not know it${spec ? `; it belongs under [${spec.section}]` : ''}.`,
      ...(spec ? { key: spec.key, fix: move(spec.key) } : {}),
    });
    return;
  }

  const removed = REMOVED_KEYS[lower];
  const wslConf = WSL_CONF_KEYS.find(
    (key) => key.toLowerCase() === lower || key.split('.')[1]?.toLowerCase() === name.toLowerCase(),
  );
  const otherSection =
    sectionName.toLowerCase() === 'wsl2'
      ? 'experimental'
      : sectionName.toLowerCase() === 'experimental'
        ? 'wsl2'
        : undefined;
  const moved = otherSection ? findKeySpec(`${otherSection}.${name}`) : undefined;
  const typo = suggestName(
    name,
    SECTION_KEYS(
      sectionName.toLowerCase() === 'experimental'
        ? 'experimental'
        : sectionName.toLowerCase() === 'general'
          ? 'general'
          : 'wsl2',
    ),
  );
  const sectionKnown = ['wsl2', 'experimental', 'general'].includes(sectionName.toLowerCase());

  const removeLine: WslConfigFix = {
    label: 'Remove the line',
    edits: [{ kind: 'delete-line', line: entry.line }],
  };
  const fix = moved
    ? move(moved.key)
    : removed || wslConf
      ? removeLine
      : typo && sectionKnown
        ? ctx.replaceInLine(entry.line, entry.nameSpan.start, entry.nameSpan.end, typo, `${typo}=${raw}`)
        : undefined;
  ctx.add({
    ...base,
    severity: removed || wslConf ? 'warning' : 'error',
    code: 'unknown-key',
    message: `WSL ignores line ${entry.line}: it does not know ${code(entry.fullName)}${
      typo && !moved && sectionKnown ? ` (did you mean ${code(typo)}?)` : ''
    }.`,
    ...(fix ? { fix } : {}),
  });

  const advisory = { line: entry.line, ignoredByWsl: false } as const;
  if (removed) {
    ctx.add({ ...advisory, severity: 'info', code: 'removed-key', message: removed, fix: removeLine });
  } else if (moved) {
    const codeName: WslConfigProblemCode =
      otherSection === 'experimental' ? 'experimental-key-in-wsl2' : 'wsl2-key-in-experimental';
    ctx.add({
      ...advisory,
      severity: 'error',
      code: codeName,
      key: moved.key,
      message: `${code(name)} belongs under [${moved.section}], not [${sectionName}]: WSL ignores it here.`,
      fix: move(moved.key),
      source: moved.docs,
    });
  } else if (wslConf) {
    const [confSection] = wslConf.split('.');
    ctx.add({
      ...advisory,
      severity: 'info',
      code: 'wsl-conf-key',
      message: `${code(name)} is a setting of /etc/wsl.conf inside each distro (under [${confSection ?? ''}]), not of .wslconfig, which Windows reads for the VM. Put it in the distro’s /etc/wsl.conf.`,
      fix: removeLine,
      source: 'https://learn.microsoft.com/windows/wsl/wsl-config#wslconf',
    });
  }
}

function checkValue(
  ctx: CheckContext,
  entry: KeyLine,
  spec: WslKeySpec,
  value: string,
  host: HostFacts,
): WslSettingValue | undefined {
  const raw = ctx.rawValue(entry);
  const invalid = (
    problemCode: WslConfigProblemCode,
    why: string,
    suggestion?: string,
    keepsDefault = true,
  ): WslSettingValue | undefined => {
    const fix = suggestion === undefined ? undefined : ctx.valueFix(entry, suggestion);
    ctx.add({
      line: entry.line,
      ignoredByWsl: true,
      severity: 'error',
      code: problemCode,
      key: spec.key,
      message: `WSL ignores line ${entry.line}: ${code(`${entry.name}=${raw}`)} — ${why}${suggestion ? ` Fix: ${code(`${entry.name}=${suggestion}`)}.` : ''}${keepsDefault ? ` WSL keeps its default: ${spec.default}.` : ''}`,
      ...(fix ? { fix } : {}),
      source: spec.docs,
    });
    return undefined;
  };
  const advise = (
    problemCode: WslConfigProblemCode,
    severity: 'error' | 'warning' | 'info',
    message: string,
    fix?: WslConfigFix,
    source?: string,
  ): void => {
    ctx.add({
      line: entry.line,
      ignoredByWsl: false,
      severity,
      code: problemCode,
      key: spec.key,
      message,
      ...(fix ? { fix } : {}),
      ...(source ? { source } : {}),
    });
  };

  switch (spec.type) {
    case 'size': {
      const size = readWslSize(value);
      const bytes = size?.bytes;
      if (bytes === undefined) {
        const why =
          /^\d+\s*[A-Za-z]+$/.test(value) && /[a-z]/.test(value)
            ? 'size units must be upper case (B, K, KB, M, MB, G, GB, T, TB).'
            : /\d\.\d/.test(value)
              ? 'sizes must be whole numbers; use a smaller unit.'
              : /\s/.test(value)
                ? 'a size has no space between the number and its unit.'
                : 'that is not a size WSL understands (a whole number, then B, K, KB, M, MB, G, GB, T or TB).';
        return invalid('invalid-size', why, suggestSize(value));
      }
      if (size?.wrapped) {
        const how =
          size.wrapped === 'negative'
            ? 'is negative, and WSL reads sizes as unsigned numbers'
            : size.wrapped === 'overflow'
              ? 'is larger than the largest size WSL can hold'
              : 'overflows when WSL multiplies it by its unit';
        const then =
          spec.name === 'memory'
            ? bytes > MIN_MEMORY
              ? ' WSL then lowers it to all of this computer’s RAM, leaving Windows none to spare.'
              : bytes === 0n
                ? ' That is 0, the default: half of the RAM.'
                : ' WSL then raises it to its minimum of 256MB.'
            : '';
        advise(
          'size-wraps',
          spec.name === 'memory' ? 'error' : 'warning',
          `${code(`${spec.name}=${raw}`)} ${how}: WSL reads it as ${bytes} byte${bytes === 1n ? '' : 's'}${bytes >= 1n << 30n ? ` (${formatSize(bytes)})` : ''}.${then}`,
          undefined,
          SETTINGS_SOURCE,
        );
        return Number(bytes);
      }
      if (spec.name === 'memory') {
        if (bytes === 0n)
          advise(
            'memory-zero-default',
            'info',
            `${code('memory=0')} means the default: half of this computer’s RAM.`,
            undefined,
            SETTINGS_SOURCE,
          );
        else if (bytes < MIN_MEMORY) {
          const meant = /^\d+$/.test(value) ? `${value}GB` : undefined;
          advise(
            'memory-below-minimum',
            'error',
            `${code(`memory=${raw}`)} means ${formatSize(bytes)} byte${bytes === 1n ? '' : 's'}: WSL raises it to its minimum of 256MB.${meant ? ` Did you mean ${code(`memory=${meant}`)}?` : ''}`,
            meant ? ctx.valueFix(entry, meant) : undefined,
            SETTINGS_SOURCE,
          );
        } else if (host.totalMemoryBytes !== undefined && bytes > BigInt(host.totalMemoryBytes)) {
          advise(
            'memory-above-host',
            'warning',
            `${code(`memory=${raw}`)} is more than this computer’s ${formatSize(BigInt(host.totalMemoryBytes))} of RAM: WSL lowers it to all of the RAM, leaving Windows none to spare.`,
            undefined,
            SETTINGS_SOURCE,
          );
        }
      }
      return Number(bytes);
    }
    case 'int': {
      const parsed = parseWslInt(value);
      if (!parsed) return invalid('invalid-integer', 'that is not a whole number.', suggestInt(value));
      if (parsed.saturated)
        advise(
          'integer-saturated',
          'warning',
          `${code(raw)} is out of range: WSL reads it as ${parsed.value}.`,
        );
      if (/^\s*[+-]?0[0-7]/.test(value) || /^\s*[+-]?0[xX]/.test(value)) {
        advise(
          'octal-or-hex-integer',
          'warning',
          `WSL reads ${code(value)} as ${parsed.value}: a leading 0 means octal and 0x hexadecimal.`,
          ctx.valueFix(entry, String(parsed.value)),
        );
      }
      if (spec.name === 'processors') {
        if (parsed.value <= 0)
          advise(
            'processors-default',
            'info',
            `${code(`processors=${raw}`)} means the default: all logical processors.`,
            undefined,
            SETTINGS_SOURCE,
          );
        else if (host.logicalProcessors !== undefined && parsed.value > host.logicalProcessors) {
          advise(
            'processors-above-host',
            'warning',
            `${code(`processors=${raw}`)} is more than this computer’s ${host.logicalProcessors} logical processors: WSL warns at every start and uses ${host.logicalProcessors}.`,
            ctx.valueFix(entry, String(host.logicalProcessors)),
            SETTINGS_SOURCE,
          );
        }
      }
      return parsed.value;
    }
    case 'bool': {
      const parsed = parseWslBool(value);
      if (parsed === undefined)
        return invalid(
          'invalid-boolean',
          `WSL reads only ${code('true')}, ${code('false')}, ${code('1')} or ${code('0')}.`,
          suggestBool(value),
        );
      if (spec.key === 'wsl2.gpuSupport' && !parsed)
        advise(
          'gpu-support-off',
          'warning',
          `${code('gpuSupport=false')} takes the GPU away from WSL: CUDA, Ollama and llama.cpp cannot see it.`,
          { label: 'Remove the line', edits: [{ kind: 'delete-line', line: entry.line }] },
          spec.docs,
        );
      if (spec.key === 'wsl2.safeMode' && parsed)
        advise(
          'safe-mode-on',
          'warning',
          `${code('safeMode=true')} starts WSL without GPU, GUI apps, swap, a custom kernel or networking.`,
          { label: 'Remove the line', edits: [{ kind: 'delete-line', line: entry.line }] },
          SETTINGS_SOURCE,
        );
      return parsed;
    }
    case 'enum': {
      const parsed = parseWslEnum(value, spec.values ?? []);
      if (parsed === undefined)
        return invalid(
          'invalid-enum',
          `WSL accepts ${(spec.values ?? []).join(', ')}.`,
          suggestEnum(value, spec.values ?? []),
        );
      if (spec.key === 'experimental.autoMemoryReclaim' && parsed === 'Gradual') {
        advise(
          'auto-memory-reclaim-gradual',
          'warning',
          `${code('autoMemoryReclaim=gradual')} is known to make commands hang after the VM idles, notably with systemd. ${code('dropCache')} (the default) returns memory without that risk.`,
          ctx.valueFix(entry, 'dropCache'),
          GRADUAL_HANGS,
        );
      }
      return spec.valueAliases?.[parsed] ?? parsed;
    }
    case 'ipv4':
      return (
        parseWslIpv4(value) ??
        invalid(
          'invalid-ip-address',
          'that is not an IPv4 address like 10.255.255.254; WSL also turns DNS tunneling off.',
        )
      );
    case 'mac':
      return (
        parseWslMac(value) ??
        invalid(
          'invalid-mac-address',
          'that is not a MAC address like 00:15:5d:01:02:03, and WSL refuses to start the VM until it is fixed or removed.',
          undefined,
          false,
        )
      );
    case 'ports': {
      const { ports, rejected } = parseWslPorts(value);
      if (rejected.length > 0) {
        ctx.add({
          line: entry.line,
          ignoredByWsl: ports.length === 0,
          severity: 'error',
          code: 'invalid-port',
          key: spec.key,
          message: `WSL skips ${rejected.map((port) => code(port.trim())).join(', ')} on line ${entry.line}: ports are whole numbers from 1 to 65535.`,
          source: SETTINGS_SOURCE,
        });
      }
      return ports.length > 0 ? ports : undefined;
    }
    case 'string':
    case 'path': {
      if (/[\b\t\n]/.test(value) && /\\[btn]/.test(raw)) {
        const shown = value
          .replaceAll('\t', '<TAB>')
          .replaceAll('\b', '<BACKSPACE>')
          .replaceAll('\n', '<NEWLINE>');
        advise(
          'path-escapes',
          'error',
          `WSL reads ${code(raw)} as ${code(shown)}: single backslashes start escapes (${code('\\t')} is a tab, ${code('\\b')} a backspace). Write ${code(doubleBackslashes(raw))}.`,
          ctx.valueFix(entry, doubleBackslashes(raw)),
          PARSER_SOURCE,
        );
      }
      if (hasNonAscii(ctx.text.slice(entry.valueSpan.start, entry.valueSpan.end))) {
        advise(
          'non-ascii-value',
          'error',
          `WSL keeps only the low byte of each character in a value, so ${code(raw)} arrives garbled. Use a path with only ASCII characters.`,
          undefined,
          PARSER_SOURCE,
        );
      }
      return decodeWslString(value);
    }
  }
}

/** WSL turns the 8-bit value back into text as UTF-8; bytes that are not UTF-8 become U+FFFD. */
function decodeWslString(value: string): string {
  if (!hasNonAscii(value)) return value;
  const bytes = Uint8Array.from(value, (char) => char.charCodeAt(0));
  return decodeConfigBytes(bytes).text.replace(/[\udc80-\udcff]/g, '\ufffd');
}

function sectionAdvice(ctx: CheckContext, scanSections: ReturnType<typeof scanWslConfig>['sections']): void {
  for (const header of scanSections) {
    const lower = header.name.toLowerCase();
    if (lower === 'wsl' || lower === 'wsl1' || lower === 'wslconfig') {
      ctx.add({
        line: header.line,
        ignoredByWsl: false,
        severity: 'error',
        code: 'wrong-section-name',
        message: `[${header.name}] is not a section WSL reads: every key under it is ignored. The VM settings go under [wsl2].`,
        fix: {
          label: '[wsl2]',
          edits: [
            {
              kind: 'replace-line',
              line: header.line,
              text: ctx.lineText(header.line).replace(/\[[^\]]*\]/, '[wsl2]'),
            },
          ],
        },
        source: 'https://learn.microsoft.com/windows/wsl/wsl-config#wslconfig',
      });
    } else if (WSL_CONF_SECTIONS.some((name) => name.toLowerCase() === lower)) {
      ctx.add({
        line: header.line,
        ignoredByWsl: false,
        severity: 'info',
        code: 'wsl-conf-section',
        message: `[${header.name}] is a section of /etc/wsl.conf inside each distro, not of .wslconfig: WSL ignores every key under it here.`,
        source: 'https://learn.microsoft.com/windows/wsl/wsl-config#wslconf',
      });
    }
  }
}

/**
 * A UTF-16 file without a BOM reaches WSL as UTF-8 with a NUL after every ASCII character, so no key ever reaches
 * its `=`: WSL warns about and skips every line that is not blank or a comment. Lines are numbered as the user's
 * editor shows them (it reads the file as UTF-16).
 */
function utf16WithoutBomProblems(bytes: Uint8Array): WslConfigProblem[] {
  const asShown = decodeConfigBytes(Uint8Array.from([0xff, 0xfe, ...bytes])).text;
  return splitLines(asShown).flatMap((line, index): WslConfigProblem[] => {
    const content = line.text.trim();
    if (content === '' || content.startsWith('#')) return [];
    return [
      {
        line: index + 1,
        ignoredByWsl: true,
        severity: 'error',
        code: 'utf16-without-bom',
        message: `WSL ignores line ${index + 1}: the file is saved as UTF-16 without a byte-order mark, which WSL reads as UTF-8 and cannot make sense of. Save the file as UTF-8.`,
        source: PARSER_SOURCE,
      },
    ];
  });
}

/**
 * Read a .wslconfig exactly as WSL does: the settings it applies (first occurrence wins, invalid values dropped)
 * and every problem, from the lines WSL warns about and skips to the ones it reads differently from what the user
 * meant. Never throws: any bytes give a result.
 */
export function checkWslConfig(input: Uint8Array | string, host: HostFacts = {}): WslConfigCheck {
  const bytes =
    typeof input === 'string' ? encodeConfigText(input, { encoding: 'utf-8', bom: false }) : input;
  const decoded = decodeConfigBytes(bytes);
  const ctx = new CheckContext(decoded.text, decoded);
  const scan = scanWslConfig(decoded.text);
  const settings: Record<string, WslSettingValue> = {};
  const sizes: Record<string, string> = {};
  const applied: AppliedSetting[] = [];
  const firstLine = new Map<string, { line: number; raw: string; valid: boolean }>();

  if (decoded.looksLikeUtf16WithoutBom) {
    return {
      settings,
      sizes,
      applied,
      problems: utf16WithoutBomProblems(bytes),
      encoding: { encoding: decoded.encoding, bom: decoded.bom },
    };
  }
  for (const issue of scan.issues) ctx.add(describeSyntax(ctx, issue));
  sectionAdvice(ctx, scan.sections);

  for (const entry of scan.keys) {
    const raw = ctx.rawValue(entry);
    if (/(^|\s);/.test(raw)) {
      ctx.add({
        line: entry.line,
        ignoredByWsl: false,
        severity: 'warning',
        code: 'semicolon-comment',
        message: `${code(';')} does not start a comment in .wslconfig: WSL reads the whole of ${code(raw)} as the value. Use ${code('#')}.`,
        ...(() => {
          const fix = ctx.valueFix(entry, raw.replace(/(^|\s);/, '$1#'));
          return fix ? { fix: { ...fix, label: 'Use # for the comment' } } : {};
        })(),
        source: PARSER_SOURCE,
      });
    }
    if (entry.value === undefined) continue;
    const spec = findKeySpec(entry.fullName);
    if (!spec) {
      describeUnknownKey(ctx, entry);
      continue;
    }
    const first = firstLine.get(spec.key);
    if (first) {
      const same = first.raw === raw;
      ctx.add({
        line: entry.line,
        ignoredByWsl: true,
        severity: same ? 'warning' : 'error',
        code: 'duplicate-key',
        key: spec.key,
        message: `WSL ignores line ${entry.line}: ${code(spec.name)} is already set on line ${first.line} (${code(first.raw)}), and the first one wins${
          first.valid ? '.' : ` even though WSL rejected its value, so WSL uses its default: ${spec.default}.`
        }`,
        fix: { label: 'Remove the repeated line', edits: [{ kind: 'delete-line', line: entry.line }] },
        source: PARSER_SOURCE,
      });
      continue;
    }
    const registered = { line: entry.line, raw, valid: true };
    firstLine.set(spec.key, registered);
    if (spec.aliases.some((alias) => alias.toLowerCase() === entry.fullName.toLowerCase())) {
      ctx.add({
        line: entry.line,
        ignoredByWsl: false,
        severity: 'info',
        code: 'legacy-experimental-location',
        key: spec.key,
        message: `WSL still reads ${code(spec.name)} under [experimental], its old place; current WSL documents it under [wsl2].`,
        fix: {
          label: `Move it to [wsl2]`,
          edits: [
            { kind: 'delete-line', line: entry.line },
            { kind: 'set', key: spec.key, value: raw },
          ],
        },
        source: spec.docs,
      });
    }
    const value = checkValue(ctx, entry, spec, entry.value, host);
    registered.valid = value !== undefined;
    if (value !== undefined) {
      settings[spec.key] = value;
      const exact = spec.type === 'size' ? parseWslSize(entry.value) : undefined;
      if (exact !== undefined) sizes[spec.key] = exact.toString();
      applied.push({ key: spec.key, value, line: entry.line });
    }
  }

  const problems = [...ctx.problems].sort(
    (a, b) => a.line - b.line || Number(b.ignoredByWsl) - Number(a.ignoredByWsl),
  );
  return { settings, sizes, applied, problems, encoding: { encoding: decoded.encoding, bom: decoded.bom } };
}
