import { levelLabel } from '../logic/format.js';
import { useStore } from '../store/store.js';

export function LevelHeading() {
  const level = useStore((s) => s.snapshot?.level ?? null);
  const permanent = useStore((s) => s.snapshot?.permanentLevel ?? 'none');
  const hasGrant = useStore((s) => Boolean(s.snapshot?.grant));
  const connected = useStore((s) => s.connection === 'connected');
  if (level === null) return null;
  const elevated = level !== 'none';
  return (
    <header className={`level ${elevated ? 'level-elevated' : ''} ${connected ? '' : 'stale'}`}>
      <p className="eyebrow">{connected ? 'You are' : 'Last known'}</p>
      <h1 id="level-heading" data-testid="level">
        {levelLabel(level)}
      </h1>
      {!hasGrant && permanent !== 'none' && (
        <p className="muted">Permanent on this computer, not managed by Elevate.</p>
      )}
    </header>
  );
}
