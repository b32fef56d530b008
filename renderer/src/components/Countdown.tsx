import { formatCountdown, secondsLeft } from '../logic/format.js';
import { isEndingSoon, remainingFraction, remainingMs } from '../logic/countdown.js';
import { useStore } from '../store/store.js';
import { useWords } from '../i18n/index.js';

const R = 54;
const CIRCUMFERENCE = 2 * Math.PI * R;

export function Countdown() {
  const grant = useStore((s) => s.snapshot?.grant ?? null);
  const now = useStore((s) => s.snapshot?.now ?? null);
  const receivedAt = useStore((s) => s.receivedAt);
  const wallNow = useStore((s) => s.wallNow);
  const connected = useStore((s) => s.connection === 'connected');
  const warnBefore = useStore((s) => s.snapshot?.policy.warnBeforeSec);
  const w = useWords();
  if (!grant || now === null) return null;

  if (!connected) {
    // Never a live-looking countdown from a stale snapshot: only what was last known.
    return (
      <p className="countdown-stale" data-testid="countdown-stale">
        {w.t.time.lastKnownEnd(w.clock(grant.expiresAt))}
      </p>
    );
  }

  const remaining = remainingMs(grant, { now, receivedAt }, wallNow);
  const fraction = remainingFraction(grant, remaining);
  const soon = isEndingSoon(remaining, warnBefore);
  return (
    <>
      <section
        className={`countdown ${soon ? 'ending-soon' : ''} ${secondsLeft(remaining) >= 3600 ? 'hours' : ''}`}
        aria-label={w.t.time.timeLeft}
      >
        <svg className="ring" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
          <circle className="ring-track" cx="60" cy="60" r={R} />
          <circle
            className="ring-fill"
            cx="60"
            cy="60"
            r={R}
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
            transform="rotate(-90 60 60)"
          />
        </svg>
        <div className="countdown-text">
          <span
            className="countdown-digits"
            role="timer"
            aria-live="off"
            aria-label={w.spoken(remaining)}
            data-testid="countdown"
          >
            {formatCountdown(remaining)}
          </span>
          <span className="countdown-until">{w.t.time.until(w.clock(grant.expiresAt))}</span>
        </div>
      </section>
      {soon && (
        // Colour alone does not say it: the words do, with what to do about it.
        <p className="ending-soon-text" data-testid="ending-soon">
          {w.t.time.endsIn(formatCountdown(remaining))}
        </p>
      )}
    </>
  );
}
