import { useText } from '../i18n/index.js';
import { useStore } from '../store/store.js';

/**
 * What is wrong while connected (the agent is from another release, it trusts another copy of
 * Elevate). An unavailable secure store has its own notice, and main leaves it out of `problem`.
 */
export function AgentNotice() {
  const t = useText();
  const problem = useStore((s) => s.problem);
  const show = useStore((s) => s.connection === 'connected');
  if (!show || !problem) return null;
  return (
    <section className="banner banner-warn" aria-labelledby="agent-notice-title">
      <h2 id="agent-notice-title">{t.app.needsAttention}</h2>
      <p>{problem}</p>
    </section>
  );
}
