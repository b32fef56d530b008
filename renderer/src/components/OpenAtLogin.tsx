import { setOpenAtLogin } from '../store/actions.js';
import { useStore } from '../store/store.js';

export function OpenAtLogin() {
  const enabled = useStore((s) => s.openAtLogin);
  const busy = useStore((s) => s.busy === 'login-item');
  const note = useStore((s) => s.openAtLoginNote);
  return (
    <footer className="footer">
      <label>
        <input
          type="checkbox"
          checked={enabled}
          disabled={busy}
          onChange={(e) => void setOpenAtLogin(e.currentTarget.checked)}
        />
        Open Elevate at login
      </label>
      {note && <p className="footer-note">{note}</p>}
    </footer>
  );
}
