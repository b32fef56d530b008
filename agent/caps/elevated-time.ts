/**
 * Elevated time per person, counted from the audit trail of real grants (a grant counts from
 * `privilege.granted` to its end event, so rights given back early count only what was used;
 * an active grant counts up to its current deadline). Feeds the maxElevatedSecPer* caps.
 */
import type { AuditEvent } from '../protocol/schemas.js';
import type { Allowance } from '../protocol/policy-additions.js';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

interface Span {
  start: number;
  end: number;
  open: boolean;
}

export interface Caps {
  maxElevatedSecPerDay: number | null;
  maxElevatedSecPerWeek: number | null;
}

const END_TYPES = new Set(['privilege.expired', 'privilege.released', 'privilege.revoked']);

export class ElevatedTime {
  private readonly spans = new Map<string, Map<string, Span>>();

  /** Feed every audit event, oldest first (the trail at start, then each appended event). */
  ingest(e: AuditEvent): void {
    if (!e.user || !e.grantId) return;
    const at = Date.parse(e.at);
    let byGrant = this.spans.get(e.user);
    const span = byGrant?.get(e.grantId);
    const to = deadlineIn(e);
    if (e.type === 'privilege.granted' || e.type === 'privilege.extended') {
      if (span) {
        if (to !== null) span.end = to;
        return;
      }
      if (e.type === 'privilege.extended' || to === null) return;
      if (!byGrant) this.spans.set(e.user, (byGrant = new Map()));
      byGrant.set(e.grantId, { start: at, end: to, open: true });
    } else if (END_TYPES.has(e.type) && span?.open) {
      span.end = Math.max(at, span.start);
      span.open = false;
    }
  }

  /** Seconds of elevated time in the window ending now (an active grant up to its deadline). */
  usedSec(user: string, now: number, windowMs: number): number {
    let ms = 0;
    for (const s of this.spans.get(user)?.values() ?? []) {
      ms += Math.max(0, s.end - Math.max(s.start, now - windowMs));
    }
    return Math.ceil(ms / 1000);
  }

  /** Seconds the active grant still has to run (already counted in usedSec). */
  remainingSec(user: string, now: number): number {
    let ms = 0;
    for (const s of this.spans.get(user)?.values() ?? []) {
      if (s.open) ms += Math.max(0, s.end - now);
    }
    return Math.floor(ms / 1000);
  }

  /** What the caps leave now, or null when the policy sets none. */
  allowance(user: string, caps: Caps, now: number): Allowance | null {
    const day = caps.maxElevatedSecPerDay;
    const week = caps.maxElevatedSecPerWeek;
    if (day === null && week === null) return null;
    const usedDaySec = this.usedSec(user, now, DAY_MS);
    const usedWeekSec = this.usedSec(user, now, WEEK_MS);
    const dayLeft = day === null ? Infinity : Math.max(0, day - usedDaySec);
    const weekLeft = week === null ? Infinity : Math.max(0, week - usedWeekSec);
    const limiting = dayLeft <= weekLeft ? DAY_MS : WEEK_MS;
    const oldest = this.oldestCounted(user, now, limiting);
    return {
      leftSec: Math.min(dayLeft, weekLeft),
      usedDaySec,
      usedWeekSec,
      moreAt: oldest === null ? null : new Date(oldest + limiting).toISOString(),
    };
  }

  /** Forgets spans that can no longer count (ended more than a week ago). */
  prune(now: number): void {
    for (const [user, byGrant] of this.spans) {
      for (const [id, s] of byGrant) if (!s.open && s.end < now - WEEK_MS) byGrant.delete(id);
      if (byGrant.size === 0) this.spans.delete(user);
    }
  }

  private oldestCounted(user: string, now: number, windowMs: number): number | null {
    let oldest: number | null = null;
    for (const s of this.spans.get(user)?.values() ?? []) {
      if (s.end <= now - windowMs) continue;
      const from = Math.max(s.start, now - windowMs);
      if (oldest === null || from < oldest) oldest = from;
    }
    return oldest;
  }
}

/** The deadline a granted/extended event sets: detail.expiresAt (new grant) or detail.to. */
function deadlineIn(e: AuditEvent): number | null {
  const d = e.detail ?? {};
  const v = typeof d.to === 'string' ? d.to : typeof d.expiresAt === 'string' ? d.expiresAt : null;
  const ms = v === null ? NaN : Date.parse(v);
  return Number.isFinite(ms) ? ms : null;
}
