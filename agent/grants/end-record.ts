/**
 * What an end of rights leaves in the record once the OS change is undone: the end event and
 * `privilege.restored` (each written once, so a retried or recovered end never doubles them),
 * the user's `lastEnd` for the tray, and the cancelling of extension requests that can no
 * longer mean anything. The caller saves the state.
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { Backend } from '../backends/backend.js';
import { en } from '../i18n/en.js';
import type { EndKind, GrantRecord, UserState } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';
import { setLogoutHint } from './logout-hints.js';

const END_EVENT = {
  expired: 'privilege.expired',
  released: 'privilege.released',
  revoked: 'privilege.revoked',
} as const;

export async function recordEnd(
  deps: { audit: AuditLog; store: StateStore; now: number; os: Backend['os'] },
  u: UserState,
  user: string,
  g: GrantRecord,
  how: { end: EndKind; actor: string; reason: string | null },
  bestEffort: boolean,
): Promise<void> {
  const { audit, store } = deps;
  const { end, actor, reason } = how;
  const at = new Date(deps.now).toISOString();
  if (!audit.hasEvent(user, END_EVENT[end], g.id)) {
    await audit.append(
      {
        type: END_EVENT[end],
        user,
        level: g.level,
        grantId: g.id,
        actor,
        ...(reason ? { reason } : {}),
        detail: { expiresAt: g.expiresAt },
      },
      { bestEffort },
    );
  }
  if (!audit.hasEvent(user, 'privilege.restored', g.id)) {
    await audit.append(
      {
        type: 'privilege.restored',
        user,
        level: g.prior.permanentLevel,
        grantId: g.id,
        actor: 'agent',
        detail: {
          adminGroupMember: g.prior.adminGroupMember,
          dropIn: g.prior.dropIn !== null,
          ...(u.restoreFailure?.grantId === g.id && {
            refusedAttempts: u.restoreFailure.attempts,
          }),
        },
      },
      { bestEffort },
    );
  }
  u.grant = null;
  u.pending = null;
  u.restoreFailure = null;
  u.lastEnd = { grantId: g.id, level: g.level, how: end, at, by: actor, reason };
  store.bump(u);
  if (deps.os === 'win32') setLogoutHint(u, 'revoke');
  for (const r of u.requests) {
    if (r.state === 'pending' && r.kind === 'extend') {
      r.state = 'cancelled';
      r.decidedAt = at;
      r.decidedBy = 'agent';
      r.note = en.recorded.extendedEnded;
    }
  }
}
