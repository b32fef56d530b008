import { useStore } from '../store/store.js';
import { useWords } from '../i18n/index.js';
import { CommandList } from './CommandList.js';

/** Who granted the rights and why; the end time is shown with the countdown itself. */
export function GrantDetails() {
  const grant = useStore((s) => s.snapshot?.grant ?? null);
  const commands = useStore((s) => s.snapshot?.usage?.commands ?? 0);
  const stale = useStore((s) => s.connection !== 'connected');
  const lines = useStore(
    (s) => s.sessions.find((x) => x.grantId === s.snapshot?.grant?.id)?.commandLines,
  );
  const w = useWords();
  const all = w.t;
  const t = all.usage;
  const d = all.details;
  if (!grant) return null;
  return (
    <dl className={`details ${stale ? 'stale' : ''}`} data-testid="grant-details">
      <dt>{d.source[grant.source] ?? d.source.admin}</dt>
      <dd>{w.granter(grant.grantedBy)}</dd>
      <dt>{d.reason}</dt>
      <dd>{grant.reason?.trim() ? grant.reason : <span className="muted">{d.noReason}</span>}</dd>
      <dt>{d.extensionsLeft}</dt>
      <dd data-testid="extensions-left">{grant.extensionsLeft}</dd>
      {commands > 0 && (
        <>
          <dt>{t.used}</dt>
          <dd>
            <CommandList count={commands} lines={lines ?? []} />
          </dd>
        </>
      )}
    </dl>
  );
}
