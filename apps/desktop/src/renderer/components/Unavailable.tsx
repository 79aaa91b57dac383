/** Shown instead of the app when the page has no way to reach the service. */
export function Unavailable({ reason }: { reason: string }) {
  return (
    <main className="page">
      <h1>Headroom cannot reach its service</h1>
      <div className="alert" role="alert">
        <p className="alert__title">{reason}</p>
      </div>
    </main>
  );
}
