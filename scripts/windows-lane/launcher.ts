/**
 * The main script of the lane's Windows launcher executable (a Node single-executable application, built by
 * build.ts). Copied as `wsl.exe` or `nvidia-smi.exe`, it runs `<its name>.launch.cjs` from its own folder in its
 * own process, so the fake program is one real PE process: what Windows' process APIs, `CommandLineToArgvW` and
 * `taskkill` see is exactly what a real wsl.exe would be. With HEADROOM_LANE_ARGV_LOG set, it first appends the
 * arguments it received (as JSON, one line) to that file.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';

const exe = process.execPath;
const name = basename(exe, extname(exe));
const argvLog = process.env.HEADROOM_LANE_ARGV_LOG;
if (argvLog) appendFileSync(argvLog, `${JSON.stringify({ program: name, argv: process.argv.slice(2) })}\n`);
createRequire(exe)(join(dirname(exe), `${name}.launch.cjs`));
