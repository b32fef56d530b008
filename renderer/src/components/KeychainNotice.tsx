import { useStore } from '../store/store.js';

export function KeychainNotice() {
  const unavailable = useStore((s) => s.keychain === 'unavailable');
  const problem = useStore((s) => s.problem);
  const connected = useStore((s) => s.connection === 'connected');
  if (!unavailable) return null;
  return (
    <section className="banner banner-warn" aria-labelledby="keychain-title">
      <h2 id="keychain-title">Keychain unavailable</h2>
      <p>
        {connected && problem
          ? problem
          : 'Elevate cannot reach your keychain, so requests may be refused. Your status and Stop now still work.'}
      </p>
    </section>
  );
}
