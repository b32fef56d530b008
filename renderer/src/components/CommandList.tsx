import { useText } from '../i18n/index.js';

/**
 * The commands run with sudo in a session, one line each, folded under their count so the
 * popover stays short until the person asks. `count` comes from the agent; `lines` from the
 * history, which may hold fewer (only the last events are fetched).
 */
export function CommandList({ count, lines }: { count: number; lines: readonly string[] }) {
  const t = useText().usage;
  if (count <= 0) return null;
  const missing = Math.max(0, count - lines.length);
  if (lines.length === 0) return <>{t.commands(count)}</>;
  return (
    <details className="commands" data-testid="commands">
      <summary>{t.commands(count)}</summary>
      <ol>
        {lines.map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
      </ol>
      {missing > 0 && <p className="muted fine-print">{t.notListed(missing)}</p>}
    </details>
  );
}
