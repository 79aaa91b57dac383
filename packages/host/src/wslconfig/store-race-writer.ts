/**
 * One writer of the cross-process test in store-race.test.ts, run as its own Node process:
 * `node --import tsx store-race-writer.ts <file> <historyDir> <key> <rounds>`. It says `ready`, waits for `go` on
 * stdin, then sets `<key>` to a new value `<rounds>` times through the store, each time from a fresh read (again
 * after a conflict, as the app and the CLI do). Before every write it checks that the value it saved last is still
 * in the file; another writer that lost it is a lost edit. It prints one JSON line: saved, conflicts, lost.
 */
import { checkWslConfig, setWslConfigValues } from '@headroom/core';
import { WslConfigConflictError } from './errors';
import { createWslConfigStore } from './store';

const [path = '', historyDir = '', key = '', roundsText = '0'] = process.argv.slice(2);
const rounds = Number(roundsText);
const store = createWslConfigStore({ path, historyDir, maxVersions: 1000 });
const valueFor = (round: number): string => (key === 'wsl2.processors' ? String(round) : `${round}MB`);
const readBack = (bytes: Uint8Array): string => JSON.stringify(checkWslConfig(bytes).settings[key]);

async function main(): Promise<void> {
  let saved = 0;
  let conflicts = 0;
  let lost = 0;
  let last: string | undefined;
  for (let round = 1; round <= rounds; round += 1) {
    for (;;) {
      const snapshot = await store.read();
      if (last !== undefined && readBack(snapshot.bytes) !== last) {
        lost += 1;
        last = undefined;
      }
      const edited = setWslConfigValues(snapshot.bytes, [{ key, value: valueFor(round) }]);
      try {
        await store.write(edited, { expectedHash: snapshot.hash, reason: `set ${key}` });
      } catch (error) {
        if (!(error instanceof WslConfigConflictError)) throw error;
        conflicts += 1;
        continue;
      }
      saved += 1;
      last = readBack(edited);
      break;
    }
  }
  const final = await store.read();
  if (last !== undefined && readBack(final.bytes) !== last) lost += 1;
  process.stdout.write(`${JSON.stringify({ saved, conflicts, lost })}\n`);
}

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.pause();
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
});
