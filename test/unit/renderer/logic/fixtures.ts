import type { AuditEvent, Snapshot } from '../../../../agent/protocol/schemas.js';

/** A realistic snapshot (PROTOCOL.md's example) with overrides. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    user: 'sam',
    level: 'none',
    permanentLevel: 'none',
    grant: null,
    request: null,
    policy: {
      selfServe: true,
      approvalRequired: false,
      levels: ['admin'],
      durationsSec: [600, 1800, 3600],
      maxDurationSec: 3600,
      requireReason: true,
      reasonMinLength: 10,
      reasonMaxLength: 250,
      maxExtensions: 2,
      warnBeforeSec: [300, 60],
      requireSignedRequests: false,
      maxRequestsPerHour: 10,
    },
    platform: { os: 'linux', logoutHint: null },
    now: '2026-11-24T10:01:00.000Z',
    seq: 1,
    ...over,
  };
}

export function grant(
  over: Partial<NonNullable<Snapshot['grant']>> = {},
): NonNullable<Snapshot['grant']> {
  return {
    id: 'g_1',
    level: 'admin',
    grantedAt: '2026-11-24T10:00:00.000Z',
    expiresAt: '2026-11-24T10:10:00.000Z',
    source: 'admin',
    grantedBy: 'root',
    reason: 'install BBEdit',
    extensionsUsed: 0,
    extensionsLeft: 2,
    ...over,
  };
}

let n = 0;
export function event(
  type: AuditEvent['type'],
  at: string,
  over: Partial<AuditEvent> = {},
): AuditEvent {
  n += 1;
  return { id: `e_${n}`, at, type, user: 'sam', actor: 'root', ...over };
}
