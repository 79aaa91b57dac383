import { useId } from 'react';
import { useSupport } from '../state/store-context';
import { ErrorAlert } from './ErrorAlert';

/**
 * "Save support bundle": the capture (the user's names replaced unless the box is cleared) and the log, zipped into
 * the data folder, with the path shown and "Open folder".
 */
export function SupportBundleCard() {
  const redact = useSupport((s) => s.redact);
  const saving = useSupport((s) => s.saving);
  const bundle = useSupport((s) => s.bundle);
  const notice = useSupport((s) => s.notice);
  const error = useSupport((s) => s.error);
  const setRedact = useSupport((s) => s.setRedact);
  const save = useSupport((s) => s.save);
  const openFolder = useSupport((s) => s.openFolder);
  const redactId = useId();
  return (
    <section className="card" aria-labelledby="support-bundle-title" aria-busy={saving}>
      <h2 id="support-bundle-title">Support bundle</h2>
      <p className="card__summary">
        One .zip to attach to a bug report: what Windows, WSL and nvidia-smi say (the same capture as{' '}
        <code>headroom collect</code>) and Headroom’s log. WSL is not started for it.
      </p>
      <p className="field-row">
        <input
          id={redactId}
          type="checkbox"
          checked={redact}
          disabled={saving}
          onChange={(event) => setRedact(event.target.checked)}
        />
        <label htmlFor={redactId}>Replace my user name, profile folder and computer name</label>
      </p>
      <div className="card__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={saving}
        >
          {saving ? 'Collecting…' : 'Save support bundle'}
        </button>
        {saving ? <progress aria-label="Collecting the support bundle" /> : null}
      </div>
      <p className="status" role="status" aria-live="polite" data-testid="support-status">
        {notice ?? ''}
      </p>
      <ErrorAlert error={error} />
      {bundle ? (
        <p>
          <code data-testid="support-bundle-path">{bundle.path}</code>{' '}
          <button type="button" className="button" onClick={() => void openFolder()}>
            Open folder
          </button>
        </p>
      ) : null}
    </section>
  );
}
