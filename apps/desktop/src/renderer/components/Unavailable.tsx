import { ErrorAlert } from './ErrorAlert';

/** Shown instead of the app when the page has no way to reach the service. */
export function Unavailable({ reason }: { reason: string }) {
  return (
    <main className="page">
      <h1>Headroom cannot reach its service</h1>
      <ErrorAlert error={{ message: reason }} />
    </main>
  );
}
