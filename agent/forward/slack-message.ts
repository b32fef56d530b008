/**
 * One sentence per audit event for people reading a Slack channel: who, what level, how long,
 * why, on which computer, e.g. "sam got administrator rights for 30 min on HOST: install
 * BBEdit (granted by root)".
 */
import type { AuditEvent } from '../protocol/schemas.js';

export function slackText(e: AuditEvent, host: string): string {
  return escapeSlack(sentence(e, host));
}

function sentence(e: AuditEvent, host: string): string {
  const d = e.detail ?? {};
  const who = e.user ?? 'someone';
  const rights = levelRights(e.level);
  const why = e.reason ? `: ${e.reason}` : '';
  // Proposed by the forwarder for its drop reports; not (yet) in AuditEventTypeSchema.
  if ((e.type as string) === 'forward.dropped') {
    return `${num(d.count) ?? 'Some'} audit events for "${str(d.sink) ?? '?'}" were dropped on ${host} (${str(d.reason) ?? 'unknown reason'})`;
  }
  switch (e.type) {
    case 'privilege.granted': {
      const secs = num(d.durationSec) ?? secondsBetween(e.at, str(d.expiresAt));
      const span = secs !== undefined ? ` for ${formatDuration(secs)}` : '';
      return `${who} got ${rights}${span} on ${host}${why} (${grantedHow(e, str(d.source))})`;
    }
    case 'privilege.extended': {
      const added = num(d.addedSec);
      return `${who}'s ${rights} on ${host} were extended${added !== undefined ? ` by ${formatDuration(added)}` : ''}${why} (by ${e.actor})`;
    }
    case 'privilege.released':
      return `${who} gave back ${rights} on ${host} before the end`;
    case 'privilege.expired':
      return `${who}'s ${rights} on ${host} ended on time`;
    case 'privilege.revoked':
      return `${e.actor} took away ${who}'s ${rights} on ${host}${why}`;
    case 'privilege.restored':
      return `${who}'s previous rights on ${host} are back in place (${levelName(e.level)})`;
    case 'privilege.restore_failed':
      return `${who}'s ${rights} on ${host} could not be fully removed, the agent keeps trying: ${str(d.error) ?? 'the OS refused'}`;
    case 'privilege.used': {
      const command = str(d.command) ?? 'a command';
      const runAs = str(d.runAs);
      const cwd = str(d.cwd);
      const extra = [runAs ? `as ${runAs}` : '', cwd ? `in ${cwd}` : ''].filter(Boolean).join(', ');
      return `${who} ran \`${command}\` with sudo on ${host}${extra ? ` (${extra})` : ''}`;
    }
    case 'request.created': {
      const secs = num(d.durationSec);
      const wants =
        d.kind === 'extend'
          ? `${secs !== undefined ? formatDuration(secs) : 'more time'} more of ${rights}`
          : rights;
      const span = d.kind !== 'extend' && secs !== undefined ? ` for ${formatDuration(secs)}` : '';
      const code = str(d.requestCode);
      const byPhone = code ? ` (request code ${code}, device ${str(d.deviceId) ?? '?'})` : '';
      return `${who} asked for ${wants}${span} on ${host}${why}${byPhone}`;
    }
    case 'request.code_rejected':
      return `A wrong approval code was entered for ${who}'s request on ${host} (${str(d.problem) ?? '?'}; ${num(d.triesLeft) ?? '?'} tries left)`;
    case 'request.approved':
      return `${e.actor === 'policy' ? 'Self-serve policy' : e.actor} approved ${who}'s request for ${rights} on ${host}${why}`;
    case 'request.denied':
      return `${e.actor} denied ${who}'s request for ${rights} on ${host}${why}`;
    case 'request.cancelled':
      return `${who} cancelled their request for ${rights} on ${host}`;
    case 'auth.failed':
      return `A connection${e.user ? '' : ` from ${e.actor}`} failed to authenticate as ${e.user ?? str(d.claimed) ?? 'someone'} to the Elevate agent on ${host}${(num(d.count) ?? 1) > 1 ? ` (${num(d.count)} times)` : ''}`;
    case 'auth.paired':
      return `${who} paired the Elevate app on ${host}`;
    case 'drift.detected':
      return `Admin rights changed on ${host} during ${who}'s session${detailText(d)}`;
    case 'clock.jumped':
      return `The clock on ${host} jumped${num(d.deltaMs) !== undefined ? ` by ${formatDuration(Math.abs(num(d.deltaMs)!) / 1000)}` : ''}; deadlines still hold`;
    case 'recovery.applied':
      return `The Elevate agent on ${host} recovered ${e.user ? `${who}'s rights` : 'its state'} after a restart${str(d.action) ? `: ${str(d.action)}` : ''}`;
    case 'agent.started':
      return `The Elevate agent started on ${host}`;
    default:
      return `${String(e.type)} on ${host}: ${who} (by ${e.actor})${why}`;
  }
}

function grantedHow(e: AuditEvent, source: string | undefined): string {
  if (source === 'self-serve' || e.actor === 'policy') return 'self-serve';
  if (source === 'approval') return `approved by ${e.actor}`;
  return `granted by ${e.actor}`;
}

function levelRights(level: AuditEvent['level']): string {
  return level === 'passwordless' ? 'passwordless administrator rights' : 'administrator rights';
}

function levelName(level: AuditEvent['level']): string {
  if (level === 'admin') return 'administrator';
  if (level === 'passwordless') return 'passwordless administrator';
  return 'no administrator rights';
}

/** 45 s, 30 min, 1 h, 1 h 30 min, 2 d. */
export function formatDuration(totalSec: number): string {
  const s = Math.round(totalSec);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m ? `${h} h ${m} min` : `${h} h`;
  }
  const days = Math.floor(s / 86_400);
  const h = Math.round((s % 86_400) / 3600);
  return h ? `${days} d ${h} h` : `${days} d`;
}

function detailText(d: Record<string, unknown>): string {
  const parts = Object.entries(d).map(
    ([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  return parts.length ? `: ${parts.join('; ')}` : '';
}

function secondsBetween(from: string, to: string | undefined): number | undefined {
  if (!to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** Slack reads &, < and > as markup (links, mentions): a reason must not ping @channel. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
