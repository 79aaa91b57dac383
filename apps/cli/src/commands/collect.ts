import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import {
  readCaptureFacts,
  redactBytes,
  redactCapture,
  type CaptureFacts,
  type RedactionTargets,
} from '@headroom/core';
import {
  collectCapture,
  dataFolderLayout,
  resolveDataDir,
  writeCapture,
  type DataFolderLayout,
} from '@headroom/host';
import { parseOptions } from '../args';
import { EXIT, UsageError, type CliIo } from '../cli-io';
import { readCaptureOrExit } from './capture-input';
import { cliMachine, collectOptions, openHeadroom } from './machine';

function summary(facts: CaptureFacts): string[] {
  const lines: string[] = [];
  const distros = facts.wsl.distros?.ok ? facts.wsl.distros.value : [];
  lines.push(
    facts.wsl.installed === false
      ? 'WSL: not installed'
      : `WSL: ${distros.map((d) => `${d.name}${d.isDefault ? ' (default)' : ''} ${d.state}, WSL ${d.version}`).join('; ') || 'no distro listed'}`,
  );
  const version =
    facts.wsl.version?.ok && facts.wsl.version.value.kind === 'store'
      ? facts.wsl.version.value.versions
      : undefined;
  if (version)
    lines.push(
      `WSL version ${version.wsl}, kernel ${version.kernel}, Windows build ${version.windowsBuild ?? '?'}`,
    );
  const hostGpus = facts.hostGpu.query?.ok ? facts.hostGpu.query.value : [];
  lines.push(
    facts.hostGpu.failure
      ? `Host GPU: ${facts.hostGpu.failure.kind}`
      : `Host GPU: ${hostGpus.map((gpu) => `${gpu.name} (${gpu.memoryUsedMiB ?? '?'}/${gpu.memoryTotalMiB ?? '?'} MiB, driver ${gpu.driverVersion ?? '?'})`).join('; ') || 'none reported'}`,
  );
  if (!facts.distro) lines.push('Distro: not probed (the VM was not running; use --boot to start it)');
  else {
    const mem = facts.distro.meminfo?.ok ? facts.distro.meminfo.value : undefined;
    const nproc = facts.distro.nproc?.ok ? facts.distro.nproc.value : undefined;
    lines.push(
      `Distro: MemTotal ${mem ? `${(mem.memTotalKiB / 2 ** 20).toFixed(1)} GiB` : '?'}, ${nproc ?? '?'} processors`,
    );
    lines.push(
      `GPU in WSL: ${facts.distro.gpu.failure ? facts.distro.gpu.failure.kind : facts.distro.gpu.timedOut ? 'no answer (timed out)' : facts.distro.gpu.banner?.ok ? `driver ${facts.distro.gpu.banner.value.driverVersion ?? '?'}` : 'unreadable'}`,
    );
  }
  if (facts.wsl.bootWarnings.length > 0)
    lines.push(...facts.wsl.bootWarnings.map((warning) => `WSL warned at boot: ${warning}`));
  lines.push(
    `Events: ${facts.events.length} (${facts.events.filter((event) => event.kind === 'windows-update').length} Windows Update)`,
  );
  if (facts.notCollected.length > 0) lines.push(`Not collected: ${facts.notCollected.join(', ')}`);
  return lines;
}

/** Copy the app's log and its older file into `<out>/headroom-log/` (redacted when asked); answers how many. */
async function copyLogs(layout: DataFolderLayout, out: string, redact?: RedactionTargets): Promise<number> {
  const files = [layout.logFile, `${layout.logFile}.1`].filter((file) => existsSync(file));
  if (files.length === 0) return 0;
  await mkdir(join(out, 'headroom-log'), { recursive: true });
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    await writeFile(join(out, 'headroom-log', basename(file)), redact ? redactBytes(bytes, redact) : bytes);
  }
  return files.length;
}

/**
 * `headroom collect [--out DIR] [--simulate S] [--boot] [--redact]` writes a capture (`--redact`: without the user's
 * name, profile folder and computer name); `headroom collect --show DIR [--json]`
 * prints the facts of any capture, with nothing else needed.
 */
export async function runCollect(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    out: { type: 'string' },
    simulate: { type: 'string' },
    show: { type: 'string' },
    boot: { type: 'boolean', default: false },
    redact: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  if (values.show !== undefined) {
    const read = await readCaptureOrExit(resolve(values.show), io);
    if (typeof read === 'number') return read;
    const facts = readCaptureFacts(read);
    io.stdout.write(values.json ? `${JSON.stringify(facts, null, 2)}\n` : `${summary(facts).join('\n')}\n`);
    return EXIT.ok;
  }
  const out = resolve(values.out ?? `headroom-capture-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  // An earlier capture is evidence someone may still need: never write over it.
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new UsageError(`${out} already holds files; give --out a new or empty folder.`);
  const { machine } = await openHeadroom(cliMachine(values.simulate), io);
  io.stdout.write(`Collecting from ${machine.label}…\n`);
  const collected = await collectCapture({ ...collectOptions(machine), bootVm: values.boot });
  const redact = values.redact ? machine.identity : undefined;
  const capture = redact ? redactCapture(collected, redact) : collected;
  await writeCapture(out, capture);
  // A support capture carries the app's log (the user's data folder, even for a simulated machine): what failed
  // in the background, with what was being done.
  const logs = await copyLogs(dataFolderLayout(resolveDataDir()), out, redact);
  io.stdout.write(
    `${summary(readCaptureFacts(capture)).join('\n')}\nWrote ${capture.probes.length} probes${logs > 0 ? ` and Headroom's log` : ''} to ${out}${redact ? ', your user name, profile folder and computer name replaced with [user] and [machine]' : ''}\n`,
  );
  return EXIT.ok;
}
