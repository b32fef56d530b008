import { formatClockTime } from '../logic/format.js';
import { useStore } from '../store/store.js';

const SOURCE: Record<string, string> = {
  admin: 'Granted by',
  'self-serve': 'Self-service, by',
  approval: 'Approved by',
};

export function GrantDetails() {
  const grant = useStore((s) => s.snapshot?.grant ?? null);
  const commands = useStore((s) => s.snapshot?.usage?.commands ?? 0);
  const stale = useStore((s) => s.connection !== 'connected');
  if (!grant) return null;
  return (
    <dl className={`details ${stale ? 'stale' : ''}`} data-testid="grant-details">
      <dt>{SOURCE[grant.source] ?? 'Granted by'}</dt>
      <dd>{grant.grantedBy}</dd>
      <dt>Reason</dt>
      <dd>{grant.reason?.trim() ? grant.reason : <span className="muted">None given</span>}</dd>
      <dt>Ends at</dt>
      <dd>{formatClockTime(grant.expiresAt)}</dd>
      <dt>Extensions left</dt>
      <dd data-testid="extensions-left">{grant.extensionsLeft}</dd>
      {commands > 0 && (
        <>
          <dt>Used</dt>
          <dd>
            {commands} {commands === 1 ? 'command' : 'commands'} run with sudo
          </dd>
        </>
      )}
    </dl>
  );
}
