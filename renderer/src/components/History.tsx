import { commandsLabel, sessionEndLabel } from '../logic/history.js';
import { formatDateTime, formatClockTime, levelLabel } from '../logic/format.js';
import { useStore } from '../store/store.js';

export function History() {
  const sessions = useStore((s) => s.sessions);
  const stale = useStore((s) => s.connection !== 'connected');
  if (sessions.length === 0) return null;
  return (
    <section className={`history ${stale ? 'stale' : ''}`} aria-labelledby="history-title">
      <h2 id="history-title">Recent sessions</h2>
      <ul data-testid="history">
        {sessions.map((s) => {
          const used = commandsLabel(s.commands);
          return (
            <li key={s.grantId}>
              <div className="history-line">
                <span>{levelLabel(s.level)}</span>
                <span className={`pill pill-${s.endedBy}`}>
                  {stale && s.endedBy === 'active' ? 'Active when last seen' : sessionEndLabel(s)}
                </span>
              </div>
              <div className="muted">
                {formatDateTime(s.start)}
                {s.end ? ` – ${formatClockTime(s.end)}` : ''} · by {s.grantedBy}
                {used ? ` · ${used}` : ''}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
