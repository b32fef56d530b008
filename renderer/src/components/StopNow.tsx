import { useEffect, useRef } from 'react';
import { askToStop, keepRights, stopNow } from '../store/actions.js';
import { useStore } from '../store/store.js';
import { useText } from '../i18n/index.js';

export function StopNow() {
  const hasGrant = useStore((s) => Boolean(s.snapshot?.grant));
  const confirming = useStore((s) => s.confirmingStop);
  const busy = useStore((s) => s.busy === 'stop');
  const t = useText().stop;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the one-step confirm so keyboard users land on the next decision.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!hasGrant) return null;
  if (!confirming) {
    return (
      <div className="actions">
        <button ref={askRef} type="button" className="danger" onClick={askToStop}>
          {t.button}
        </button>
      </div>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-stop-text">
      <p id="confirm-stop-text">{t.confirm}</p>
      <div className="actions">
        <button
          ref={confirmRef}
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => void stopNow()}
        >
          {busy ? t.stopping : t.yes}
        </button>
        <button type="button" onClick={keepRights} disabled={busy}>
          {t.keep}
        </button>
      </div>
    </div>
  );
}
