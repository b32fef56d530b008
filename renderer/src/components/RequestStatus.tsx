import { ApprovalCode } from './ApprovalCode.js';
import { useWords } from '../i18n/index.js';
import { isRequestCurrent } from '../../../agent/protocol/request-current.js';
import { cancelRequest } from '../store/actions.js';
import { useStore } from '../store/store.js';

export function RequestStatus() {
  const request = useStore((s) => s.snapshot?.request ?? null);
  const current = useStore((s) => (s.snapshot ? isRequestCurrent(s.snapshot) : false));
  const busy = useStore((s) => s.busy === 'cancel');
  const w = useWords();
  const t = w.t.status;
  if (!request || !current) return null;
  const what =
    request.kind === 'extend'
      ? t.more(w.duration(request.durationSec))
      : t.levelFor(w.level(request.level), w.duration(request.durationSec));
  const by = request.decidedBy ? t.by(w.who(request.decidedBy)) : '';
  return (
    <div className={`request-status request-${request.state}`} data-testid="request-status">
      {request.state === 'pending' && (
        <>
          <p>
            <strong>{t.pending}</strong> {what}. {t.waiting}
          </p>
          {request.code && <ApprovalCode requestCode={request.code} />}
          <button type="button" onClick={() => void cancelRequest(request.id)} disabled={busy}>
            {busy ? t.cancelling : t.cancel}
          </button>
        </>
      )}
      {request.state === 'approved' && (
        <p>
          <strong>{t.approved(by)}</strong> {what}.
          {request.note ? <> {t.note(request.note)}</> : null}
        </p>
      )}
      {request.state === 'denied' && (
        <p>
          <strong>{t.denied(by)}</strong> {what}.
          {request.note ? <> {t.note(request.note)}</> : null}
        </p>
      )}
      {request.state === 'cancelled' && (
        <p className="muted">{t.cancelled(what, w.dayTime(request.createdAt))}</p>
      )}
    </div>
  );
}
