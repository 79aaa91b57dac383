/**
 * @headroom/cli — the `headroom` command. `main(argv)` runs it and resolves with the exit code; the commands'
 * pieces are exported for tests and for other entry points.
 */
export { EXIT, UsageError, type CliIo } from './cli-io';
export { parseDemoArgs, runDemo, startDemo, type DemoOptions, type RunningDemo } from './commands/demo';
export { HELP_TEXT } from './commands/help';
export { runScenarios } from './commands/scenarios';
export { runWslconfig, WSLCONFIG_HELP } from './commands/wslconfig';
export { checkJson } from './commands/wslconfig/check';
export { main } from './main';
