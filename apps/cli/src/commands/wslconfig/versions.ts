import { decodeConfigBytes, formatUnifiedDiff } from '@headroom/core';
import { EXIT, UsageError, type CliIo } from '../../cli-io';
import type { WslConfigTarget } from './target';

/** `headroom wslconfig history`: the saved versions, newest first. */
export async function runHistory(
  target: WslConfigTarget,
  options: { json: boolean },
  io: CliIo,
): Promise<number> {
  const entries = await target.store.history();
  if (options.json) {
    io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return EXIT.ok;
  }
  if (entries.length === 0) {
    io.stdout.write(
      `No saved versions of ${target.label} yet: Headroom saves one before and after every change it makes.\n`,
    );
    return EXIT.ok;
  }
  io.stdout.write(`Versions of ${target.label}, newest first:\n`);
  for (const entry of entries)
    io.stdout.write(
      `  ${entry.id}  ${entry.savedAt}  ${String(entry.size).padStart(6)} bytes  ${entry.reason}\n`,
    );
  io.stdout.write(
    'Compare with `headroom wslconfig diff ID [ID]`, bring one back with `headroom wslconfig restore ID`.\n',
  );
  return EXIT.ok;
}

async function versionText(target: WslConfigTarget, id: string): Promise<string> {
  if (id === 'current') return decodeConfigBytes((await target.store.read()).bytes).text;
  return decodeConfigBytes(await target.store.readVersion(id)).text;
}

/**
 * `headroom wslconfig diff [A] [B]`: two versions (or `current`). With one id, that version against the file now;
 * with none, the newest saved version against the file now, which shows edits made outside Headroom.
 */
export async function runDiff(
  target: WslConfigTarget,
  ids: readonly string[],
  options: { json: boolean },
  io: CliIo,
): Promise<number> {
  if (ids.length > 2) throw new UsageError('Give at most two versions to compare.');
  const [given, to = 'current'] = ids;
  const from = given ?? (await target.store.history())[0]?.id;
  if (from === undefined) {
    io.stdout.write(
      options.json
        ? `${JSON.stringify({ from: null, to, same: true, diff: '' }, null, 2)}\n`
        : `No saved versions of ${target.label} to compare with yet.\n`,
    );
    return EXIT.ok;
  }
  const diff = formatUnifiedDiff(from, to, await versionText(target, from), await versionText(target, to));
  if (options.json) io.stdout.write(`${JSON.stringify({ from, to, same: diff === '', diff }, null, 2)}\n`);
  else io.stdout.write(diff === '' ? `${from} and ${to} are the same.\n` : diff);
  return EXIT.ok;
}

/**
 * `headroom wslconfig restore ID`: write a saved version back (itself saved in the history). A file that already
 * holds that version is left as it is.
 */
export async function runRestore(
  target: WslConfigTarget,
  ids: readonly string[],
  options: { dryRun: boolean; json: boolean },
  io: CliIo,
): Promise<number> {
  const [id] = ids;
  if (id === undefined || ids.length > 1)
    throw new UsageError('Give one version id to restore (see `headroom wslconfig history`).');
  const current = await target.store.read();
  const version = await target.store.readVersion(id);
  const diff = formatUnifiedDiff(
    'current',
    id,
    decodeConfigBytes(current.bytes).text,
    decodeConfigBytes(version).text,
  );
  const changed = Buffer.compare(Buffer.from(version), Buffer.from(current.bytes)) !== 0;
  const write = changed && !options.dryRun;
  // Written before anything is printed: a refused write (read-only, locked) prints only why.
  if (write) await target.store.restore(id, { expectedHash: current.hash });
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ changed, written: write, diff }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (!changed) {
    io.stdout.write(`${target.label} already holds ${id}; nothing to restore.\n`);
    return EXIT.ok;
  }
  io.stdout.write(diff);
  io.stdout.write(
    options.dryRun
      ? 'Dry run: nothing was written.\n'
      : `Restored ${id} to ${target.label}. WSL reads it at the next start of its VM (\`wsl --shutdown\`).\n`,
  );
  return EXIT.ok;
}
