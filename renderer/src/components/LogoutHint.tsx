import { logOutNow } from '../store/actions.js';
import { useStore } from '../store/store.js';
import { useText } from '../i18n/index.js';

/** Windows keeps a token's groups until log-off; logging out needs no agent, so it stays enabled. */
export function LogoutHint() {
  const hint = useStore((s) => s.snapshot?.platform.logoutHint ?? null);
  const busy = useStore((s) => s.busy === 'logout');
  const t = useText().logout;
  if (!hint) return null;
  return (
    <section className="banner banner-info" aria-labelledby="logout-hint" data-testid="logout-hint">
      <p id="logout-hint">{t[hint]}</p>
      <p className="muted">{t.saveFirst}</p>
      <button type="button" onClick={() => void logOutNow()} disabled={busy}>
        {busy ? t.busy : t.button}
      </button>
    </section>
  );
}
