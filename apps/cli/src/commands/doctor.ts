import { resolve } from 'node:path';
import {
  diagnose,
  HEALTH_WORDS,
  findPreset,
  presetIds,
  readCaptureFacts,
  STANDARD_RULES,
  targetNeed,
  type DoctorReport,
  type Finding,
  type TargetModel,
} from '@headroom/core';
import { collectCapture } from '@headroom/host';
import type { GoalTarget, Machine } from '@headroom/service';
import { BOUNDS, optionalNumber, parseOptions } from '../args';
import { EXIT, terminalSafe, UsageError, type CliIo } from '../cli-io';
import { readCaptureOrExit } from './capture-input';

const COLOURS = {
  red: '\x1b[31m',
  amber: '\x1b[33m',
  green: '\x1b[32m',
  grey: '\x1b[90m',
  bold: '\x1b[1m',
  reset: '\x1b[0m',
} as const;
const SEVERITY_COLOUR = { error: 'red', warning: 'amber', info: 'grey' } as const;
const SEVERITY_TITLE = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;
const SEVERITY_MARK = { error: '✖', warning: '▲', info: 'i' } as const;

/** Print a report for a person, grouped by severity: the finding, its evidence, the fix, and where the rule comes from. */
export function formatReport(report: DoctorReport, label: string, colour: boolean): string {
  const paint = (name: keyof typeof COLOURS, text: string): string =>
    colour ? `${COLOURS[name]}${text}${COLOURS.reset}` : text;
  const lines = [
    `Headroom doctor — ${label}`,
    `${paint(report.health === 'amber' ? 'amber' : report.health, '●')} ${paint('bold', `${HEALTH_WORDS[report.health]}${report.health === 'grey' ? ' (normal)' : ''}`)}`,
  ];
  if (report.findings.length === 0 && report.notRead.length === 0)
    lines.push('', 'Everything Headroom checks is fine.');
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', paint('bold', SEVERITY_TITLE[severity]));
    for (const finding of group) lines.push(...formatFinding(finding, paint, SEVERITY_COLOUR[severity]));
  }
  if (report.notChecked.length > 0)
    lines.push('', `Not checked (not collected): ${report.notChecked.join(', ')}`);
  if (report.notRead.length > 0) {
    lines.push('', paint('bold', 'Could not check (output not readable)'));
    for (const item of report.notRead) lines.push(`  ${paint('amber', '?')} ${item.probe}: ${item.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatFinding(
  finding: Finding,
  paint: (name: keyof typeof COLOURS, text: string) => string,
  colour: keyof typeof COLOURS,
): string[] {
  const fix =
    finding.fix.kind === 'steps'
      ? [`    Fix: ${finding.fix.label}`, ...finding.fix.steps.map((step) => `      - ${step}`)]
      : [`    Fix: ${finding.fix.label}`];
  return [
    `  ${paint(colour, SEVERITY_MARK[finding.severity])} ${finding.title}  ${paint('grey', `[${finding.id}]`)}`,
    `    ${finding.explanation}`,
    ...finding.evidence.map(
      (item) =>
        `    Evidence (${item.probe}${item.line === undefined ? '' : `, line ${item.line}`}): ${terminalSafe(item.excerpt)}`,
    ),
    ...fix,
    `    Why? ${finding.source}`,
  ];
}

/**
 * `headroom doctor [--simulate S | --from-capture DIR] [--json] [--start] [--model NAME --ctx N]`: collect (or read
 * a capture), diagnose, print, and exit with the code of docs/architecture.md "Doctor exit codes". It never starts a
 * stopped VM unless --start is given.
 */
export async function runDoctor(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, {
    simulate: { type: 'string' },
    'from-capture': { type: 'string' },
    json: { type: 'boolean', default: false },
    boot: { type: 'boolean', default: false },
    // --start is the name of 0.1; --boot is the one name every command uses for "start the VM".
    start: { type: 'boolean', default: false },
    model: { type: 'string' },
    quant: { type: 'string' },
    ctx: { type: 'string' },
  });
  const boot = values.boot || values.start;
  if (values.simulate !== undefined && values['from-capture'] !== undefined) {
    throw new UsageError('Give either --simulate or --from-capture, not both.');
  }
  if (values.model !== undefined && !findPreset(values.model)) {
    throw new UsageError(
      `There is no model preset "${values.model}". Presets: ${presetIds()
        .filter((id) => id !== 'custom')
        .join(', ')}.`,
    );
  }
  const contextLength = optionalNumber('ctx', values.ctx, BOUNDS.tokens);

  let label: string;
  let capture;
  let misplaced: Awaited<ReturnType<Machine['misplaced']>> = [];
  let savedTarget: TargetModel | undefined;
  let savedGoal: GoalTarget | undefined;
  if (values['from-capture'] !== undefined) {
    const dir = resolve(values['from-capture']);
    const read = await readCaptureOrExit(dir, io);
    if (typeof read === 'number') return read;
    capture = read;
    label = `the capture in ${dir}`;
  } else {
    // Imported here: reading a capture needs none of the service, and the compiled CLI then never evaluates it.
    const { cliMachine, collectOptions, openHeadroom } = await import('./machine');
    const target = cliMachine(values.simulate);
    const { machine, goal } = await openHeadroom(target, io);
    if (boot && !values.json)
      io.stdout.write('Starting WSL if it is stopped, for the checks inside the distro (--boot).\n');
    // The verbose list's states stand in for `wsl --list --running`: the doctor starts at most 4 wsl.exe processes.
    capture = await collectCapture({
      ...collectOptions(machine),
      bootVm: boot,
      skipProbes: ['wsl-list-running'],
    });
    misplaced = await machine.misplaced();
    label = machine.label;
    savedTarget = target.scenario?.target;
    savedGoal = goal;
  }
  const facts = readCaptureFacts(capture);
  const wanted: TargetModel | undefined =
    values.model === undefined
      ? savedTarget
      : {
          model: values.model,
          contextLength: contextLength ?? 8192,
          ...(values.quant === undefined ? {} : { quant: values.quant }),
        };
  // --model first, then the goal saved in setup, then (simulated) the scenario's own target.
  const fromGoal = values.model === undefined ? await savedGoal?.need(facts) : undefined;
  const target = fromGoal ?? (wanted ? targetNeed(wanted, facts) : undefined);
  const report = diagnose({ facts, misplaced, ...(target ? { target } : {}) }, STANDARD_RULES);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ health: report.health, exitCode: report.exitCode, findings: report.findings, notChecked: report.notChecked, notRead: report.notRead }, null, 2)}\n`,
    );
  } else {
    const colour = process.env.NO_COLOR === undefined && (io.stdout as { isTTY?: boolean }).isTTY === true;
    io.stdout.write(formatReport(report, label, colour));
  }
  return report.exitCode === 0 ? EXIT.ok : report.exitCode;
}
