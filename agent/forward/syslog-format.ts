/**
 * RFC 5424 messages with RFC 6587 octet-counting framing. MSGID is the event type; the
 * structured data element `elevate@32473` carries id, user and actor for filtering, and MSG is
 * the whole event as JSON (UTF-8, with the BOM RFC 5424 asks for).
 * 32473 is the enterprise number reserved for documentation (RFC 5612): change it here if
 * the project registers its own.
 */
import type { AuditEvent } from '../protocol/schemas.js';

export const SD_ID = 'elevate@32473';
const FACILITY_AUTHPRIV = 10;
const ERROR = 3;
const WARNING = 4;
const NOTICE = 5;
const INFO = 6;

const SEVERITY: Partial<Record<string, number>> = {
  // Rights the OS would not take away: someone must look now.
  'privilege.restore_failed': ERROR,
  'auth.failed': WARNING,
  'drift.detected': WARNING,
  'clock.jumped': WARNING,
  'recovery.applied': WARNING,
  'privilege.used': INFO,
  'request.created': INFO,
  'request.cancelled': INFO,
};

export interface SyslogHeader {
  hostName: string;
  appName: string;
  procId: number;
}

export function formatSyslog(e: AuditEvent, h: SyslogHeader): string {
  const pri = FACILITY_AUTHPRIV * 8 + (SEVERITY[e.type] ?? NOTICE);
  const params: [string, string | null | undefined][] = [
    ['id', e.id],
    ['user', e.user],
    ['actor', e.actor],
    ['grantId', e.grantId],
  ];
  const sd = `[${SD_ID}${params
    .filter((p): p is [string, string] => typeof p[1] === 'string')
    .map(([k, v]) => ` ${k}="${escapeParam(v)}"`)
    .join('')}]`;
  return `<${pri}>1 ${e.at} ${headerField(h.hostName, 255)} ${headerField(h.appName, 48)} ${h.procId} ${headerField(e.type, 32)} ${sd} \uFEFF${JSON.stringify(e)}`;
}

/** RFC 6587 octet counting: the message length in bytes, a space, the message. */
export function frame(message: string): string {
  return `${Buffer.byteLength(message, 'utf8')} ${message}`;
}

/** RFC 5424 SD-PARAM values escape ", \ and ]. */
function escapeParam(v: string): string {
  return v.replace(/[\\"\]]/g, (c) => `\\${c}`);
}

/** Header fields are printable US-ASCII without spaces, "-" when empty. */
function headerField(v: string, max: number): string {
  const clean = v.replace(/[^!-~]/g, '').slice(0, max);
  return clean || '-';
}
