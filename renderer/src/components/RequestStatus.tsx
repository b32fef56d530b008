import { ApprovalCode } from './ApprovalCode.js';
import { formatDateTime, formatDuration, levelLabel } from '../logic/format.js';
import { isRequestCurrent } from '../../../agent/protocol/request-current.js';
import { cancelRequest } from '../store/actions.js';
import { useStore } from '../store/store.js';

export function RequestStatus() {
  const request = useStore((s) => s.snapshot?.request ?? null);
  const current = useStore((s) => (s.snapshot ? isRequestCurrent(s.snapshot) : false));
  const busy = useStore((s) => s.busy === 'cancel');
  if (!request || !current) return null;
  const what =
    request.kind === 'extend'
      ? `${formatDuration(request.durationSec)} more`
      : `${levelLabel(request.level)} for ${formatDuration(request.durationSec)}`;
  const by = request.decidedBy ? ` by ${request.decidedBy}` : '';
  return (
    <div className={`request-status request-${request.state}`} data-testid="request-status">
      {request.state === 'pending' && (
        <>
          <p>
            <strong>Request pending:</strong> {what}. Waiting for an administrator.
          </p>
          {request.code && <ApprovalCode requestCode={request.code} />}
          <button type="button" onClick={() => void cancelRequest(request.id)} disabled={busy}>
            {busy ? 'Cancelling…' : 'Cancel request'}
          </button>
        </>
      )}
      {request.state === 'approved' && (
        <p>
          <strong>Request approved{by}:</strong> {what}.
          {request.note ? <> Note: “{request.note}”</> : null}
        </p>
      )}
      {request.state === 'denied' && (
        <p>
          <strong>Request denied{by}:</strong> {what}.
          {request.note ? <> Note: “{request.note}”</> : null}
        </p>
      )}
      {request.state === 'cancelled' && (
        <p className="muted">
          Request cancelled ({what}, {formatDateTime(request.createdAt)}).
        </p>
      )}
    </div>
  );
}
