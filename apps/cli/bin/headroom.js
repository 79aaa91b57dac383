#!/usr/bin/env node
// The `headroom` command. In the repository (the TypeScript sources beside this file) it runs the development
// build from source with tsx: the simulated Windows, `demo` and `scenarios` included. Installed from npm (no
// sources), it runs the compiled CLI, dist/headroom.cjs, which needs neither tsx nor TypeScript.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  const { endQuietlyWhenPipeCloses } = /** @type {typeof import('../src/cli-io.ts')} */ (
    await import('../src/cli-io.ts')
  );
  endQuietlyWhenPipeCloses(process.stdout);
  const { main } = /** @type {typeof import('../src/main.ts')} */ (await import('../src/main.ts'));
  process.exitCode = await main(process.argv.slice(2));
} else {
  await import(new URL('../dist/headroom.cjs', import.meta.url).href);
}
