import { useText } from '../i18n/index.js';
import { hostOs } from '../logic/host-os.js';
import { useStore } from '../store/store.js';

/**
 * The OS's secret store (Keychain, Credential Manager, keyring) cannot be used, so signed
 * requests cannot be made. Shown only while the agent answers (otherwise the agent banner is
 * the one that matters, and "you can still stop your rights" would not be true) and only when
 * the policy refuses unsigned requests: otherwise nothing changes for the person.
 */
export function KeychainNotice() {
  const t = useText().secureStore;
  const show = useStore(
    (s) =>
      s.keychain === 'unavailable' &&
      s.connection === 'connected' &&
      s.snapshot?.policy.requireSignedRequests === true,
  );
  const os = useStore((s) => hostOs(s.snapshot, navigator.platform));
  if (!show) return null;
  return (
    <section className="banner banner-warn" aria-labelledby="keychain-title">
      <h2 id="keychain-title">{t.title(os)}</h2>
      <p>{t.body}</p>
      <p>{t.nextStep(os)}</p>
    </section>
  );
}
