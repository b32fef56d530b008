import { CommandList } from './CommandList.js';
import { useWords } from '../i18n/index.js';
import { useStore } from '../store/store.js';

export function History() {
  const sessions = useStore((s) => s.sessions);
  const stale = useStore((s) => s.connection !== 'connected');
  const w = useWords();
  const t = w.t.history;
  if (sessions.length === 0) return null;
  return (
    <section className={`history ${stale ? 'stale' : ''}`} aria-labelledby="history-title">
      <h2 id="history-title">{t.title}</h2>
      <ul data-testid="history">
        {sessions.map((s) => {
          return (
            <li key={s.grantId}>
              <div className="history-line">
                <span>{w.level(s.level)}</span>
                <span className={`pill pill-${s.endedBy}`}>
                  {stale && s.endedBy === 'active' ? t.activeWhenLastSeen : t.end[s.endedBy]}
                </span>
              </div>
              <div className="muted">
                {w.dayTime(s.start)}
                {s.end ? ` – ${w.clock(s.end)}` : ''} · {t.by(w.granter(s.grantedBy))}
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
