import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir, hostname, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import { redactBytes, redactCapture, type Capture, type RedactionTargets } from '@headroom/core';
import { captureFolderFiles } from './capture-folder';

/** What goes into a support bundle, and where it is written. */
export interface SupportBundleOptions {
  readonly capture: Capture;
  /** Headroom's log files (`logs/headroom.log` and its older `.1`); missing ones are left out. */
  readonly logFiles: readonly string[];
  /** Who the bundle must not name; absent: nothing is redacted (the user turned it off). */
  readonly redact?: RedactionTargets;
  /** The folder the .zip is written to (made when missing). */
  readonly dir: string;
  /** Names the file: `headroom-support-2026-12-06T00-40-05.zip`. */
  readonly now: Date;
}

/** A written support bundle. */
export interface SupportBundle {
  readonly path: string;
  readonly bytes: number;
  readonly redacted: boolean;
  /** The names inside the zip: the capture's files at the top, the log under `logs/`. */
  readonly entries: readonly string[];
}

/**
 * The user, profile folder and computer of this process, for redaction: USERNAME, USERPROFILE and COMPUTERNAME as
 * Windows sets them, else what Node reads from the operating system.
 */
export function currentUserIdentity(env: NodeJS.ProcessEnv = process.env): RedactionTargets {
  let user: string | undefined;
  try {
    user = userInfo().username;
  } catch {
    // userInfo throws for a uid without a passwd entry (some containers); the environment then has to do.
    user = undefined;
  }
  const userName = env.USERNAME ?? env.USER ?? user;
  return {
    ...(userName === undefined ? {} : { userName }),
    home: env.USERPROFILE ?? homedir(),
    machineName: env.COMPUTERNAME ?? hostname(),
  };
}

/**
 * Zip a capture (redacted unless told not to) and Headroom's log into one file a user can attach to a report: the
 * capture's files at the top, as `headroom doctor --from-capture` reads them once unzipped, and the log under
 * `logs/`, redacted the same way. Written under a temporary name and renamed, so a half-written zip is never seen.
 */
export async function writeSupportBundle(options: SupportBundleOptions): Promise<SupportBundle> {
  const { redact } = options;
  const capture = redact ? redactCapture(options.capture, redact) : options.capture;
  const files: Record<string, Uint8Array> = Object.fromEntries(captureFolderFiles(capture));
  for (const file of options.logFiles) {
    if (!existsSync(file)) continue;
    const bytes = new Uint8Array(await readFile(file));
    files[`logs/${basename(file)}`] = redact ? redactBytes(bytes, redact) : bytes;
  }
  const zip = zipSync(files, { level: 6, mtime: options.now });
  await mkdir(options.dir, { recursive: true });
  const stamp = options.now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/:/g, '-');
  const path = join(options.dir, `headroom-support-${stamp}.zip`);
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, zip);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path, bytes: zip.length, redacted: redact !== undefined, entries: Object.keys(files) };
}
