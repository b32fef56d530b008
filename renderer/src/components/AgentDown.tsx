import { useText } from '../i18n/index.js';
import { hostOs } from '../logic/host-os.js';
import { useStore } from '../store/store.js';

/** The agent cannot be reached: what that means once, and the next step for this OS. */
export function AgentDown() {
  const all = useText();
  const t = all.agentDown;
  const connection = useStore((s) => s.connection);
  const trouble = useStore((s) => s.agentTrouble);
  const everConnected = useStore((s) => s.snapshot !== null);
  const os = useStore((s) => hostOs(s.snapshot, navigator.platform));
  if (connection === 'connected') return null;
  if (connection === 'connecting' && !everConnected) {
    // The first attempt at start-up: nothing has failed yet, so nothing alarming is said.
    return (
      <p className="muted" role="status">
        {all.app.connecting}
      </p>
    );
  }
  const missing = trouble === 'not-installed';
  return (
    <section className="banner banner-error" aria-labelledby="agent-down-title">
      <h2 id="agent-down-title">
        {missing ? t.notInstalledTitle : trouble === 'other' ? t.otherTitle : t.notRunningTitle}
      </h2>
      <p>{missing ? t.missing : t.blocked}</p>
      <p>{missing ? t.install(os) : t.nextStep(os)}</p>
      {connection === 'connecting' && <p className="muted">{t.reconnecting}</p>}
    </section>
  );
}
