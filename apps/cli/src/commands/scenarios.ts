import { SCENARIOS } from '@headroom/simulator';
import { parseOptions } from '../args';
import { EXIT, type CliIo } from '../cli-io';

/** `headroom scenarios [--json]`: the simulated machines, one per line with what each acts out. */
export function runScenarios(args: readonly string[], io: CliIo): number {
  const { values } = parseOptions(args, { json: { type: 'boolean', default: false } });
  const scenarios = Object.values(SCENARIOS).map(({ name, summary }) => ({ name, summary }));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(scenarios, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...scenarios.map((s) => s.name.length)) + 2;
  io.stdout.write(scenarios.map((s) => `${s.name.padEnd(width)}${s.summary}\n`).join(''));
  return EXIT.ok;
}
