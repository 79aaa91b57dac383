import { parseMeminfo, type Meminfo } from '../distro/meminfo';

/** Marks Headroom's in-distro sampler script, so the simulator (and a reader of `ps`) can tell it apart. */
export const SAMPLER_MARKER = '@@headroom-sampler';

/** How often the sampler times nvidia-smi inside the distro, and how long it lets it run. */
export const SAMPLER_LATENCY_EVERY_SECONDS = 30;
/** The hard timeout of one timed nvidia-smi inside the distro. */
export const SAMPLER_LATENCY_TIMEOUT_SECONDS = 10;

/**
 * The shell function that says whether anything but Headroom's reader keeps the distro in use: a process outside the
 * reader's own session whose parent is one of WSL's `init` relays, i.e. something a `wsl.exe` (a terminal, VS Code,
 * a `wsl -e` command) started. Services that systemd keeps do not count, as they do not keep WSL from stopping an
 * idle distro either. `$P` is /proc (a test points it at a fake tree).
 */
export const SAMPLER_IDLE_CHECK = [
  'others() {',
  '  for s in "$P"/[0-9]*/stat; do',
  '    read -r pid comm state ppid pgrp sid rest < "$s" 2>/dev/null || continue',
  '    [ "$sid" = "$me" ] && continue',
  '    [ "$comm" = "(init)" ] && continue',
  '    parent=""',
  '    read -r parent < "$P/$ppid/comm" 2>/dev/null',
  '    [ "$parent" = "init" ] && return 0',
  '  done',
  '  return 1',
  '}',
].join('\n');

/**
 * The lines that tie the reader to Headroom's life: Headroom holds the reader's stdin open and never writes to it, so
 * stdin ends only when Headroom (or the wsl.exe between them) is gone, however it ended (a crash, Task Manager, an
 * installer's kill). A background loop reads the pipe (moved to fd 3; the reader's own commands get /dev/null) and
 * ends the reader at its end of file. Windows ends wsl.exe with Headroom (libuv's kill-on-close job), but not what
 * runs inside the distro; this does.
 */
export const SAMPLER_STDIN_WATCH = [
  'exec 3<&0 0</dev/null',
  '( while read -r _ <&3; do :; done; kill $$ ) >/dev/null 2>&1 &',
  'w=$!',
  "trap 'kill $w 2>/dev/null' EXIT",
].join('\n');

/**
 * The long-lived reader run with `wsl.exe -d DISTRO -e sh -c SCRIPT` while a distro already runs: /proc/meminfo once a
 * second and a timed nvidia-smi every 30 s (hard 10 s timeout), so steady sampling starts no Windows process. Every
 * 5 s it runs {@link SAMPLER_IDLE_CHECK}; when nothing else uses the distro it says so and exits, so WSL can stop the
 * idle distro (and the VM) exactly as it would without Headroom. It also leaves when its stdin ends
 * ({@link SAMPLER_STDIN_WATCH}): start it with a stdin pipe that stays open while Headroom wants readings.
 */
export function distroSamplerScript(): string {
  return [
    `# ${SAMPLER_MARKER}`,
    SAMPLER_STDIN_WATCH,
    'P=/proc',
    "me=$(cut -d' ' -f6 /proc/$$/stat)",
    SAMPLER_IDLE_CHECK,
    'n=0',
    'while :; do',
    `  echo "${SAMPLER_MARKER} meminfo@@"`,
    '  cat /proc/meminfo',
    `  echo "${SAMPLER_MARKER} end@@"`,
    `  if [ $((n % ${SAMPLER_LATENCY_EVERY_SECONDS})) -eq 0 ]; then`,
    '    s=$(date +%s%N)',
    `    timeout ${SAMPLER_LATENCY_TIMEOUT_SECONDS} /usr/lib/wsl/lib/nvidia-smi -L >/dev/null 2>&1`,
    '    rc=$?',
    '    e=$(date +%s%N)',
    `    echo "${SAMPLER_MARKER} smi ms=$(( (e - s) / 1000000 )) exit=$rc@@"`,
    '  fi',
    `  if [ $((n % 5)) -eq 4 ] && ! others; then echo "${SAMPLER_MARKER} idle@@"; exit 0; fi`,
    '  n=$((n + 1))',
    '  sleep 1',
    'done',
  ].join('\n');
}

/** The argv after `wsl.exe -d DISTRO`: run the sampler script in sh. */
export function distroSamplerCommand(): string[] {
  return ['-e', 'sh', '-c', distroSamplerScript()];
}

/** What the sampler printed: a /proc/meminfo reading, a timed nvidia-smi, or that the distro went idle. */
export type DistroSample =
  | { readonly kind: 'meminfo'; readonly meminfo: Meminfo }
  | { readonly kind: 'latency'; readonly ms: number; readonly exitCode: number }
  | { readonly kind: 'idle' };

/** An incremental reader of the sampler's output: feed chunks as they arrive, get the samples they complete. */
export interface DistroSampleParser {
  push(chunk: string): DistroSample[];
  /** The end of the stream: the meminfo block still open, when it parses. */
  flush(): DistroSample[];
}

const LINE_LIMIT = 16 * 1024;
const SMI = new RegExp(`^${SAMPLER_MARKER} smi ms=(\\d+) exit=(\\d+)@@$`);

/**
 * Read the sampler's stream line by line (partial lines wait for their end). A meminfo block ends at its end marker
 * (or the next marker); a block that does not parse (cut off, or an error) is dropped rather than reported as zeros.
 */
export function createDistroSampleParser(): DistroSampleParser {
  let buffer = '';
  let block: string[] | undefined;

  const closeBlock = (): DistroSample[] => {
    if (!block) return [];
    const parsed = parseMeminfo(block.join('\n'));
    block = undefined;
    return parsed.ok ? [{ kind: 'meminfo', meminfo: parsed.value }] : [];
  };

  const line = (text: string): DistroSample[] => {
    const trimmed = text.replace(/\r$/, '');
    if (trimmed === `${SAMPLER_MARKER} meminfo@@`) {
      const done = closeBlock();
      block = [];
      return done;
    }
    const smi = SMI.exec(trimmed);
    if (smi) return [...closeBlock(), { kind: 'latency', ms: Number(smi[1]), exitCode: Number(smi[2]) }];
    if (trimmed === `${SAMPLER_MARKER} end@@`) return closeBlock();
    if (trimmed === `${SAMPLER_MARKER} idle@@`) return [...closeBlock(), { kind: 'idle' }];
    block?.push(trimmed);
    return [];
  };

  return {
    push(chunk) {
      buffer += chunk;
      const out: DistroSample[] = [];
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        out.push(...line(buffer.slice(0, newline)));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      if (buffer.length > LINE_LIMIT) buffer = '';
      return out;
    },
    flush() {
      const rest = buffer === '' ? [] : line(buffer);
      buffer = '';
      return [...rest, ...closeBlock()];
    },
  };
}
