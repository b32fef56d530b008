import { logOutNow } from '../store/actions.js';
import { useStore } from '../store/store.js';

const TEXT = {
  grant: 'Log out and back in for your new rights to take full effect.',
  revoke: 'Log out to finish removing your administrator rights.',
} as const;

/** Windows keeps a token's groups until log-off; logging out needs no agent, so it stays enabled. */
export function LogoutHint() {
  const hint = useStore((s) => s.snapshot?.platform.logoutHint ?? null);
  const busy = useStore((s) => s.busy === 'logout');
  if (!hint) return null;
  return (
    <section className="banner banner-info" aria-labelledby="logout-hint" data-testid="logout-hint">
      <p id="logout-hint">{TEXT[hint]}</p>
      <p className="muted">Save your work first: logging out closes your apps.</p>
      <button type="button" onClick={() => void logOutNow()} disabled={busy}>
        {busy ? 'Logging out…' : 'Log out now'}
      </button>
    </section>
  );
}
