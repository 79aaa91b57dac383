/**
 * For the GPU rules' tests: a Capture built from what each probe printed, read into facts exactly as a replayed
 * capture is. Pure (the tests read the fixtures); it is not part of the doctor.
 */
import { readCaptureFacts } from '../../../capture/capture-facts';
import { GPU_QUERY_FIELDS } from '../../../probe/probe-ids';
import type { Finding } from '../../finding';
import type { DoctorInput, Rule } from '../../rule';
import { captureOf, type ProbeSpec } from '../../testing/capture-of';

export { captureOf, type ProbeSpec } from '../../testing/capture-of';

/** The doctor's input for a capture of the given probes. */
export function inputOf(
  probes: Readonly<Record<string, ProbeSpec>>,
  options: { readonly wslconfig?: string } = {},
): DoctorInput {
  return { facts: readCaptureFacts(captureOf(probes, options)) };
}

/** Run one rule (or several) over a capture of the given probes. */
export function findingsOf(
  rules: Rule | readonly Rule[],
  probes: Readonly<Record<string, ProbeSpec>>,
  options: { readonly wslconfig?: string } = {},
): Finding[] {
  const input = inputOf(probes, options);
  return (typeof rules === 'function' ? [rules] : rules).flatMap((rule) => rule(input));
}

/**
 * The output of the command in a pasted terminal transcript: the lines after the last prompt that runs nvidia-smi
 * (`elsaco@eleven:~$ nvidia-smi`, `$ /usr/lib/wsl/lib/nvidia-smi`, `# nvidia-smi`, `❯ nvidia-smi`), or the whole
 * text when there is no such prompt. The probe's stdout holds only what nvidia-smi printed.
 */
export function afterPrompt(transcript: string): string {
  const lines = transcript.split('\n');
  let start = 0;
  lines.forEach((line, index) => {
    if (/(?:\$|#|❯)\s*\S*nvidia-smi\s*$/.test(line)) start = index + 1;
  });
  return lines.slice(start).join('\n');
}

/** One GPU row of Headroom's `--query-gpu` probe, in GPU_QUERY_FIELDS order. */
export interface QueryRow {
  readonly name: string;
  readonly driver: string;
  readonly model?: string;
  readonly usedMiB: number;
  readonly totalMiB: number;
}

/**
 * What `nvidia-smi --query-gpu=<GPU_QUERY_FIELDS> --format=csv,nounits` prints for the given GPUs: the header keeps
 * its units, the values have none (docs/gpu-tools.md "nvidia-smi --query-gpu"). For values no real capture shows (a
 * driver, a load).
 */
export function queryCsv(rows: readonly QueryRow[]): string {
  const header = GPU_QUERY_FIELDS.map((field) => {
    if (field.startsWith('memory.')) return `${field} [MiB]`;
    if (field === 'utilization.gpu') return `${field} [%]`;
    if (field === 'power.draw') return `${field} [W]`;
    return field;
  }).join(', ');
  const lines = rows.map((row, index) =>
    [
      index,
      row.name,
      `GPU-00000000-0000-0000-0000-00000000000${index}`,
      row.driver,
      row.model ?? 'WDDM',
      row.totalMiB,
      row.usedMiB,
      200,
      5,
      41,
      '31.20',
    ].join(', '),
  );
  return `${[header, ...lines].join('\n')}\n`;
}
