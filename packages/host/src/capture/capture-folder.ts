import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CAPTURE_FORMAT, type Capture, type CaptureHost, type ProbeRecord } from '@headroom/core';

/** A capture folder that cannot be read; the message says what is wrong with it. */
export class CaptureFormatError extends Error {
  constructor(
    readonly dir: string,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureFormatError';
  }
}

interface ProbeEntry {
  readonly id: string;
  readonly argv: readonly string[];
  readonly exitCode: number | null;
  readonly durationMs: number;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: ProbeRecord['error'];
}

interface CaptureJson {
  readonly format: string;
  readonly createdAt: string;
  readonly host: CaptureHost;
  readonly probes: readonly ProbeEntry[];
  readonly files: { readonly wslconfig?: string };
}

/** A probe id made safe as a file name (ids are already kebab-case; this only guards hand-written captures). */
function fileStem(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * Write a capture folder exactly as docs/architecture.md "Capture format" lays it out: capture.json, `<id>.stdout` /
 * `<id>.stderr` with the raw bytes, and `wslconfig` when there is one.
 */
export async function writeCapture(dir: string, capture: Capture): Promise<void> {
  await mkdir(dir, { recursive: true });
  const probes: ProbeEntry[] = [];
  for (const probe of capture.probes) {
    const stem = fileStem(probe.id);
    await writeFile(join(dir, `${stem}.stdout`), probe.stdout);
    await writeFile(join(dir, `${stem}.stderr`), probe.stderr);
    probes.push({
      id: probe.id,
      argv: probe.argv,
      exitCode: probe.exitCode,
      durationMs: Math.round(probe.durationMs),
      timedOut: probe.timedOut,
      stdout: `${stem}.stdout`,
      stderr: `${stem}.stderr`,
      ...(probe.error ? { error: probe.error } : {}),
    });
  }
  if (capture.wslconfig) await writeFile(join(dir, 'wslconfig'), capture.wslconfig);
  const json: CaptureJson = {
    format: CAPTURE_FORMAT,
    createdAt: capture.createdAt,
    host: capture.host,
    probes,
    files: capture.wslconfig ? { wslconfig: 'wslconfig' } : {},
  };
  await writeFile(join(dir, 'capture.json'), `${JSON.stringify(json, null, 2)}\n`);
}

async function readOptional(dir: string, name: string | undefined): Promise<Uint8Array | undefined> {
  if (name === undefined) return undefined;
  if (name.includes('/') || name.includes('\\') || name.includes('..')) {
    throw new CaptureFormatError(
      dir,
      `capture.json names "${name}", which is not a file of the capture folder.`,
    );
  }
  try {
    return new Uint8Array(await readFile(join(dir, name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A probe entry as a hand-written capture.json may have it: anything can be missing or of the wrong type. */
type LooseProbeEntry = { readonly [K in keyof ProbeEntry]?: unknown };

function isProbeEntry(
  value: unknown,
): value is LooseProbeEntry & { readonly id: string; readonly argv: string[] } {
  const entry = value as LooseProbeEntry | null;
  return (
    typeof entry === 'object' && entry !== null && typeof entry.id === 'string' && Array.isArray(entry.argv)
  );
}

const PROBE_ERRORS = ['not-found', 'spawn-failed', 'output-limit'] as const;

function isProbeError(value: unknown): value is (typeof PROBE_ERRORS)[number] {
  return (PROBE_ERRORS as readonly unknown[]).includes(value);
}

/**
 * Read a capture folder back, hand-written ones included: a probe without an output file reads as empty output, a
 * missing exit code as null; a folder that is not a capture says so.
 */
export async function readCapture(dir: string): Promise<Capture> {
  let json: Partial<CaptureJson>;
  try {
    json = JSON.parse(await readFile(join(dir, 'capture.json'), 'utf8')) as Partial<CaptureJson>;
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'has no capture.json'
        : 'has a capture.json that is not JSON';
    throw new CaptureFormatError(
      dir,
      `${dir} ${why}: it is not a Headroom capture (see \`headroom collect --out DIR\`).`,
    );
  }
  if (json.format !== CAPTURE_FORMAT) {
    throw new CaptureFormatError(
      dir,
      `${dir}/capture.json is "${String(json.format)}", not ${CAPTURE_FORMAT}.`,
    );
  }
  const probes: ProbeRecord[] = [];
  for (const entry of Array.isArray(json.probes) ? json.probes : []) {
    if (!isProbeEntry(entry))
      throw new CaptureFormatError(dir, `${dir}/capture.json has a probe without an id and argv.`);
    probes.push({
      id: entry.id,
      argv: entry.argv,
      exitCode: typeof entry.exitCode === 'number' ? entry.exitCode : null,
      durationMs: typeof entry.durationMs === 'number' ? entry.durationMs : 0,
      timedOut: entry.timedOut === true,
      stdout:
        (typeof entry.stdout === 'string' ? await readOptional(dir, entry.stdout) : undefined) ??
        new Uint8Array(),
      stderr:
        (typeof entry.stderr === 'string' ? await readOptional(dir, entry.stderr) : undefined) ??
        new Uint8Array(),
      ...(isProbeError(entry.error) ? { error: entry.error } : {}),
    });
  }
  const wslconfig = await readOptional(dir, json.files?.wslconfig);
  return {
    format: CAPTURE_FORMAT,
    createdAt: typeof json.createdAt === 'string' ? json.createdAt : new Date(0).toISOString(),
    host: json.host ?? {},
    probes,
    ...(wslconfig ? { wslconfig } : {}),
  };
}
