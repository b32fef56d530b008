/**
 * The logic of `elevate watch`, free of terminals and timers: how much time is left, which
 * warning is due, and what each line says. The agent is the source of truth: time left is the
 * snapshot's `expiresAt - now` minus the wall-clock time since that snapshot arrived. A
 * monotonic clock would be wrong here: it stops while the computer sleeps, so after a
 * 20-minute sleep the countdown would show 20 minutes too many and warnings would come late.
 */
import { helpDeskLines } from './code-commands.js';
import { isRequestCurrent } from '../protocol/request-current.js';
import type { Snapshot } from '../protocol/schemas.js';
import { formatClock, formatDuration } from './duration.js';
import { formatLocalTime } from './format.js';
import { levelLabel, t, whoFor } from './locale.js';

export interface Anchored {
  snapshot: Snapshot;
  /** Local wall clock (Date.now()) when the snapshot arrived. */
  receivedAtWall: number;
}

/** Milliseconds of the grant left at local wall-clock instant `nowWall`, or null without a grant. */
export function remainingMs(a: Anchored, nowWall: number): number | null {
  const g = a.snapshot.grant;
  if (!g) return null;
  return Date.parse(g.expiresAt) - Date.parse(a.snapshot.now) - (nowWall - a.receivedAtWall);
}

/**
 * Whether the wall clock moved differently from the monotonic clock between two readings:
 * the computer slept (the monotonic clock stopped) or someone set the clock. Either way, ask
 * the agent again rather than trust the local arithmetic.
 */
export function clockJumped(
  prev: { wall: number; mono: number },
  now: { wall: number; mono: number },
  toleranceMs = 2000,
): boolean {
  return Math.abs(now.wall - prev.wall - (now.mono - prev.mono)) > toleranceMs;
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

export function warningLine(
  level: NonNullable<Snapshot['grant']>['level'],
  thresholdSec: number,
): string {
  return t.watch.warning(t.rights[level], formatDuration(thresholdSec));
}

/**
 * The live line: "Administrator: 4:59 left, until 14:05:30". Without `clock` (output that is
 * not a terminal, printed once per deadline) the ticking part is left out.
 */
export function countdownLine(
  s: Snapshot,
  remaining: number,
  clock = true,
  localNow: Date = new Date(),
): string {
  const g = s.grant;
  if (!g) return t.watch.noRights(levelLabel(s.level));
  const until = formatLocalTime(g.expiresAt, localNow);
  const level = levelLabel(g.level);
  if (remaining <= 0) return t.watch.endingNow(level, until);
  return clock ? t.watch.clock(level, formatClock(remaining), until) : t.watch.until(level, until);
}

/**
 * Lines for what changed between two snapshots, printed once each: a request's progress
 * (with the admin's note) and a deadline that moved (which supersedes any warning shown).
 */
export function changeLines(prev: Snapshot, next: Snapshot, localNow: Date = new Date()): string[] {
  const out: string[] = [];
  const r = next.request;
  const requestNews =
    r && isRequestCurrent(next) && (prev.request?.id !== r.id || prev.request.state !== r.state);
  if (r && requestNews) {
    const what = requestWhat(r);
    const note = r.note ?? null;
    const by = r.decidedBy ? whoFor(r.decidedBy, next.user) : null;
    if (r.state === 'pending') {
      out.push(t.watch.waiting(r.id, what), ...helpDeskLines(next, 'elevate'));
    }
    if (r.state === 'approved') out.push(t.watch.approved(r.id, what, by, note));
    if (r.state === 'denied') out.push(t.watch.denied(r.id, what, by, note));
    if (r.state === 'cancelled') {
      out.push(
        r.decidedBy === next.user
          ? t.watch.cancelledByYou(r.id, what)
          : t.watch.cancelledBy(r.id, what, by, note),
      );
    }
  }
  const a = prev.grant;
  const b = next.grant;
  if (a && b && a.expiresAt !== b.expiresAt) {
    const until = formatLocalTime(b.expiresAt, localNow);
    out.push(
      a.id === b.id && b.level === a.level
        ? t.watch.moved(t.rights[b.level], until)
        : t.watch.changed(levelLabel(b.level), until),
    );
  }
  return out;
}

/** The agent went away: the popover's sentence, plus the deadline that still holds. */
export function agentGoneLine(s: Snapshot | null, localNow: Date = new Date()): string {
  const g = s?.grant;
  return g
    ? `${t.watch.agentGone} ${t.watch.stillEnds(formatLocalTime(g.expiresAt, localNow))}`
    : t.watch.agentGone;
}

/** "Administrator for 10 min" or, for an extension, "30 min more". */
function requestWhat(r: NonNullable<Snapshot['request']>): string {
  return r.kind === 'extend'
    ? t.watch.more(formatDuration(r.durationSec))
    : t.watch.levelFor(levelLabel(r.level), formatDuration(r.durationSec));
}

export function pendingLine(s: Snapshot): string {
  const r = s.request;
  return r ? t.watch.pending(r.id, requestWhat(r)) : '';
}

/** How `watch` ends, given the latest snapshot, or null while it goes on. */
export type WatchEnd = { code: 0 | 1; message: string };
export function watchOutcome(s: Snapshot, hadGrant: boolean): WatchEnd | null {
  if (s.grant) return null;
  const r = s.request;
  if (r?.state === 'pending') return null;
  if (hadGrant) {
    const e = s.ended;
    // Ended by someone else: say who, and the reason they wrote.
    const message =
      e && e.how !== 'expired' && e.by !== s.user
        ? t.watch.endedBy(whoFor(e.by, s.user), e.reason ?? null, levelLabel(s.level))
        : t.watch.ended(levelLabel(s.level));
    return { code: 0, message };
  }
  if (r?.state === 'denied') {
    return {
      code: 1,
      message: t.watch.deniedEnd(
        r.id,
        r.decidedBy ? whoFor(r.decidedBy, s.user) : null,
        r.note ?? null,
      ),
    };
  }
  if (r?.state === 'cancelled') return { code: 0, message: t.watch.cancelledEnd(r.id) };
  return { code: 0, message: t.watch.nothing(levelLabel(s.level)) };
}
