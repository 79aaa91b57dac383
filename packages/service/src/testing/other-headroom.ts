import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const holderScript = fileURLToPath(new URL('./turn-holder.ts', import.meta.url));

/** Another Headroom process (turn-holder.ts) holding WSL's turn, and how to hear what it says. */
export interface OtherHeadroom {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves once it has said `word` on a line of its own; rejects if it ends first. */
  said(word: string): Promise<void>;
}

/**
 * Start another Headroom process holding a turn on the shared lock at `lockPath`, resolved once it holds it. It lets
 * go when a line arrives on its stdin (`child.stdin.end('go\n')`), or when it is killed.
 */
export async function otherHeadroomHolding(lockPath: string): Promise<OtherHeadroom> {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, lockPath], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const said = (word: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const look = (): void => {
        if (stdout.split('\n').includes(word)) resolve();
      };
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        look();
      });
      child.once('exit', (code) =>
        reject(new Error(`the holder ended (${String(code)}) before "${word}": ${stderr}`)),
      );
      look();
    });
  await said('held');
  return { child, said };
}
