/**
 * How protocol objects read in a terminal. Pure functions of the data (and of "now" and the
 * time zone the caller passes), so unit tests pin the exact text.
 */
import { isRequestCurrent } from '../protocol/request-current.js';
import type {
  AuditEvent,
  ForwarderStatus,
  GrantEnd,
  PrivilegeRequest,
  Snapshot,
} from '../protocol/schemas.js';
import { formatDuration, formatTimeLeft } from './duration.js';
import { dateTimeSeconds } from '../shared/i18n/dates.js';
import { cliIntlTag, levelLabel, t as msg, whoFor } from './locale.js';
import { oneLine, renderFields, renderTable, truncate } from './table.js';

const REASON_WIDTH = 40;
const ctl = msg.ctl;

/** Local clock time; the date is added when the instant is not on the same local day as `now`. */
export function formatLocalTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  // A locale the person set (LANG=de_DE.UTF-8) writes dates its own way; without one, ISO order.
  if (cliIntlTag) return localTime(t, now, cliIntlTag);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
  const sameDay =
    t.getFullYear() === now.getFullYear() &&
    t.getMonth() === now.getMonth() &&
    t.getDate() === now.getDate();
  return sameDay ? time : `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${time}`;
}

function localTime(t: Date, now: Date, tag: string): string {
  const sameDay = t.toDateString() === now.toDateString();
  if (!sameDay) return dateTimeSeconds(t, { tag });
  return new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(t);
}

/** Milliseconds of the grant left by the agent's clock (the snapshot's own `now`). */
export function grantRemainingMs(s: Snapshot): number | null {
  if (!s.grant) return null;
  return Date.parse(s.grant.expiresAt) - Date.parse(s.now);
}

/** An account name as the reader reads it: as recorded for an admin, in words for the person. */
type Who = (by: string, granted?: boolean) => string;
const asRecorded: Who = (by) => by;

/** "revoked by alice at 14:05:00: laptop handed back" (how the last grant ended). */
export function describeEnd(e: GrantEnd, now: Date = new Date(), who: Who = asRecorded): string {
  const by = e.how === 'expired' ? null : who(e.by);
  const at = formatLocalTime(e.at, now);
  return msg.end.line(levelLabel(e.level), msg.end.how[e.how], by, at, e.reason ?? null);
}

export function describeRequest(r: PrivilegeRequest): string {
  const what =
    r.kind === 'extend'
      ? msg.request.extendBy(formatDuration(r.durationSec))
      : msg.request.levelFor(levelLabel(r.level), formatDuration(r.durationSec));
  return msg.request.line(msg.request.state(r.state), r.id, what);
}

/** elevatectl status: one row per user. */
export function renderStatusTable(
  users: readonly Snapshot[],
  now: Date = new Date(),
  width?: number,
): string {
  if (users.length === 0) return ctl.status.empty;
  const rows = users.map((s) => {
    const g = s.grant;
    const left = grantRemainingMs(s);
    return [
      s.user,
      levelLabel(s.level),
      levelLabel(s.permanentLevel),
      left === null ? '-' : formatTimeLeft(left),
      g ? formatLocalTime(g.expiresAt, now) : '-',
      g ? ctl.status.source(g.source) : '-',
      g?.reason ? truncate(g.reason, REASON_WIDTH) : '-',
      s.request ? describeRequest(s.request) : '-',
    ];
  });
  return renderTable(Object.values(ctl.status.columns), rows, width);
}

/** "gpasswd could not ... (12 attempts since 14:05:00); the agent keeps trying every second." */
function describeRestoreFailure(s: Snapshot, now: Date): string {
  const f = s.restoreFailure!;
  return msg.status.restoreFailure(
    f.error.replace(/\.$/, ''),
    f.attempts,
    formatLocalTime(f.since, now),
  );
}

/** Under the status table: whose rights the OS has refused to take away, and why. */
export function renderRestoreFailures(users: readonly Snapshot[], now: Date = new Date()): string {
  const failing = users.filter((s) => s.restoreFailure);
  if (failing.length === 0) return '';
  return [
    ctl.status.restoreFailures,
    ...failing.map((s) => `  ${s.user}: ${describeRestoreFailure(s, now)}`),
  ].join('\n');
}

/**
 * One user's status in full (elevatectl status USER, elevate status). `person`: the person reads
 * it (elevate status): "by an administrator", not "by root".
 */
