import type { AuditEvent } from '../../../agent/protocol/schemas.js';

/** A privilege.granted event numbered `i`, with an id that sorts by `i` and a unique tag. */
export function sampleEvent(i: number, tag = 't'): AuditEvent {
  return {
    id: `e_${tag}${String(i).padStart(6, '0')}`,
    at: new Date(Date.UTC(2026, 10, 24, 10, 0, 0) + i * 1000).toISOString(),
    type: 'privilege.granted',
    user: 'sam',
    level: 'admin',
    grantId: `g_${i}`,
    actor: 'root',
    reason: `install BBEdit #${i}`,
    detail: { durationSec: 1800, source: 'admin' },
  };
}
