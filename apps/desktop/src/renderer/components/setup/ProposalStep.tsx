import type { SetupPlan, SetupPreview } from '@headroom/contract';
import { useId } from 'react';
import { editValue, tickedEdits, type SizingKey } from '../../state/setup-store';
import { useSetup } from '../../state/store-context';
import { DiffLines } from '../DiffLines';
import { gib } from './format';

const ROWS: readonly { key: SizingKey; name: string; unit: string }[] = [
  { key: 'memory', name: 'Memory', unit: 'GB' },
  { key: 'processors', name: 'Processors', unit: '' },
  { key: 'swap', name: 'Swap', unit: 'GB' },
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
  const why = change?.why ?? (edit.ticked ? 'Your choice.' : 'No change needed for this goal.');
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

/**
 * Step 3: the proposal. Each change can be unticked; the sliders are bounded by the host; the diff, the VM WSL would
 * create and the engine's warnings follow every move.
 */
export function ProposalStep() {
  const plan = useSetup((s) => s.plan);
  const preview = useSetup((s) => s.preview);
  const edits = useSetup((s) => s.edits);
  const goTo = useSetup((s) => s.goTo);
  if (!plan) {
    return (
      <div className="step">
        <p>Choose a model first, so Headroom can size WSL for it.</p>
        <button type="button" className="button button--primary" onClick={() => goTo(2)}>
          Back to your model
        </button>
      </div>
    );
  }
  const count = tickedEdits(edits).length;
  const warnings = preview?.problems.filter((problem) => problem.severity !== 'info') ?? [];
  return (
    <div className="step">
      <p className="proposal__summary">
        {plan.changes.length === 0
          ? `Your .wslconfig already fits ${plan.model}. Nothing needs to change; you can still adjust it below.`
          : `For ${plan.model}, Headroom proposes ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} to .wslconfig.`}
      </p>
      <ul className="edit-rows" aria-label="Changes to .wslconfig">
        {ROWS.map((row) => (
          <EditRowView key={row.key} plan={plan} row={row} />
        ))}
      </ul>
      {preview ? (
        <>
          <DiffView preview={preview} />
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
      <div className="card__actions step__actions">
        <button type="button" className="button" onClick={() => goTo(2)}>
          Back
        </button>
        <button type="button" className="button button--primary" onClick={() => goTo(4)}>
          {count === 0
            ? 'Next: verify without changes'
            : `Next: apply ${count} change${count === 1 ? '' : 's'}`}
        </button>
      </div>
    </div>
  );
}
