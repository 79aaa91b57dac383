/**
 * The shipped `headroom` (esbuild bundles this into apps/cli/dist/headroom.cjs): the command line without the
 * simulated Windows, run by the installer's `headroom.cmd` with the app's own runtime, or by Node from npm.
 */
import { endQuietlyWhenPipeCloses } from './cli-io';
import { runHeadroom } from './run';

endQuietlyWhenPipeCloses(process.stdout);
void runHeadroom(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
