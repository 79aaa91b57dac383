import { useId, useState } from 'react';
import { useHistory } from '../state/store-context';
import { ConfirmDialog } from './ConfirmDialog';
import { DiffLines } from './DiffLines';

/** A time as the pages print it: date and minute, in the user's locale. */
export function when(time: string): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime())
    ? time
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The saved versions of .wslconfig from the history store: when and why each was saved, its changes against the
 * file now, and Restore behind a confirm (Enter confirms, Esc cancels). The History page and the .wslconfig editor
 * show the same list; `onRestored` lets the editor read the file again.
 */
export function WslconfigVersions({ onRestored }: { readonly onRestored?: () => void }) {
  const history = useHistory((s) => s.history);
  const diff = useHistory((s) => s.diff);
  const showDiff = useHistory((s) => s.showDiff);
  const restore = useHistory((s) => s.restore);
  const notice = useHistory((s) => s.notice);
  const [restoring, setRestoring] = useState<string | undefined>();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId} data-testid="wslconfig-versions">
      <header className="card__header">
        <div>
          <h2 id={titleId}>.wslconfig versions</h2>
          <p className="card__summary">Headroom keeps a copy before every change it writes.</p>
        </div>
      </header>
      {history?.wslconfig.length === 0 ? <p className="empty">No saved versions yet.</p> : null}
      {history && history.wslconfig.length > 0 ? (
        <table className="distros">
          <caption className="visually-hidden">Saved versions of .wslconfig</caption>
          <thead>
            <tr>
              <th scope="col">Saved</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.wslconfig.map((version, row) => (
              <tr key={version.id} data-version={version.id}>
                {/* Each row's buttons are described by its time and reason: a screen reader tabbing from one
                    "Restore" to the next hears which version each one restores. */}
                <td id={`${titleId}-${String(row)}-saved`}>{when(version.savedAt)}</td>
                <td id={`${titleId}-${String(row)}-why`}>{version.reason}</td>
                <td className="versions__actions">
                  <button
                    type="button"
                    className="button"
                    aria-expanded={diff?.id === version.id}
                    aria-describedby={`${titleId}-${String(row)}-saved ${titleId}-${String(row)}-why`}
                    onClick={() => void showDiff(diff?.id === version.id ? undefined : version.id)}
                  >
                    {diff?.id === version.id ? 'Hide changes' : 'Changes since'}
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-describedby={`${titleId}-${String(row)}-saved ${titleId}-${String(row)}-why`}
                    onClick={() => setRestoring(version.id)}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {diff ? (
        <DiffLines
          lines={diff.lines}
          label="This version against the file now, line by line"
          words={{ added: 'in the file now', removed: 'only in this version' }}
        />
      ) : null}
      <p className="status" role="status" aria-live="polite" data-testid="versions-status">
        {notice ?? ''}
      </p>
      <ConfirmDialog
        open={restoring !== undefined}
        title="Restore this version of .wslconfig?"
        body="Headroom keeps the file as it is now in the history first, then writes this version back. WSL reads it at its next start."
        confirmLabel="Restore"
        onCancel={() => setRestoring(undefined)}
        onConfirm={() => {
          if (restoring) void restore(restoring).then(onRestored);
          setRestoring(undefined);
        }}
      />
    </section>
  );
}
