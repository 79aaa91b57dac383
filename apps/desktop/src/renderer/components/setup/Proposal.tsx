import type { SetupPlan, SetupPreview } from '@headroom/contract';
import { useId } from 'react';
import { editValue, tickedEdits, type SizingKey } from '../../state/setup-store';
import { useSetup } from '../../state/store-context';
import { DiffLines } from '../DiffLines';
import { gib } from './format';

const ROWS: readonly { key: SizingKey; name: string; unit: string }[] = [
  { key: 'memory', name: 'Memory', unit: 'GiB' },
  { key: 'processors', name: 'Processors', unit: '' },
  { key: 'swap', name: 'Swap', unit: 'GiB' },
];

/** One key: tick to change it, a slider bounded by the host, what the file says now and one line of why. */
function EditRowView({ plan, row }: { plan: SetupPlan; row: (typeof ROWS)[number] }) {
  const edit = useSetup((s) => s.edits?.[row.key]);
  const current = useSetup((s) => s.check?.current[row.key]);
  const setEdit = useSetup((s) => s.setEdit);
  const sliderId = useId();
  const whyId = useId();
  if (!edit) return null;
  const change = plan.changes.find((candidate) => candidate.key === row.key);
  const bounds = plan.bounds[row.key];
  const why =
    change === undefined
      ? edit.ticked
        ? 'Your choice.'
        : 'No change needed for this goal.'
      : change.needed || edit.ticked
        ? change.why
        : `Not needed for this goal, so left unticked: ${change.why}`;
  return (
    <li className="edit-row" data-key={row.key}>
      <label className="edit-row__tick">
        <input
          type="checkbox"
          checked={edit.ticked}
          onChange={(event) => setEdit(row.key, { ticked: event.target.checked })}
        />{' '}
        Change {row.name.toLowerCase()}
      </label>
      <label htmlFor={sliderId} className="visually-hidden">
        {row.name} {row.unit === '' ? '' : `in ${row.unit}`}
      </label>
      <input
        id={sliderId}
        type="range"
        min={bounds.min}
        max={bounds.max}
        step={bounds.step}
        value={edit.amount}
        aria-describedby={whyId}
        aria-valuetext={editValue(row.key, edit.amount)}
        onChange={(event) => setEdit(row.key, { amount: Number(event.target.value), ticked: true })}
      />
      <output htmlFor={sliderId} className="edit-row__value">
        {row.key}={editValue(row.key, edit.amount)}
      </output>
      <p className="edit-row__why" id={whyId}>
        {current ? `Now ${row.key}=${current}. ` : 'Now unset: WSL’s default. '}
        {why}
      </p>
    </li>
  );
}

/** The file as the ticked changes would leave it: added and removed lines marked by sign and word, not colour. */
function DiffView({ preview }: { preview: SetupPreview }) {
  const changed = preview.diff.some((line) => line.kind !== 'same');
  return (
    <figure className="diff-figure">
      <figcaption>
        {changed ? 'What changes in ' : 'No change to '}
        <code>{preview.path}</code>
      </figcaption>
      <DiffLines lines={preview.diff} label="The change to .wslconfig, line by line" />
    </figure>
  );
}

/** The first `memory=` or `swap=` value the ticked changes write, for the note on how WSL reads `GB`. */
function firstSize(edits: readonly { key: SizingKey; value: string }[]): string | undefined {
  return edits.find((edit) => edit.key !== 'processors')?.value;
}

/**
 * The proposal, under the goal's sizing: each change with one line of why, ticked only when the goal needs it (a
 * change that merely follows is shown unticked, with its reason); sliders bounded by the host; the diff, the VM WSL
 * would create and the engine's warnings follow every move.
 */
export function Proposal({ plan }: { plan: SetupPlan }) {
  const preview = useSetup((s) => s.preview);
  const edits = tickedEdits(useSetup((s) => s.edits));
  const warnings = preview?.problems.filter((problem) => problem.severity !== 'info') ?? [];
  const needed = plan.changes.filter((change) => change.needed).length;
  const size = firstSize(edits);
  return (
    <section className="proposal" aria-labelledby="proposal-title">
      <h3 id="proposal-title">Changes to .wslconfig</h3>
      <p className="proposal__summary">
        {plan.changes.length === 0
          ? `Your .wslconfig already fits ${plan.model}. Nothing needs to change; you can still adjust it below.`
          : needed === 0
            ? `Your .wslconfig already holds what ${plan.model} needs; the change below is optional.`
            : `${plan.model} needs ${needed} change${needed === 1 ? '' : 's'}, ticked below.`}
      </p>
      <ul className="edit-rows" aria-label="Changes to .wslconfig">
        {ROWS.map((row) => (
          <EditRowView key={row.key} plan={plan} row={row} />
        ))}
      </ul>
      {preview ? (
        <>
          <DiffView preview={preview} />
          {size ? (
            <p className="card__summary" data-testid="gb-note">
              WSL reads <code>{size}</code> as {size.replace(/GB$/i, '')} GiB: in .wslconfig, GB counts 1024³
              bytes.
            </p>
          ) : null}
        </>
      ) : null}
      {preview ? (
        <>
          <p className="proposal__vm" data-testid="vm-after">
            WSL will create its VM with {gib(preview.vm.memoryBytes)} of memory, {preview.vm.processors}{' '}
            processors and {gib(preview.vm.swapBytes)} of swap.
          </p>
          {warnings.length > 0 ? (
            <div className="alert" role="status">
              <p className="alert__title">What WSL will make of the file</p>
              <ul className="ignored-lines">
                {warnings.map((problem) => (
                  <li key={`${problem.line}:${problem.message}`}>
                    {problem.ignoredByWsl ? 'WSL ignores this: ' : ''}
                    {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
