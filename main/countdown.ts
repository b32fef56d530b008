/**
 * The grant's remaining time: the agent's deadline against the wall clock. The snapshot gives
 * `expiresAt - now` (both the agent's), and the wall clock measures the time since it arrived.
 * Not a monotonic clock: performance.now() stops while the computer sleeps (macOS
 * mach_absolute_time, Linux CLOCK_MONOTONIC), so after a 20-minute sleep the countdown would
 * show 20 minutes too many and the warnings would come late or never. The agent and the tray
 * share the computer's clock; a clock set by hand is caught when the agent's next snapshot
 * (pushed, or fetched again on resume / unlock) re-anchors the countdown.
 */
import type { Snapshot } from '../agent/protocol/schemas.js';

/** Milliseconds since the epoch (Date.now in production; tests inject one that jumps). */
export type WallClock = () => number;

interface Anchor {
  grantId: string;
  /** The deadline on the local wall clock. */
  deadline: number;
  totalMs: number;
}

export class Countdown {
  private anchor: Anchor | null = null;
  private lastSeq = -1;

  constructor(private readonly now: WallClock = () => Date.now()) {}

  /** Takes a snapshot if its seq is newer than the last one taken; returns whether it did. */
  accept(snapshot: Snapshot): boolean {
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
      deadline: this.now() + Math.max(0, expires - Date.parse(snapshot.now)),
      totalMs: Math.max(1, expires - Date.parse(grant.grantedAt)),
    };
    return true;
  }

  /** A new connection may come from a restarted agent whose seq started again. */
  resetSeq(): void {
    this.lastSeq = -1;
  }

  /** Remaining ms of the active grant (never below 0), or null when there is none. */
  remainingMs(): number | null {
    if (!this.anchor) return null;
    return Math.max(0, this.anchor.deadline - this.now());
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
