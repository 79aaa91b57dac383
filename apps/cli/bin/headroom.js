#!/usr/bin/env node
// The `headroom` command: registers tsx's loader, then runs the CLI from its TypeScript source.
import { register } from 'tsx/esm/api';

register();
const { main } = /** @type {typeof import('../src/main.ts')} */ (await import('../src/main.ts'));
process.exitCode = await main(process.argv.slice(2));
