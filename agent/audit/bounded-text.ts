/**
 * Keeps one audit event small whatever a user typed or ran: a sudo command line can be
 * megabytes, and one such line must never make the trail unreadable (`elevatectl audit`) or
 * the agent's memory grow. What is cut keeps its length and a SHA-256 of the whole.
 */
import { createHash } from 'node:crypto';

/** The most of a command line (and of its argv together) one `privilege.used` stores. */
export const MAX_COMMAND_CHARS = 4096;
/** In admin.audit answers, longer strings in an event's detail are cut (old, unbounded lines). */
export const MAX_DETAIL_STRING_CHARS = 4096;

export interface BoundedCommand {
  command: string;
  argv: string[];
  /** Present only when something was cut. */
  commandLength?: number;
  commandSha256?: string;
  argvCount?: number;
}

export function boundCommand(command: string, argv: string[]): BoundedCommand {
  const argvChars = argv.reduce((n, a) => n + a.length, 0);
  if (command.length <= MAX_COMMAND_CHARS && argvChars <= MAX_COMMAND_CHARS) {
    return { command, argv };
  }
  const kept: string[] = [];
  let room = MAX_COMMAND_CHARS;
  for (const a of argv) {
    if (room <= 0) break;
    kept.push(cut(a, room));
    room -= a.length;
  }
  return {
    command: cut(command, MAX_COMMAND_CHARS),
    argv: kept,
    commandLength: command.length,
    commandSha256: createHash('sha256').update(command).digest('hex'),
    argvCount: argv.length,
  };
}

/** A copy of `detail` whose long strings (at any depth) are cut, or `detail` itself. */
export function boundDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return boundValue(detail) as Record<string, unknown>;
}

function boundValue(v: unknown): unknown {
  if (typeof v === 'string') return cut(v, MAX_DETAIL_STRING_CHARS);
  if (Array.isArray(v))
    return v.length > 256 ? [...v.slice(0, 256).map(boundValue), '…'] : v.map(boundValue);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, boundValue(x)]));
  }
  return v;
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length - max} more characters)`;
}
