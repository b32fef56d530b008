import { useStore } from '../store/store.js';

export function AgentDown() {
  const connection = useStore((s) => s.connection);
  const problem = useStore((s) => s.problem);
  const everConnected = useStore((s) => s.snapshot !== null);
  if (connection === 'connected') return null;
  if (connection === 'connecting' && !everConnected) {
    // The first attempt at start-up: nothing has failed yet, so nothing alarming is said.
    return (
      <p className="muted" role="status">
        Connecting to the Elevate agent…
      </p>
    );
  }
  return (
    <section className="banner banner-error" aria-labelledby="agent-down-title">
      <h2 id="agent-down-title">Elevate agent is not running</h2>
      <p>{problem ?? 'Your rights cannot be checked or changed until it is back.'}</p>
      {connection === 'connecting' && <p className="muted">Trying to reconnect…</p>}
    </section>
  );
}
