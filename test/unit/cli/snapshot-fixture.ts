import type { Snapshot } from '../../../agent/protocol/schemas.js';

/** A snapshot as the agent sends it (PROTOCOL.md), with the parts a test changes overridable. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    user: 'sam',
    level: 'admin',
    permanentLevel: 'none',
    grant: {
      id: 'g_1',
      level: 'admin',
      grantedAt: '2026-11-24T10:00:00.000Z',
      expiresAt: '2026-11-24T10:10:00.000Z',
      source: 'admin',
      grantedBy: 'root',
      reason: 'install BBEdit',
      extensionsUsed: 0,
      extensionsLeft: 2,
    },
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
    now: '2026-11-24T10:00:30.000Z',
    seq: 5,
    ...over,
  };
}
