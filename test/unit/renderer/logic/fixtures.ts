import type { Grant, Snapshot } from '../../../../agent/protocol/schemas.js';
import { makeGrant, makeSnapshot } from '../../../helpers/snapshots.js';

export { makeEvent as event } from '../../../helpers/snapshots.js';

/** A standard user's snapshot one minute after T0, with overrides. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return makeSnapshot({ now: '2026-11-24T10:01:00.000Z', ...over });
}

/** A ten-minute admin grant from T0, with overrides. */
export function grant(over: Partial<Grant> = {}): Grant {
  return makeGrant({ source: 'admin', ...over });
}
