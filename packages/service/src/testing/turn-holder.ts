/**
 * The other Headroom process of the cross-process test in wsl-turns.test.ts, run as its own Node process:
 * `node --import tsx turn-holder.ts <lockPath>`. It takes a turn on the shared lock, says `held`, keeps the turn until
 * a line arrives on stdin, then says `released` and ends.
 */
import { createWslTurns } from '../wsl-turns';

const [lockPath = ''] = process.argv.slice(2);
const turns = createWslTurns({ lockPath });

turns
  .take('a child turn', async () => {
    process.stdout.write('held\n');
    await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    process.stdin.pause();
  })
  .then(
    () => process.stdout.write('released\n'),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
