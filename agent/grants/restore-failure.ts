/**
 * When the OS refuses part of ending a grant. The backend has already removed everything it
 * could (on Linux the sudoers drop-in first); what is left must never be silent: the state
 * keeps the restore due (`pending`), `restoreFailure` shows it in status, and an audit event
 * (forwarded like any other) says what failed. The event is written on the first refusal and
 * whenever the reason changes, not on every one-second retry, so a stuck end cannot flood the
 * trail.
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { GrantRecord, UserState } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';

/** How often an end the OS refused is tried again. */
export const RESTORE_RETRY_MS = 1000;

export async function recordRestoreFailure(
  deps: { store: StateStore; audit: AuditLog; now: number },
  u: UserState,
  user: string,
  g: GrantRecord,
  error: string,
): Promise<void> {
  const at = new Date(deps.now).toISOString();
  const last = u.restoreFailure?.grantId === g.id ? u.restoreFailure : null;
  const attempts = (last?.attempts ?? 0) + 1;
  u.restoreFailure = { grantId: g.id, since: last?.since ?? at, error, attempts };
  if (last?.error === error) return;
  deps.store.bump(u);
  await deps.audit.append(
    {
      type: 'privilege.restore_failed',
      user,
      level: g.level,
      grantId: g.id,
      actor: 'agent',
      detail: {
        error,
        attempt: attempts,
        end: u.pending?.op === 'restore' ? u.pending.end : 'expired',
        retryEverySec: RESTORE_RETRY_MS / 1000,
      },
    },
    { bestEffort: true },
  );
}
