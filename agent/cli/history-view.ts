/**
 * `elevate history`: the person's sessions as the popover lists them ("Recent sessions"), one
 * block each: level and how it ended, when and by whom, then each command run with sudo.
 */
import type { AuditEvent } from '../protocol/schemas.js';
import { groupSessions, type Session } from '../shared/sessions.js';
import { cliIntlTag, levelLabel, t, whoFor } from './locale.js';
import { oneLine, truncate } from './table.js';

/** Where and how the dates are written: the person's locale and zone unless a test pins them. */
export interface Place {
  locale?: string | undefined;
  timeZone?: string | undefined;
  /** The person reading: who gave each grant is said as they read it ("you", "an administrator"). */
  user?: string | undefined;
}

function when(iso: string, opts: Intl.DateTimeFormatOptions, place: Place): string {
  return new Intl.DateTimeFormat(place.locale ?? cliIntlTag, {
    ...opts,
    timeZone: place.timeZone,
  }).format(new Date(iso));
}

export function renderSession(s: Session, width = 100, place: Place = {}): string {
  const start = when(
    s.start,
    { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
    place,
  );
  const end = s.end ? ` – ${when(s.end, { hour: '2-digit', minute: '2-digit' }, place)}` : '';
  const by = place.user === undefined ? s.grantedBy : whoFor(s.grantedBy, place.user, true);
  const facts = [`${start}${end}`, t.history.by(by)];
  if (s.extensions) facts.push(t.history.extended(s.extensions));
  if (s.commands) facts.push(t.history.commands(s.commands));
  return [
    `${levelLabel(s.level)} · ${t.history.end(s.endedBy)}`,
    `  ${facts.join(' · ')}`,
    ...(s.reason ? [`  ${t.history.reason(truncate(oneLine(s.reason), width - 10))}`] : []),
    ...s.commandLines.map((c) => `  $ ${truncate(oneLine(c), width - 4)}`),
  ].join('\n');
}

export function renderHistory(
  events: readonly AuditEvent[],
  activeGrantId: string | null,
  max: number,
  width?: number,
  place: Place = {},
): string {
  const sessions = groupSessions(events, activeGrantId, max);
  if (sessions.length === 0) return t.history.none;
  return sessions.map((s) => renderSession(s, width, place)).join('\n\n');
}
