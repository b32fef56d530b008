import { useEffect, useState } from 'react';
import { logoffCountdownText, logoffRemainingMs, logoffText } from '../logic/logoff.js';
import { useWords } from '../i18n/index.js';
import { useStore } from '../store/store.js';

/**
 * Windows, policy windowsLogoffAtEnd "force": when and why the agent signs the person out,
 * counting down. Its own one-second timer: the grant's clock stops once the rights have ended,
 * which is when this countdown runs.
 */
export function LogoffCountdown() {
  const logoffAt = useStore((s) => s.snapshot?.platform.logoffAt ?? null);
  const hint = useStore((s) => s.snapshot?.platform.logoutHint ?? null);
  const now = useStore((s) => s.snapshot?.now ?? null);
  const receivedAt = useStore((s) => s.receivedAt);
  const [wallNow, setWallNow] = useState(() => Date.now());
  const w = useWords();
  const intl = useStore((s) => s.locale.intl);

  useEffect(() => {
    if (!logoffAt) return;
    setWallNow(Date.now());
    const timer = setInterval(() => setWallNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [logoffAt]);

  if (!logoffAt || now === null) return null;
  const remaining = logoffRemainingMs(logoffAt, { now, receivedAt }, wallNow);
  return (
    <section className="banner banner-warn" aria-labelledby="logoff-text" data-testid="logoff">
      <p id="logoff-text">{logoffText(logoffAt, hint, intl, undefined, w.t)}</p>
      <p role="timer" aria-live="off" aria-label={w.spoken(remaining)}>
        {logoffCountdownText(remaining, w.t)}
      </p>
    </section>
  );
}
