import { WSLCONFIG_GROUPS, type WslconfigDocument, type WslconfigField } from '@headroom/contract';
import { useEffect } from 'react';
import { navigate } from '../state/navigation';
import { useDoctor, useHistory, useWslconfig } from '../state/store-context';
import { DiffLines } from './DiffLines';
import { ErrorAlert } from './ErrorAlert';
import { ShutdownVerify } from './ShutdownVerify';
import { WslconfigVersions } from './WslconfigVersions';

/** One key's field: typed input, its default here, its bounds, and the line it lives on. */
function Field({ field }: { readonly field: WslconfigField }) {
  const edited = useWslconfig((s) => s.edits[field.key]);
  const edit = useWslconfig((s) => s.edit);
  const id = `field-${field.key}`;
  const hintId = `${id}-hint`;
  const value = edited ?? field.value ?? '';
  const hint = [
    `Default here: ${field.default}.`,
    field.bounds ? `Bounds: ${field.bounds}.` : '',
    field.line ? `Line ${field.line}.` : 'Not in the file.',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="wslconfig-field" data-key={field.key}>
      <label htmlFor={id}>
        <code>{field.key}</code> <span className="wslconfig-field__type">({field.type})</span>
      </label>
      {field.type === 'bool' || field.values ? (
        <select
          id={id}
          value={value}
          aria-describedby={hintId}
          onChange={(e) => edit(field.key, e.target.value)}
        >
          <option value="">(default)</option>
          {(field.values ?? ['true', 'false']).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
          {value !== '' && !(field.values ?? ['true', 'false']).includes(value) ? (
            <option value={value}>{value}</option>
          ) : null}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          placeholder={field.default}
          aria-describedby={hintId}
          onChange={(e) => edit(field.key, e.target.value)}
        />
      )}
      <p id={hintId} className="wslconfig-field__hint">
        {field.meaning} {hint}
      </p>
    </div>
  );
}

/** The raw text, the lines WSL ignores underlined and explained in place. */
function RawView({ document }: { readonly document: WslconfigDocument }) {
  const lines = document.text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return (
    <ol className="raw-lines" aria-label="The file as written">
      {lines.map((text, index) => {
        const problems = document.problems.filter((problem) => problem.line === index + 1);
        const ignored = problems.some((problem) => problem.ignoredByWsl);
        return (
          <li
            key={index}
            data-line={index + 1}
            className={ignored ? 'raw-line raw-line--ignored' : 'raw-line'}
          >
            <code>{text || ' '}</code>
            {problems.map((problem) => (
              <p key={problem.message} className="raw-line__why">
                {problem.ignoredByWsl ? 'WSL ignores this line: ' : ''}
                {problem.message}
              </p>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * .wslconfig: a form grouped as Resources, GPU & display, Networking and Advanced over every key WSL reads, and the
 * raw text with the lines WSL ignores explained. Save shows the diff first; a banner offers shutdown-and-verify while
 * the file is newer than the running VM.
 */
export function WslconfigPage() {
  const document = useWslconfig((s) => s.document);
  const edits = useWslconfig((s) => s.edits);
  const diff = useWslconfig((s) => s.diff);
  const saving = useWslconfig((s) => s.saving);
  const notice = useWslconfig((s) => s.notice);
  const error = useWslconfig((s) => s.error);
  const load = useWslconfig((s) => s.load);
  const review = useWslconfig((s) => s.review);
  const save = useWslconfig((s) => s.save);
  const discard = useWslconfig((s) => s.discard);
  const pending = useDoctor((s) => s.report?.findings.some((f) => f.id === 'wslconfig-not-applied') === true);
  const loadDoctor = useDoctor((s) => s.load);
  const loadHistory = useHistory((s) => s.load);
  useEffect(() => {
    void load();
    void loadDoctor();
    void loadHistory();
  }, [load, loadDoctor, loadHistory]);
  const changed = Object.keys(edits).length > 0;

  return (
    <>
      <p className="status" role="status" aria-live="polite" data-testid="wslconfig-status">
        {notice ?? ''}
      </p>
      <ErrorAlert error={error} />
      {pending ? (
        <section className="card banner" aria-labelledby="pending-title">
          <h2 id="pending-title">Waiting for WSL’s restart</h2>
          <ShutdownVerify intro="The file is newer than the WSL that runs now: WSL reads it only when it starts anew." />
        </section>
      ) : null}
      {document ? (
        <>
          <p className="card__summary">
            <code>{document.path}</code>. Its versions are below; the{' '}
            <a href="#history" onClick={() => navigate('history')}>
              History
            </a>{' '}
            page shows them beside Windows’ updates and driver changes.
          </p>
          <form
            className="card"
            aria-labelledby="form-title"
            onSubmit={(event) => {
              event.preventDefault();
              void review();
            }}
          >
            <h2 id="form-title">Settings WSL reads</h2>
            {WSLCONFIG_GROUPS.map((group) => (
              <fieldset key={group} className="wslconfig-group">
                <legend>{group}</legend>
                {document.fields
                  .filter((field) => field.group === group)
                  .map((field) => (
                    <Field key={field.key} field={field} />
                  ))}
              </fieldset>
            ))}
            {document.unknownKeys.length > 0 ? (
              <section aria-labelledby="unknown-title">
                <h3 id="unknown-title">Kept untouched</h3>
                <p className="card__summary">
                  WSL does not read these keys; Headroom leaves their lines as they are.
                </p>
                <ul>
                  {document.unknownKeys.map((key) => (
                    <li key={`${key.name}-${key.line}`}>
                      <code>{key.name}</code> (line {key.line})
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <div className="card__actions form-actions">
              <button type="submit" className="button button--primary" disabled={!changed}>
                Review changes
              </button>
              <button type="button" className="button" disabled={!changed} onClick={discard}>
                Discard
              </button>
            </div>
            {diff ? (
              <section aria-labelledby="diff-title">
                <h3 id="diff-title">What saving changes</h3>
                <DiffLines lines={diff} label="The change to .wslconfig" />
                <button
                  type="button"
                  className="button button--primary"
                  disabled={saving}
                  onClick={() => void save()}
                >
                  {saving ? 'Saving…' : 'Save'}
                </button>
              </section>
            ) : null}
          </form>
          <section className="card" aria-labelledby="raw-title">
            <h2 id="raw-title">The file as written</h2>
            <RawView document={document} />
          </section>
          <WslconfigVersions onRestored={() => void load()} />
        </>
      ) : null}
    </>
  );
}
