/**
 * Reads sudo's own event log in its JSON format (sudoers `log_format=json` with `logfile=`).
 * sudo keeps the file as ONE object whose keys repeat ("accept", "reject", "alert"...): it
 * writes "{", then each event as `"type": {...}`, and before appending it overwrites the
 * closing "\n}\n" with ",". So the file is never valid JSON for JSON.parse as a whole (keys
 * repeat) and its tail changes under us; this reader takes complete events one at a time from
 * a byte offset and reports how far it got, leaving any half-written tail for the next read.
 */
import * as z from 'zod';

export interface SudoLogEvent {
  type: string;
  body: unknown;
}

export interface SudoLogChunk {
  events: SudoLogEvent[];
  /** Bytes of `text` that held complete events; the next read starts here. */
  consumed: number;
}

/** Parses complete events from `text` (the file's bytes from the last consumed offset). */
export function readSudoLogEvents(text: Buffer): SudoLogChunk {
  const events: SudoLogEvent[] = [];
  let consumed = 0;
  let i = 0;
  for (;;) {
    // Separators between events: the opening "{", the "," sudo writes, and white space.
    while (i < text.length && (isSpace(text[i]!) || text[i] === 0x7b || text[i] === 0x2c)) i++;
    if (i >= text.length || text[i] !== 0x22) break; // "}" (the current end) or nothing yet
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) break;
    let j = keyEnd;
    while (j < text.length && isSpace(text[j]!)) j++;
    if (text[j] !== 0x3a) break;
    j++;
    while (j < text.length && isSpace(text[j]!)) j++;
    if (text[j] !== 0x7b) break;
    const valueEnd = objectEnd(text, j);
    if (valueEnd < 0) break;
    try {
      const type = JSON.parse(text.subarray(i, keyEnd).toString('utf8')) as string;
      const body: unknown = JSON.parse(text.subarray(j, valueEnd).toString('utf8'));
      events.push({ type, body });
    } catch {
      // A value that is not JSON cannot be sudo's: skip it rather than stall the log forever.
    }
    i = consumed = valueEnd;
  }
  return { events, consumed };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index just past the string starting at `start` (a '"'), or -1 if it is not complete yet. */
function stringEnd(b: Buffer, start: number): number {
  for (let i = start + 1; i < b.length; i++) {
    if (b[i] === 0x5c) i++;
    else if (b[i] === 0x22) return i + 1;
  }
  return -1;
}

/** Index just past the object starting at `start` (a '{'), or -1 if it is not complete yet. */
function objectEnd(b: Buffer, start: number): number {
  let depth = 0;
  for (let i = start; i < b.length; i++) {
    const c = b[i];
    if (c === 0x22) {
      const end = stringEnd(b, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const SudoTimeSchema = z.object({ seconds: z.number(), nanoseconds: z.number().optional() });

/** The fields of an "accept" event (a command sudo ran) that the audit trail keeps. */
export const SudoAcceptSchema = z.object({
  uuid: z.string().optional(),
  submit_time: SudoTimeSchema.optional(),
  server_time: SudoTimeSchema.optional(),
  submituser: z.string(),
  command: z.string(),
  runargv: z.array(z.string()).optional(),
  runuser: z.string().optional(),
  runcwd: z.string().optional(),
  submitcwd: z.string().optional(),
  ttyname: z.string().optional(),
});
export type SudoAccept = z.infer<typeof SudoAcceptSchema>;

export interface CommandUse {
  /** The command as sudo ran it: the resolved path, then the arguments. */
  command: string;
  /** The arguments as sudo received them (the command line above is ambiguous with spaces). */
  argv: string[];
  cwd: string | null;
  runAs: string;
  tty: string | null;
  /** When sudo ran it (ISO 8601), null if sudo gave no time. */
  at: string | null;
  sudoEventId: string | null;
  submitUser: string;
}

export function commandUse(e: SudoAccept): CommandUse {
  const args = e.runargv?.slice(1) ?? [];
  const time = e.submit_time ?? e.server_time;
  return {
    command: [e.command, ...args].join(' '),
    argv: [e.command, ...args],
    cwd: e.submitcwd ?? e.runcwd ?? null,
    runAs: e.runuser ?? 'root',
    tty: e.ttyname ?? null,
    at: time
      ? new Date(time.seconds * 1000 + Math.floor((time.nanoseconds ?? 0) / 1e6)).toISOString()
      : null,
    sudoEventId: e.uuid ?? null,
    submitUser: e.submituser,
  };
}

/** The commands among parsed events; other event types (reject, alert, exit) are not uses. */
export function commandUses(events: SudoLogEvent[]): CommandUse[] {
  const out: CommandUse[] = [];
  for (const e of events) {
    if (e.type !== 'accept') continue;
    const parsed = SudoAcceptSchema.safeParse(e.body);
    if (parsed.success) out.push(commandUse(parsed.data));
  }
  return out;
}
