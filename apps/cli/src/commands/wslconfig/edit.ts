import { decodeConfigBytes, formatUnifiedDiff, setWslConfigValues, unsetWslConfigKeys } from '@headroom/core';
import { EXIT, UsageError, type CliIo } from '../../cli-io';
import type { WslConfigTarget } from './target';

/** What `set`/`unset` should do and how to report it. */
export interface EditOptions {
  readonly dryRun: boolean;
  readonly json: boolean;
}

const APPLY_HINT =
  'WSL reads .wslconfig only when its VM starts: run `wsl --shutdown`, wait for it, then start your distro again.';

/** Split `key=value` arguments, refusing anything else with a message that shows the form. */
export function parseAssignments(args: readonly string[]): { key: string; value: string }[] {
  if (args.length === 0) throw new UsageError('Give at least one key=value, e.g. wsl2.memory=16GB.');
  return args.map((arg) => {
    const at = arg.indexOf('=');
    if (at <= 0) throw new UsageError(`"${arg}" is not key=value; write it like wsl2.memory=16GB.`);
    return { key: arg.slice(0, at).trim(), value: arg.slice(at + 1) };
  });
}

async function applyEdit(
  target: WslConfigTarget,
  reason: string,
  change: (bytes: Uint8Array) => Uint8Array,
  options: EditOptions,
  io: CliIo,
): Promise<number> {
  const snapshot = await target.store.read();
  const edited = change(snapshot.bytes);
  const before = decodeConfigBytes(snapshot.bytes).text;
  const after = decodeConfigBytes(edited).text;
  const diff = formatUnifiedDiff(
    target.label,
    `${target.label} (${options.dryRun ? 'would be' : 'new'})`,
    before,
    after,
  );
  const unchanged = Buffer.compare(Buffer.from(edited), Buffer.from(snapshot.bytes)) === 0;
  if (options.json) {
    if (!options.dryRun && !unchanged)
      await target.store.write(edited, { expectedHash: snapshot.hash, reason });
    io.stdout.write(
      `${JSON.stringify({ changed: !unchanged, written: !options.dryRun && !unchanged, diff }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  if (unchanged) {
    io.stdout.write(`${target.label} already says that; nothing to change.\n`);
    return EXIT.ok;
  }
  if (options.dryRun) {
    io.stdout.write(`${diff}Dry run: nothing was written.\n`);
    return EXIT.ok;
  }
  // Written before the diff is shown: a refused write (read-only, no such folder) prints only why.
  await target.store.write(edited, { expectedHash: snapshot.hash, reason });
  io.stdout.write(
    `${diff}Saved ${target.label} (the previous version is in \`headroom wslconfig history\`).\n${APPLY_HINT}\n`,
  );
  return EXIT.ok;
}

/** `headroom wslconfig set key=value ...`: change values in place, add missing keys, keep every other byte. */
export function runSet(
  target: WslConfigTarget,
  args: readonly string[],
  options: EditOptions,
  io: CliIo,
): Promise<number> {
  const assignments = parseAssignments(args);
  const reason = `set ${assignments.map(({ key, value }) => `${key}=${value}`).join(' ')}`;
  return applyEdit(target, reason, (bytes) => setWslConfigValues(bytes, assignments), options, io);
}

/** `headroom wslconfig unset key ...`: remove every line that sets the keys. */
export function runUnset(
  target: WslConfigTarget,
  keys: readonly string[],
  options: EditOptions,
  io: CliIo,
): Promise<number> {
  if (keys.length === 0) throw new UsageError('Give at least one key to remove, e.g. wsl2.memory.');
  return applyEdit(
    target,
    `unset ${keys.join(' ')}`,
    (bytes) => unsetWslConfigKeys(bytes, keys),
    options,
    io,
  );
}
