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
import { levelLabel } from './locale.js';
import { oneLine, renderFields, renderTable, truncate } from './table.js';

const REASON_WIDTH = 40;

/** Local clock time; the date is added when the instant is not on the same local day as `now`. */
export function formatLocalTime(iso: string, now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
  const sameDay =
    t.getFullYear() === now.getFullYear() &&
    t.getMonth() === now.getMonth() &&
    t.getDate() === now.getDate();
  return sameDay ? time : `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${time}`;
}

/** Milliseconds of the grant left by the agent's clock (the snapshot's own `now`). */
export function grantRemainingMs(s: Snapshot): number | null {
  if (!s.grant) return null;
  return Date.parse(s.grant.expiresAt) - Date.parse(s.now);
}

/** "revoked by alice at 14:05:00: laptop handed back" (how the last grant ended). */
export function describeEnd(e: GrantEnd, now: Date = new Date()): string {
  const who = e.how === 'expired' ? '' : ` by ${e.by}`;
  const verb = { expired: 'ended on time', released: 'given back', revoked: 'ended' }[e.how];
  return `${levelLabel(e.level)} ${verb}${who} at ${formatLocalTime(e.at, now)}${e.reason ? `: ${e.reason}` : ''}`;
}

export function describeRequest(r: PrivilegeRequest): string {
  const what =
    r.kind === 'extend'
      ? `extend by ${formatDuration(r.durationSec)}`
      : `${levelLabel(r.level)} for ${formatDuration(r.durationSec)}`;
  return `${r.state} ${r.id} (${what})`;
}

/** elevatectl status: one row per user. */
export function renderStatusTable(
  users: readonly Snapshot[],
  now: Date = new Date(),
  width?: number,
): string {
  if (users.length === 0) return 'No user has a temporary grant or a recent request.';
  const rows = users.map((s) => {
    const g = s.grant;
    const left = grantRemainingMs(s);
    return [
      s.user,
      levelLabel(s.level),
      levelLabel(s.permanentLevel),
      left === null ? '-' : formatTimeLeft(left),
      g ? formatLocalTime(g.expiresAt, now) : '-',
      g ? g.source : '-',
      g?.reason ? truncate(g.reason, REASON_WIDTH) : '-',
      s.request ? describeRequest(s.request) : '-',
    ];
  });
  return renderTable(
    ['USER', 'LEVEL', 'PERMANENT', 'TIME LEFT', 'EXPIRES', 'SOURCE', 'REASON', 'LATEST REQUEST'],
    rows,
    width,
  );
}

/** "gpasswd could not ... (12 attempts since 14:05:00); the agent keeps trying every second." */
function describeRestoreFailure(s: Snapshot, now: Date): string {
  const f = s.restoreFailure!;
  return `${f.error.replace(/\.$/, '')} (${f.attempts} attempts since ${formatLocalTime(f.since, now)}); the agent keeps trying every second.`;
}

/** Under the status table: whose rights the OS has refused to take away, and why. */
export function renderRestoreFailures(users: readonly Snapshot[], now: Date = new Date()): string {
  const failing = users.filter((s) => s.restoreFailure);
  if (failing.length === 0) return '';
  return [
    'The OS refused to remove these rights in full:',
    ...failing.map((s) => `  ${s.user}: ${describeRestoreFailure(s, now)}`),
  ].join('\n');
}

/** One user's status in full (elevatectl status USER, elevate status). */
export function renderSnapshot(s: Snapshot, now: Date = new Date()): string {
  const fields: [string, string][] = [
    ['User', s.user],
    [
      'Level',
      levelLabel(s.level) +
        (s.permanentLevel !== 'none' ? ` (permanent: ${levelLabel(s.permanentLevel)})` : ''),
    ],
  ];
  const g = s.grant;
  if (g) {
    fields.push(
      ['Temporary grant', `${levelLabel(g.level)}, ${formatTimeLeft(grantRemainingMs(s) ?? 0)}`],
      ['Expires', formatLocalTime(g.expiresAt, now)],
      ['Granted', `${formatLocalTime(g.grantedAt, now)} by ${g.grantedBy} (${g.source})`],
      ['Reason', g.reason ?? '-'],
      ['Extensions left', String(g.extensionsLeft)],
    );
    if (s.usage) fields.push(['Commands run with sudo', String(s.usage.commands)]);
    if (s.restoreFailure) fields.push(['Removal refused', describeRestoreFailure(s, now)]);
  } else {
    fields.push(['Temporary grant', 'none']);
    if (s.ended) fields.push(['Last grant', describeEnd(s.ended, now)]);
  }
  // A request from an earlier grant is not news under this one (same rule as the popover).
  const r = isRequestCurrent(s) ? s.request : null;
  if (r) {
    fields.push(['Latest request', describeRequest(r)]);
    if (r.reason) fields.push(['Request reason', r.reason]);
    if (r.decidedBy)
      fields.push([
        'Decided',
        `${r.decidedAt ? formatLocalTime(r.decidedAt, now) : ''} by ${r.decidedBy}`.trim(),
      ]);
    if (r.note) fields.push(['Admin note', r.note]);
  }
  if (s.platform.simulated)
    fields.push(['Simulated', 'yes: a demo agent, nothing on this computer changes']);
  if (s.platform.logoutHint === 'grant')
    fields.push(['Hint', 'log out and in again for the new rights to take full effect']);
  if (s.platform.logoutHint === 'revoke')
    fields.push(['Hint', 'log out to finish removing the rights']);
  return renderFields(fields);
}

export function renderRequestsTable(
  requests: readonly PrivilegeRequest[],
  now: Date = new Date(),
  width?: number,
): string {
  if (requests.length === 0) return 'No requests.';
  return renderTable(
    ['ID', 'USER', 'KIND', 'LEVEL', 'DURATION', 'STATE', 'CREATED', 'REASON', 'ADMIN NOTE'],
    requests.map((r) => [
      r.id,
      r.user ?? '-',
      r.kind,
      levelLabel(r.level),
      formatDuration(r.durationSec),
      r.state,
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
  if (e.reason) parts.push(`${isNote ? 'admin note' : 'reason'}="${e.reason}"`);
  for (const [k, v] of Object.entries(e.detail ?? {})) {
    parts.push(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  }
  if (e.grantId) parts.push(`grant=${e.grantId}`);
  if (e.requestId) parts.push(`request=${e.requestId}`);
  return parts.join(' ');
}

const EVENT_HEADERS = ['AT', 'TYPE', 'USER', 'LEVEL', 'ACTOR', 'DETAILS'];
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
  if (events.length === 0) return 'No events.';
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
    ['SINK', 'TYPE', 'PENDING', 'DELIVERED', 'DROPPED', 'LAST DELIVERED', 'LAST ERROR'],
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
  const how = p.selfServe
    ? 'granted at once'
    : p.approvalRequired
      ? 'after an admin approves'
      : 'not available (ask IT)';
  if (!p.selfServe && !p.approvalRequired) return `Requests: ${how}.`;
  const reason = p.requireReason ? `, a reason of at least ${p.reasonMinLength} characters` : '';
  return `Requests: ${p.levels.map(levelLabel).join(' or ')} for up to ${formatDuration(p.maxDurationSec)}, ${how}${reason}; ${p.maxExtensions} extension${p.maxExtensions === 1 ? '' : 's'} per grant.`;
}
