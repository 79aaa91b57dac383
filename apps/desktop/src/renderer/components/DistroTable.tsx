import type { WslSnapshot } from '@headroom/contract';

type Distro = WslSnapshot['distros'][number];

/** The state cell: a shape and a word, never colour alone. */
function StateBadge({ state }: { state: Distro['state'] }) {
  const kind = state === 'Running' ? 'running' : state === 'Stopped' ? 'stopped' : 'busy';
  return (
    <span className={`state state--${kind}`}>
      <span className="state__icon" aria-hidden="true" />
      {state}
    </span>
  );
}

/** The distros WSL knows, one row each: name (and whether it is the default), state, WSL version. */
export function DistroTable({ distros }: { distros: readonly Distro[] }) {
  if (distros.length === 0) {
    return <p className="empty">No WSL distributions are installed.</p>;
  }
  return (
    <table className="distros">
      <caption className="visually-hidden">WSL distributions and their states</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">WSL version</th>
        </tr>
      </thead>
      <tbody>
        {distros.map((distro) => (
          <tr key={distro.name}>
            <th scope="row">
              {distro.name}
              {distro.isDefault ? (
                <>
                  {' '}
                  <span className="tag">Default</span>
                </>
              ) : null}
            </th>
            <td>
              <StateBadge state={distro.state} />
            </td>
            <td>{distro.version === 1 ? 'WSL 1 (no GPU)' : 'WSL 2'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
