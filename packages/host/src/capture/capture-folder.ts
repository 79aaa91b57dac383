import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
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
 * The files of a capture folder exactly as docs/architecture.md "Capture format" lays it out, by name: capture.json,
 * `<id>.stdout` / `<id>.stderr` with the raw bytes, and `wslconfig` when there is one. A folder and a support
 * bundle's zip hold the same files.
 */
export function captureFolderFiles(capture: Capture): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const probes: ProbeEntry[] = [];
  for (const probe of capture.probes) {
    const stem = fileStem(probe.id);
    files.set(`${stem}.stdout`, probe.stdout);
    files.set(`${stem}.stderr`, probe.stderr);
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
  if (capture.wslconfig) files.set('wslconfig', capture.wslconfig);
  const json: CaptureJson = {
    format: CAPTURE_FORMAT,
    createdAt: capture.createdAt,
    host: capture.host,
    probes,
    files: capture.wslconfig ? { wslconfig: 'wslconfig' } : {},
  };
  files.set('capture.json', new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`));
  return files;
}

/** Write a capture folder ({@link captureFolderFiles}). */
export async function writeCapture(dir: string, capture: Capture): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of captureFolderFiles(capture)) await writeFile(join(dir, name), bytes);
}

/** How a capture.json must look; lenient where docs/architecture.md "Capture format" says reading is lenient. */
const fileName = z
  .string()
  .min(1)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', {
    message: 'not a file of the capture folder (no folders, no "..")',
  });
const count = z.number().int().nonnegative();
const probeEntrySchema = z.object({
  id: z.string().min(1),
  argv: z.array(z.string()),
  exitCode: z.number().int().nullable().optional(),
  durationMs: z.number().nonnegative().optional(),
  timedOut: z.boolean().optional(),
  stdout: fileName.optional(),
  stderr: fileName.optional(),
  error: z.enum(['not-found', 'spawn-failed', 'output-limit']).optional(),
});
const captureJsonSchema = z.object({
  format: z.literal(CAPTURE_FORMAT),
  createdAt: z.string().optional(),
  host: z
    .object({
      totalMemoryBytes: count.optional(),
      logicalProcessors: count.optional(),
      windowsBuild: count.optional(),
      userProfile: z.string().optional(),
    })
    .optional(),
  probes: z.array(probeEntrySchema),
  files: z.object({ wslconfig: fileName.optional() }).optional(),
});

/** The first schema problem as one sentence naming the field, e.g. `probes[2].argv: expected array, received string`. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the capture format';
  const field = issue.path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return `${field === '' ? 'the document' : `"${field}"`} is wrong: ${issue.message}`;
}

async function readOptional(dir: string, name: string | undefined): Promise<Uint8Array | undefined> {
  if (name === undefined) return undefined;
  const path = join(dir, name);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new CaptureFormatError(
      dir,
      code === 'EISDIR'
        ? `capture.json names "${name}", which is a folder, not a file (${path}).`
        : `Could not read ${path}: ${code ?? (error as Error).message}.`,
    );
  }
}

/**
 * Read a capture folder back, hand-written ones included: a probe without an output file reads as empty output, a
 * missing exit code as null. A folder that is not a capture, or whose capture.json does not match the format, throws
 * a CaptureFormatError naming the field that is wrong.
 */
export async function readCapture(dir: string): Promise<Capture> {
  const jsonPath = join(dir, 'capture.json');
  let text: string;
  try {
    text = await readFile(jsonPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'has no capture.json'
        : code === 'EISDIR'
          ? 'has a folder named capture.json'
          : code === 'ENOTDIR'
            ? 'is a file, not a folder'
            : `has a capture.json that cannot be read (${code ?? (error as Error).message})`;
    throw new CaptureFormatError(
      dir,
      `${dir} ${why}: it is not a Headroom capture (see \`headroom collect --out DIR\`).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    throw new CaptureFormatError(
      dir,
      `${dir} has a capture.json that is not JSON: it is not a Headroom capture (see \`headroom collect --out DIR\`).`,
    );
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format !== CAPTURE_FORMAT) {
    throw new CaptureFormatError(dir, `${jsonPath} is "${format}", not ${CAPTURE_FORMAT}.`);
  }
  const parsed = captureJsonSchema.safeParse(raw);
  if (!parsed.success) throw new CaptureFormatError(dir, `${jsonPath}: ${describeIssue(parsed.error)}.`);
  const json = parsed.data;
  const probes: ProbeRecord[] = [];
  for (const entry of json.probes) {
    probes.push({
      id: entry.id,
      argv: entry.argv,
      exitCode: entry.exitCode ?? null,
      durationMs: entry.durationMs ?? 0,
      timedOut: entry.timedOut === true,
      stdout: (await readOptional(dir, entry.stdout)) ?? new Uint8Array(),
      stderr: (await readOptional(dir, entry.stderr)) ?? new Uint8Array(),
      ...(entry.error ? { error: entry.error } : {}),
    });
  }
  const wslconfig = await readOptional(dir, json.files?.wslconfig);
  // zod leaves absent keys out, so nothing here is an explicit undefined.
  const host = (json.host ?? {}) as CaptureHost;
  return {
    format: CAPTURE_FORMAT,
    createdAt: json.createdAt ?? new Date(0).toISOString(),
    host,
    probes,
    ...(wslconfig ? { wslconfig } : {}),
  };
}
