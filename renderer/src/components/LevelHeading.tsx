import { useWords } from '../i18n/index.js';
import { useStore } from '../store/store.js';

export function LevelHeading() {
  const level = useStore((s) => s.snapshot?.level ?? null);
  const permanent = useStore((s) => s.snapshot?.permanentLevel ?? 'none');
  const hasGrant = useStore((s) => Boolean(s.snapshot?.grant));
  const connected = useStore((s) => s.connection === 'connected');
  const w = useWords();
  if (level === null) return null;
  const elevated = level !== 'none';
  return (
    <header className={`level ${elevated ? 'level-elevated' : ''} ${connected ? '' : 'stale'}`}>
      <p className="eyebrow">{connected ? w.t.level.youAre : w.t.level.lastKnown}</p>
      <h1 id="level-heading" data-testid="level">
        {w.level(level)}
      </h1>
      {!hasGrant && permanent !== 'none' && <p className="muted">{w.t.level.permanent}</p>}
    </header>
  );
}
