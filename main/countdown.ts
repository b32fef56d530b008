/**
 * The grant's remaining time, derived from the agent's own clock. The local wall clock can be
 * wrong or moved, so the remaining time is taken from the snapshot (`expiresAt - now`, both the
 * agent's) and then counted down on a monotonic clock from the instant the snapshot arrived.
 */
import type { Snapshot } from '../agent/protocol/schemas.js';

/** Milliseconds from an arbitrary origin that never goes back (performance.now in production). */
export type MonotonicClock = () => number;
export const monotonicNow: MonotonicClock = () => performance.now();

interface Anchor {
  grantId: string;
  remainingAtReceiptMs: number;
  receivedAtMono: number;
  totalMs: number;
}

export class Countdown {
  private anchor: Anchor | null = null;
  private lastSeq = -1;

  /**
   * Takes a snapshot if its seq is newer than the last one taken; returns whether it did.
   * Every newer snapshot re-anchors, so any drift is corrected at each push.
   */
  accept(snapshot: Snapshot, monoNow: number): boolean {
    if (snapshot.seq <= this.lastSeq) return false;
    this.lastSeq = snapshot.seq;
    const grant = snapshot.grant;
    if (!grant) {
      this.anchor = null;
      return true;
    }
    const expires = Date.parse(grant.expiresAt);
    this.anchor = {
      grantId: grant.id,
      remainingAtReceiptMs: Math.max(0, expires - Date.parse(snapshot.now)),
      receivedAtMono: monoNow,
      totalMs: Math.max(1, expires - Date.parse(grant.grantedAt)),
    };
    return true;
  }

  /** A new connection may come from a restarted agent whose seq started again. */
  resetSeq(): void {
    this.lastSeq = -1;
  }

  /** Remaining ms of the active grant (never below 0), or null when there is none. */
  remainingMs(monoNow: number): number | null {
    if (!this.anchor) return null;
    const elapsed = Math.max(0, monoNow - this.anchor.receivedAtMono);
    return Math.max(0, this.anchor.remainingAtReceiptMs - elapsed);
  }

  /** The grant's whole length (grantedAt → expiresAt), for progress rings; null without a grant. */
  totalMs(): number | null {
    return this.anchor?.totalMs ?? null;
  }

  grantId(): string | null {
    return this.anchor?.grantId ?? null;
  }
}

/**
 * Delay until the countdown's displayed second next changes (plus a small margin so the
 * redraw lands just after the boundary, not just before it); one second without a grant.
 */
export function msUntilNextSecond(remainingMs: number | null): number {
  if (remainingMs === null || remainingMs <= 0) return 1000;
  const intoSecond = remainingMs % 1000;
  return (intoSecond === 0 ? 1000 : intoSecond) + 5;
}
