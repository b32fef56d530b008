/**
 * The countdown, derived locally: the agent's `expiresAt` measured against the agent's own
 * `now` in the snapshot, advanced by the wall clock since the snapshot arrived. Not
 * performance.now(): it stops while the computer sleeps, so after a 20-minute sleep the
 * countdown would show 20 minutes too many and the warnings would come late. Main fetches
 * the state again on resume / unlock, which re-anchors it.
 */
import type { Grant } from '../../../agent/protocol/schemas.js';

export interface ReceivedSnapshotTime {
  /** The snapshot's `now` (agent wall clock). */
  now: string;
  /** Date.now() when the snapshot was accepted. */
  receivedAt: number;
}

export function remainingMs(
  grant: Pick<Grant, 'expiresAt'>,
  at: ReceivedSnapshotTime,
  wallNow: number,
): number {
  const fromSnapshot = Date.parse(grant.expiresAt) - Date.parse(at.now);
  return Math.max(0, fromSnapshot - (wallNow - at.receivedAt));
}

/** Fraction of the grant still left, 1 → 0, for the progress ring. */
export function remainingFraction(
  grant: Pick<Grant, 'grantedAt' | 'expiresAt'>,
  remaining: number,
): number {
  const total = Date.parse(grant.expiresAt) - Date.parse(grant.grantedAt);
  if (!(total > 0)) return 0;
  return Math.min(1, Math.max(0, remaining / total));
}

/** Milliseconds until the displayed whole second changes, so ticks land on the boundary. */
export function msToNextSecond(remaining: number): number {
  const r = remaining % 1000;
  return r === 0 ? 1000 : r;
}

/**
 * The warning point (from policy.warnBeforeSec) crossed between two readings, if any: the
 * smallest one with before > point >= after. Only this is announced, never every second.
 */
export function crossedWarning(
  beforeSec: number,
  afterSec: number,
  warnBeforeSec: readonly number[],
): number | null {
  const crossed = warnBeforeSec.filter((p) => beforeSec > p && afterSec <= p);
  return crossed.length ? Math.min(...crossed) : null;
}

/** Within the policy's earliest warning point (5 minutes when it lists none). */
export function isEndingSoon(
  remaining: number,
  warnBeforeSec: readonly number[] | undefined,
): boolean {
  return remaining <= Math.max(...(warnBeforeSec?.length ? warnBeforeSec : [300])) * 1000;
}
