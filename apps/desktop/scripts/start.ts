import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildRenderer, desktopDir } from '../index';
import { bundleMain, bundlePreload } from './bundle';
import { findElectronBinary } from './electron-binary';

/**
 * `npm start`: build the app and run it. With Electron's binary present that is the desktop app (against the real
 * Windows on Windows, the simulated one elsewhere); without it, the browser demo against the simulated Windows,
 * with the reason said in one line. Arguments after `--` go to the demo (e.g. `--scenario healthy`).
 */
function run(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('exit', (code) => resolve(code ?? 0));
    child.once('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

const electron = findElectronBinary();
await buildRenderer({ quiet: true });
if ('path' in electron) {
  await Promise.all([bundleMain({ mode: 'development' }), bundlePreload()]);
  process.exitCode = await run(electron.path, [desktopDir]);
} else {
  console.log(`${electron.reason}, so Headroom starts as a browser demo against the simulated Windows.`);
  const headroom = join(desktopDir, '..', 'cli', 'bin', 'headroom.js');
  process.exitCode = await run(process.execPath, [headroom, 'demo', ...process.argv.slice(2)]);
}
