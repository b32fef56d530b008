/**
 * The logic of `elevate watch`, free of terminals and timers: how much time is left, which
 * warning is due, and what the countdown line says. The agent is the source of truth: time
 * left is the snapshot's `expiresAt - now` minus the monotonic time elapsed since that
 * snapshot arrived, so a local wall clock that is wrong or moves never shows a false deadline.
 */
import type { Snapshot } from '../protocol/schemas.js';
import { formatClock, formatDuration } from './duration.js';
import { formatLocalTime } from './format.js';

export interface Anchored {
  snapshot: Snapshot;
  /** Monotonic milliseconds (performance.now()) when the snapshot arrived. */
  receivedAtMono: number;
}

/** Milliseconds of the grant left at monotonic instant `nowMono`, or null without a grant. */
export function remainingMs(a: Anchored, nowMono: number): number | null {
  const g = a.snapshot.grant;
  if (!g) return null;
  return Date.parse(g.expiresAt) - Date.parse(a.snapshot.now) - (nowMono - a.receivedAtMono);
}

/** Whether `next` should replace `current` (PROTOCOL.md: drop a snapshot whose seq is not newer). */
export function isNewer(current: Snapshot | null, next: Snapshot): boolean {
  return current === null || next.seq > current.seq;
}

/**
 * Warnings fire once each, when the time left crosses a `warnBeforeSec` threshold. Thresholds
 * already behind when a deadline is first seen stay quiet (the countdown says it already); a
 * new deadline (extension) re-arms the thresholds it moves back ahead of.
 */
export class WarningTracker {
  private deadline: string | null = null;
  private readonly armed = new Set<number>();

  /** Returns the thresholds (seconds) crossed now, largest first. */
  update(
    expiresAt: string | null,
    remaining: number | null,
    warnBeforeSec: readonly number[],
  ): number[] {
    if (expiresAt === null || remaining === null) {
      this.deadline = null;
      this.armed.clear();
      return [];
    }
    if (expiresAt !== this.deadline) {
      this.deadline = expiresAt;
      this.armed.clear();
      for (const w of warnBeforeSec) if (remaining > w * 1000) this.armed.add(w);
      return [];
    }
    const due = [...this.armed].filter((w) => remaining <= w * 1000).sort((a, b) => b - a);
    for (const w of due) this.armed.delete(w);
    // Crossing several thresholds at once (after sleep) is one warning: the nearest.
    return due.length > 0 ? [due[due.length - 1] as number] : [];
  }
}

export function warningLine(level: string, thresholdSec: number): string {
  return `Warning: your ${level} rights end in ${formatDuration(thresholdSec)}. Save your work or run 'elevate extend'.`;
}

/**
 * The live line: "admin rights: 4:59 left, until 14:05:30". Without `clock` (output that is
 * not a terminal, printed once per deadline) the ticking part is left out.
 */
export function countdownLine(
  s: Snapshot,
  remaining: number,
  clock = true,
  localNow: Date = new Date(),
): string {
  const g = s.grant;
  if (!g) return `No temporary rights (level: ${s.level}).`;
  const until = formatLocalTime(g.expiresAt, localNow);
  if (remaining <= 0) return `${g.level} rights: ending now (deadline ${until})`;
  return clock
    ? `${g.level} rights: ${formatClock(remaining)} left, until ${until}`
    : `${g.level} rights until ${until}`;
}

export function pendingLine(s: Snapshot): string {
  const r = s.request;
  return r
    ? `Waiting for an admin to decide on request ${r.id} (${r.kind}, ${r.level}, ${formatDuration(r.durationSec)})...`
    : '';
}

/** How `watch` ends, given the latest snapshot, or null while it goes on. */
export type WatchEnd = { code: 0 | 1; message: string };
export function watchOutcome(s: Snapshot, hadGrant: boolean): WatchEnd | null {
  if (s.grant) return null;
  const r = s.request;
  if (r?.state === 'pending') return null;
  if (hadGrant)
    return { code: 0, message: `Your temporary rights have ended; your level is now ${s.level}.` };
  if (r?.state === 'denied') {
    return {
      code: 1,
      message: `Your request ${r.id} was denied${r.decidedBy ? ` by ${r.decidedBy}` : ''}${r.note ? `: ${r.note}` : '.'}`,
    };
  }
  if (r?.state === 'cancelled') return { code: 0, message: `Your request ${r.id} was cancelled.` };
  return { code: 0, message: `You have no temporary rights right now (level: ${s.level}).` };
}
