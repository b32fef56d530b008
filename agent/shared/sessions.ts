/**
 * Turns a person's audit events into a short list of past and current sessions: what the
 * popover's "Recent sessions" and `elevate history` both show. Pure, and free of zod so the
 * renderer bundle can use it.
 */
import type { AuditEvent, Level } from '../protocol/schemas.js';

export type SessionEnd = 'active' | 'released' | 'expired' | 'revoked' | 'unknown';

export interface Session {
  grantId: string;
  level: Level;
  start: string;
  end: string | null;
  endedBy: SessionEnd;
  grantedBy: string;
  reason: string | null;
  extensions: number;
  /** `privilege.used` events: commands run with sudo during the session. */
  commands: number;
  /** Those commands as run, oldest first (the event's `detail.command`). */
  commandLines: string[];
}

const END_TYPES: Partial<Record<AuditEvent['type'], SessionEnd>> = {
  'privilege.released': 'released',
  'privilege.expired': 'expired',
  'privilege.revoked': 'revoked',
};

/**
 * Groups events by grantId, newest session first. Events may come in any order; a session
 * whose `privilege.granted` fell outside the fetched window is left out rather than shown
 * with a made-up start.
 */
export function groupSessions(
  events: readonly AuditEvent[],
  activeGrantId: string | null,
  max = 5,
): Session[] {
  const byGrant = new Map<string, AuditEvent[]>();
  for (const e of events) {
    if (!e.grantId) continue;
    const list = byGrant.get(e.grantId) ?? [];
    list.push(e);
    byGrant.set(e.grantId, list);
  }
  const sessions: Session[] = [];
  for (const [grantId, list] of byGrant) {
    const ordered = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const granted = ordered.filter((e) => e.type === 'privilege.granted');
    const first = granted[0];
    if (!first) continue;
    const last = granted[granted.length - 1] ?? first;
    const ending = ordered.find((e) => END_TYPES[e.type] !== undefined);
    const endedBy: SessionEnd = ending
      ? (END_TYPES[ending.type] ?? 'unknown')
      : grantId === activeGrantId
        ? 'active'
        : 'unknown';
    sessions.push({
      grantId,
      level: last.level ?? 'admin',
      start: first.at,
      end: ending?.at ?? null,
      endedBy,
      grantedBy: first.actor,
      reason: first.reason ?? null,
      extensions: ordered.filter((e) => e.type === 'privilege.extended').length,
      commands: ordered.filter((e) => e.type === 'privilege.used').length,
      commandLines: ordered
        .filter((e) => e.type === 'privilege.used')
        .map((e) => e.detail?.command)
        .filter((c): c is string => typeof c === 'string'),
    });
  }
  sessions.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  return sessions.slice(0, max);
}

export function sessionEndLabel(s: Pick<Session, 'endedBy'>): string {
  switch (s.endedBy) {
    case 'active':
      return 'Active now';
    case 'released':
      return 'Stopped early';
    case 'expired':
      return 'Ended on time';
    case 'revoked':
      return 'Ended by an administrator';
    case 'unknown':
      return 'Ended';
  }
}

export function commandsLabel(commands: number): string | null {
  if (commands <= 0) return null;
  return `${commands} ${commands === 1 ? 'command' : 'commands'} run with sudo`;
}
