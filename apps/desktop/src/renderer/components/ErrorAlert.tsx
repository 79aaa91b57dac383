import type { ErrorPayload } from '@headroom/contract';
import type { ReactNode } from 'react';

/** What an {@link ErrorAlert} says. */
export interface ErrorAlertProps {
  /** The failure, or undefined to show nothing: its message, and what the program printed when it said. */
  readonly error: Pick<ErrorPayload, 'message' | 'detail'> | undefined;
  /** The disclosure's words for the printed detail. */
  readonly detailSummary?: string;
  /** More under the message (a list of what failed, a way out). */
  readonly children?: ReactNode;
}

/** A failure as every page shows it: an alert with the service's words, the raw detail folded away. */
export function ErrorAlert({ error, detailSummary = 'Show details', children }: ErrorAlertProps) {
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      <p className="alert__title">{error.message}</p>
      {error.detail ? (
        <details>
          <summary>{detailSummary}</summary>
          <pre>{error.detail}</pre>
        </details>
      ) : null}
      {children}
    </div>
  );
}