export function renderSnapshot(s: Snapshot, now: Date = new Date(), person = false): string {
  const m = msg.status;
  const who: Who = person ? (by, granted) => whoFor(by, s.user, granted) : asRecorded;
  const fields: [string, string][] = [
    [m.user, s.user],
    [
      m.level,
      levelLabel(s.level) +
        (s.permanentLevel !== 'none' ? m.permanentOf(levelLabel(s.permanentLevel)) : ''),
    ],
  ];
  const g = s.grant;
  if (g) {
    fields.push(
      [m.grant, m.grantValue(levelLabel(g.level), formatTimeLeft(grantRemainingMs(s) ?? 0))],
      [m.expires, formatLocalTime(g.expiresAt, now)],
      [
        m.granted,
        m.grantedValue(
          formatLocalTime(g.grantedAt, now),
          who(g.grantedBy, true),
          ctl.status.source(g.source),
        ),
      ],
      [m.reason, g.reason ?? '-'],
      [m.extensionsLeft, String(g.extensionsLeft)],
    );
    if (s.usage) fields.push([m.commands, String(s.usage.commands)]);
    if (s.restoreFailure) fields.push([m.removalRefused, describeRestoreFailure(s, now)]);
  } else {
    fields.push([m.grant, m.none]);
    if (s.ended) fields.push([m.lastGrant, describeEnd(s.ended, now, who)]);
  }
  // A request from an earlier grant is not news under this one (same rule as the popover).
  const r = isRequestCurrent(s) ? s.request : null;
  if (r) {
    fields.push([m.latestRequest, describeRequest(r)]);
    if (r.reason) fields.push([m.requestReason, r.reason]);
    if (r.decidedBy)
      fields.push([
        m.decided,
        m.decidedValue(r.decidedAt ? formatLocalTime(r.decidedAt, now) : '', who(r.decidedBy)),
      ]);
    if (r.note) fields.push([m.adminNote, r.note]);
  }
  if (s.platform.simulated) fields.push([m.simulated, m.simulatedValue]);
  if (s.platform.logoutHint === 'grant') fields.push([m.hint, m.logOutToApply]);
  if (s.platform.logoutHint === 'revoke') fields.push([m.hint, m.logOutToFinish]);
  return renderFields(fields);
}

export function renderRequestsTable(
  requests: readonly PrivilegeRequest[],
  now: Date = new Date(),
  width?: number,
): string {
  if (requests.length === 0) return ctl.requests.none;
  return renderTable(
    Object.values(ctl.requests.columns),
    requests.map((r) => [
      r.id,
      r.user ?? '-',
      ctl.requests.kind(r.kind),
      levelLabel(r.level),
      formatDuration(r.durationSec),
      msg.request.state(r.state),
      formatLocalTime(r.createdAt, now),
      r.reason ? truncate(r.reason, REASON_WIDTH) : '-',
      r.note ? truncate(r.note, REASON_WIDTH) : '-',
    ]),
    width,
  );
}

/** What an audit event says beyond its type: reason, then detail as key=value. */
export function describeEvent(e: AuditEvent): string {
  const parts: string[] = [];
  // On a decision the text is the admin's note to the person, not the person's reason.
  const isNote = e.type === 'request.approved' || e.type === 'request.denied';
  if (e.reason) parts.push(`${isNote ? ctl.audit.note : ctl.audit.reason}="${e.reason}"`);
  for (const [k, v] of Object.entries(e.detail ?? {})) {
    parts.push(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  if (e.grantId) parts.push(`grant=${e.grantId}`);
  if (e.requestId) parts.push(`request=${e.requestId}`);
  return parts.join(' ');
}

const EVENT_HEADERS = Object.values(ctl.audit.columns);
function eventCells(e: AuditEvent, now: Date): string[] {
  return [
    formatLocalTime(e.at, now),
    e.type,
    e.user ?? '-',
    e.level ? levelLabel(e.level) : '-',
    e.actor,
    describeEvent(e),
  ];
}

export function renderEventsTable(
  events: readonly AuditEvent[],
  now: Date = new Date(),
  width?: number,
): string {
  if (events.length === 0) return ctl.audit.none;
  return renderTable(
    EVENT_HEADERS,
    events.map((e) => eventCells(e, now)),
    width,
  );
}

/**
 * Fixed-width columns for a stream (audit --follow), where later rows are not known yet.
 * The widths fit the protocol's type names and typical account names.
 */
const FOLLOW_WIDTHS = [19, 20, 12, 17, 12];
export function renderEventHeader(): string {
  return EVENT_HEADERS.map((h, i) =>
    i < FOLLOW_WIDTHS.length ? h.padEnd(FOLLOW_WIDTHS[i] as number) : h,
  )
    .join('  ')
    .trimEnd();
}
export function renderEventLine(e: AuditEvent, now: Date = new Date(), width?: number): string {
  const cells = eventCells(e, now).map(oneLine);
  const fixed = cells
    .slice(0, FOLLOW_WIDTHS.length)
    .map((c, i) => truncate(c, FOLLOW_WIDTHS[i] as number).padEnd(FOLLOW_WIDTHS[i] as number));
  const used = fixed.reduce((a, c) => a + c.length + 2, 0);
  const details = cells.slice(FOLLOW_WIDTHS.length).join(' ');
  const room = width === undefined ? Infinity : Math.max(12, width - used);
  return [...fixed, truncate(details, room)].join('  ').trimEnd();
}

export function renderForwardersTable(
  forwarders: readonly ForwarderStatus[],
  now: Date = new Date(),
  width?: number,
): string {
  return renderTable(
    Object.values(ctl.forwarders.columns),
    forwarders.map((f) => [
      f.name,
      f.type,
      String(f.pending),
      String(f.delivered),
      String(f.dropped),
      f.lastDeliveredAt ? formatLocalTime(f.lastDeliveredAt, now) : '-',
      f.lastError ?? '-',
    ]),
    width,
  );
}

/** What this person may ask for, in one line (elevate status). */
export function describePolicy(p: Snapshot['policy']): string {
  const m = msg.policy;
  const how = p.selfServe ? m.atOnce : p.approvalRequired ? m.afterApproval : m.notAvailable;
  if (!p.selfServe && !p.approvalRequired) return m.closed(how);
  const reason = p.requireReason ? m.reasonMin(p.reasonMinLength) : '';
  const levels = p.levels.map(levelLabel).join(m.or);
  return m.line(levels, formatDuration(p.maxDurationSec), how, reason, p.maxExtensions);
}
