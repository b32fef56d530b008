import { sessionEndLabel } from '../logic/history.js';
import { CommandList } from './CommandList.js';
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
              </div>
              {/* The active session's commands are listed with its details above. */}
              {s.endedBy !== 'active' && <CommandList count={s.commands} lines={s.commandLines} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
