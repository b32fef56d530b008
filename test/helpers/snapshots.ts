/** Valid protocol snapshots, grants and audit events for unit tests and benchmarks. */
import {
  SnapshotSchema,
  type AuditEvent,
  type Grant,
  type Snapshot,
} from '../../agent/protocol/schemas.js';

export const T0 = Date.parse('2026-11-24T10:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

export function makeGrant(over: Partial<Grant> = {}, lengthSec = 600, grantedAt = T0): Grant {
  return {
    id: 'g_1',
    level: 'admin',
    grantedAt: iso(grantedAt),
    expiresAt: iso(grantedAt + lengthSec * 1000),
    source: 'self-serve',
    grantedBy: 'root',
    reason: 'install BBEdit',
    extensionsUsed: 0,
    extensionsLeft: 2,
    ...over,
  };
}

export function makeSnapshot(over: Partial<Snapshot> = {}): Snapshot {
  const s: Snapshot = {
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
    now: iso(T0),
    seq: 1,
    ...over,
  };
  return SnapshotSchema.parse(s);
}

let eventCount = 0;
export function makeEvent(
  type: AuditEvent['type'],
  at: string,
  over: Partial<AuditEvent> = {},
): AuditEvent {
  eventCount += 1;
  return { id: `e_${eventCount}`, at, type, user: 'sam', actor: 'root', ...over };
}
