import { setOpenAtLogin } from '../store/actions.js';
import { useStore } from '../store/store.js';
import { useText } from '../i18n/index.js';

export function OpenAtLogin() {
  const enabled = useStore((s) => s.openAtLogin);
  const busy = useStore((s) => s.busy === 'login-item');
  const note = useStore((s) => s.openAtLoginNote);
  const t = useText();
  return (
    <footer className="footer">
      <label>
        <input
          type="checkbox"
          checked={enabled}
          disabled={busy}
          onChange={(e) => void setOpenAtLogin(e.currentTarget.checked)}
        />
        {t.app.openAtLogin}
      </label>
      {note && <p className="footer-note">{note}</p>}
    </footer>
  );
}
