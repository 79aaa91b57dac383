/**
 * All in-distro probes in one `wsl -d X -e sh -c <script>` (docs/architecture.md "Budgets": at most 4 wsl.exe processes
 * per doctor run). The script prints each probe between markers, its stdout and stderr apart, with its exit code:
 *
 *     @@headroom-probe distro-meminfo begin@@
 *     …stdout…
 *     @@headroom-probe distro-meminfo stderr@@
 *     …stderr…
 *     @@headroom-probe distro-meminfo end exit=0 ms=3@@
 *
 * A line break before a marker is part of the marker, so the outputs come back byte for byte (stderr loses its
 * trailing line breaks). Each probe runs in its own `sh -c` under `timeout` when the distro has it; a probe that
 * hung until wsl.exe was killed has no end marker. `ms=` is the probe's own time, measured inside the distro with
 * `date +%s%N` (absent where `date` cannot print nanoseconds), so it never includes starting the VM.
 */
import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { DISTRO_PROBE_IDS } from '../probe/probe-ids';
import { DISTRO_PROBE_COMMANDS, DISTRO_PROBE_TIMEOUT_SECONDS } from './commands';

/** What one probe of the batch printed, and how it ended. */
export interface DistroProbeBlock {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code (124 or 137 when `timeout` stopped it); null when the end marker is missing. */
  readonly exitCode: number | null;
  /** How long this probe alone took inside the distro (ms), when the script could time it. */
  readonly durationMs?: number;
}

/** The text every marker starts with. */
export const PROBE_MARKER = '@@headroom-probe';

/** Quote a string for POSIX sh: single quotes, with each `'` written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** The POSIX sh script that runs every in-distro probe (DISTRO_PROBE_COMMANDS) and marks its output. */
export function buildDistroProbeScript(): string {
  const lines = [
    `# Headroom's in-distro probes; the output of each is printed between ${PROBE_MARKER} markers.`,
    'LC_ALL=C',
    'PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"',
    'export LC_ALL PATH',
    "if timeout -k 2 5 true >/dev/null 2>&1; then hr_timeout='timeout -k 2'",
    "elif timeout 5 true >/dev/null 2>&1; then hr_timeout='timeout'",
    "else hr_timeout=''; fi",
    '# hr_probe ID SECONDS COMMAND: stdout straight through, stderr captured and printed after it.',
    'hr_probe() {',
    `  printf '${PROBE_MARKER} %s begin@@\\n' "$1"`,
    '  hr_s=$(date +%s%N 2>/dev/null)',
    '  if [ -n "$hr_timeout" ]; then',
    '    { hr_err=$( { $hr_timeout "$2" sh -c "$3" </dev/null 2>&1 1>&3 3>&-; } ); hr_rc=$?; } 3>&1',
    '  else',
    '    { hr_err=$( { sh -c "$3" </dev/null 2>&1 1>&3 3>&-; } ); hr_rc=$?; } 3>&1',
    '  fi',
    '  hr_e=$(date +%s%N 2>/dev/null); hr_ms=',
    '  case "$hr_s$hr_e" in *[!0-9]*|"") ;; *) hr_ms=" ms=$(( (hr_e - hr_s) / 1000000 ))" ;; esac',
    `  printf '\\n${PROBE_MARKER} %s stderr@@\\n%s\\n${PROBE_MARKER} %s end exit=%s%s@@\\n' "$1" "$hr_err" "$1" "$hr_rc" "$hr_ms"`,
    '}',
    ...DISTRO_PROBE_IDS.map(
      (id) => `hr_probe ${id} ${DISTRO_PROBE_TIMEOUT_SECONDS[id]} ${shellQuote(DISTRO_PROBE_COMMANDS[id])}`,
    ),
    'exit 0',
  ];
  return `${lines.join('\n')}\n`;
}

/** The Linux command for `wsl -d DISTRO -e …`: `sh -c <the probe script>`. */
export function distroProbeBatchCommand(): string[] {
  return ['sh', '-c', buildDistroProbeScript()];
}

const MARKER =
  /(?:^|\n)@@headroom-probe ([^\s@]+) (begin|stderr|end exit=([^@\n\s]*)(?: ms=([^@\n]*))?)@@(?=\n|$)/g;

interface OpenBlock {
  readonly id: string;
  stdout: string | undefined;
  contentStart: number;
}

/**
 * Split the batch's output into one block per probe id. Text outside the blocks is ignored; a block without its end
 * marker (the probe hung and wsl.exe was killed, or the output was cut) keeps what it printed with exitCode null; a
 * repeated id keeps its first block. Unreadable when there is no begin marker at all (e.g. wsl.exe's own error).
 */
export function splitDistroProbeOutput(text: string): Parsed<Record<string, DistroProbeBlock>> {
  return parseSafely('distro-batch', text, (): Parsed<Record<string, DistroProbeBlock>> => {
    const blocks = new Map<string, DistroProbeBlock>();
    let open: OpenBlock | undefined;
    const close = (end: number, exitCode: number | null, durationMs?: number): void => {
      if (!open) return;
      const rest = text.slice(open.contentStart, end);
      const timing = durationMs === undefined ? {} : { durationMs };
      const block =
        open.stdout === undefined
          ? { stdout: rest, stderr: '', exitCode, ...timing }
          : { stdout: open.stdout, stderr: rest, exitCode, ...timing };
      if (!blocks.has(open.id)) blocks.set(open.id, block);
      open = undefined;
    };
    let sawBegin = false;
    for (const match of text.matchAll(MARKER)) {
      const [whole, id = '', kind = '', exitText, msText] = match;
      const start = match.index;
      const after = start + whole.length;
      const contentStart = text[after] === '\n' ? after + 1 : after;
      if (kind === 'begin') {
        close(start, null);
        open = { id, stdout: undefined, contentStart };
        sawBegin = true;
      } else if (open?.id !== id) {
        continue;
      } else if (kind === 'stderr') {
        if (open.stdout !== undefined) continue;
        open.stdout = text.slice(open.contentStart, start);
        open.contentStart = contentStart;
      } else {
        const exitCode = exitText !== undefined && /^-?\d{1,10}$/.test(exitText) ? Number(exitText) : null;
        const ms = msText !== undefined && /^\d{1,9}$/.test(msText) ? Number(msText) : undefined;
        close(start, exitCode, ms);
      }
    }
    close(text.length, null);
    if (!sawBegin) return unreadable('distro-batch', 'no probe marker in the output', text);
    return parsed(Object.fromEntries(blocks));
  });
}
