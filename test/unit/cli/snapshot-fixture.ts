import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { makeGrant, makeSnapshot } from '../../helpers/snapshots.js';

/** An elevated person's snapshot, 30 s into an admin grant, with overrides. */
export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return makeSnapshot({
    level: 'admin',
    grant: makeGrant({ source: 'admin' }),
    now: '2026-11-24T10:00:30.000Z',
    seq: 5,
    ...over,
  });
}
