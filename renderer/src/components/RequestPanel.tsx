import { useEffect, useRef } from 'react';
import { requestOffer } from '../logic/durations.js';
import { isEndingSoon, remainingMs } from '../logic/countdown.js';
import { useText } from '../i18n/index.js';
import { openRequest } from '../store/actions.js';
import { useStore } from '../store/store.js';
import { RequestForm } from './RequestForm.js';
import { RequestStatus } from './RequestStatus.js';

export function RequestPanel() {
  const snapshot = useStore((s) => s.snapshot);
  const open = useStore((s) => s.requestOpen);
  const error = useStore((s) => s.actionError);
  // Rights about to end: more time is the next step, so it is the button that stands out.
  const endingSoon = useStore((s) => {
    const grant = s.snapshot?.grant;
    if (!grant || !s.snapshot || s.connection !== 'connected') return false;
    const left = remainingMs(grant, { now: s.snapshot.now, receivedAt: s.receivedAt }, s.wallNow);
    return isEndingSoon(left, s.snapshot.policy.warnBeforeSec);
  });
  const all = useText();
  const t = all.request;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!snapshot) return null;
  const pending = snapshot.request?.state === 'pending';
  const offer = requestOffer(snapshot, all);
  return (
    <section className="request" aria-label={all.app.requests}>
      <RequestStatus />
      {error && !open && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!pending && offer.kind === 'none' && snapshot.grant && <p className="muted">{offer.why}</p>}
      {!pending && offer.kind !== 'none' && !open && (
        <div className="actions">
          <button
            ref={toggleRef}
            type="button"
            className={offer.kind === 'extend' && endingSoon ? 'primary' : undefined}
            onClick={openRequest}
          >
            {offer.kind === 'extend' ? t.openExtend : t.openElevate}
          </button>
        </div>
      )}
      {!pending && offer.kind !== 'none' && open && <RequestForm offer={offer} />}
    </section>
  );
}
