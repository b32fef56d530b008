/**
 * One sink's durable outbox: STATE/forward/<sink>.jsonl holds events not yet known to be
 * delivered (one `{"seq","event"}` line each, fsynced before enqueue returns) and
 * <sink>.state.json the highest sequence number acknowledged, plus counters for status.
 * Acknowledging is lazy (a crash re-sends a few delivered events: at least once); entries at
 * or below the acknowledged number are skipped on load and compacted away.
 */
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { AuditEventSchema, type AuditEvent } from '../protocol/schemas.js';

export interface OutboxEntry {
  seq: number;
  event: AuditEvent;
}

// Loose: an event written by a newer agent keeps fields this one does not know.
const EntrySchema = z.object({ seq: z.number().int().positive(), event: AuditEventSchema.loose() });

const MetaSchema = z.object({
  acked: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  lastDeliveredAt: z.string().nullable(),
});
type Meta = z.infer<typeof MetaSchema>;

/**
 * Events anyone can cause in bulk (a failed proof, each sudo command, a drop report): when the
 * outbox is full these go first, so a flood never pushes out a grant's or a request's record.
 */
const NOISE: ReadonlySet<string> = new Set(['auth.failed', 'privilege.used', 'forward.dropped']);
export function isNoise(type: string): boolean {
  return NOISE.has(type);
}

/** Persist the acknowledged offset at least this often while a backlog drains. */
const ACK_PERSIST_EVERY = 256;
/** Rewrite the file once this many delivered lines sit in it (and they outnumber pending ones). */
export const COMPACT_AFTER_LINES = 20_000;

export interface OutboxOptions {
  /** Hears about damaged lines and files. */
  warn?: (msg: string) => void;
  compactAfterLines?: number;
}

export class Outbox {
  private readonly file: string;
  private readonly metaFile: string;
  private fd: number;
  private entries: OutboxEntry[] = [];
  private head = 0;
  private linesInFile = 0;
  /** The file's length: where the next append starts. */
  private bytes = 0;
  private nextSeq: number;
  private meta: Meta;
  private unsavedAcks = 0;

  private readonly warn: (msg: string) => void;
  private readonly compactAfterLines: number;

  /** Opens (creating) the outbox of `name` in `dir`. */
  constructor(
    dir: string,
    readonly name: string,
    public maxOutbox: number,
    options: OutboxOptions = {},
  ) {
    this.warn = options.warn ?? (() => undefined);
    this.compactAfterLines = options.compactAfterLines ?? COMPACT_AFTER_LINES;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = join(dir, `${name}.jsonl`);
    this.metaFile = join(dir, `${name}.state.json`);
    this.meta = this.loadMeta();
    const lastSeq = this.loadEntries();
    this.nextSeq = Math.max(lastSeq, this.meta.acked) + 1;
    this.fd = openSync(this.file, 'a', 0o600);
  }

  get pending(): number {
    return this.entries.length - this.head;
  }
  get delivered(): number {
    return this.meta.delivered;
  }
  get dropped(): number {
    return this.meta.dropped;
  }
  get lastDeliveredAt(): string | null {
    return this.meta.lastDeliveredAt;
  }

  /**
   * Appends and fsyncs `event`. Returns how many pending events were dropped to stay within
   * maxOutbox: down to maxOutbox minus a small headroom, so that the audit event reporting the
   * drop fits without causing another one. Noise goes first, oldest first (down to 90% of
   * maxOutbox, so the file is rewritten only now and then); the oldest of the rest only when
   * nothing but real events is left.
   */
  append(event: AuditEvent): number {
    const entry: OutboxEntry = { seq: this.nextSeq, event };
    const line = Buffer.from(JSON.stringify(entry) + '\n', 'utf8');
    try {
      const written = writeSync(this.fd, line);
      if (written !== line.length)
        throw new Error(`only ${written} of ${line.length} bytes could be written`);
      fdatasyncSync(this.fd);
    } catch (err) {
      // A partial line would corrupt the next one: cut back to where this append started.
      try {
        ftruncateSync(this.fd, this.bytes);
      } catch {
        // The next open cuts a torn tail anyway.
      }
      throw err;
    }
    this.bytes += line.length;
    this.nextSeq++;
    this.entries.push(entry);
    this.linesInFile++;
    if (this.pending <= this.maxOutbox) return 0;
    const headroom = Math.max(1, Math.floor(this.maxOutbox / 1000));
    const target = this.maxOutbox - headroom;
    let dropped = this.dropNoise(this.pending - Math.min(target, Math.floor(this.maxOutbox * 0.9)));
    if (this.pending > target) {
      const count = this.pending - target;
      this.drop(count);
      dropped += count;
    }
    return dropped;
  }

  /** Drops up to `max` of the oldest pending noise events; rewrites the file if any went. */
  private dropNoise(max: number): number {
    const keep: OutboxEntry[] = [];
    let n = 0;
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (n < max && isNoise(e.event.type)) n++;
      else keep.push(e);
    }
    if (n === 0) return 0;
    this.entries = keep;
    this.head = 0;
    this.meta.dropped += n;
    this.unsavedAcks += n;
    this.compact();
    return n;
  }

  /** The oldest `max` pending entries, in order. */
  peek(max: number): OutboxEntry[] {
    return this.entries.slice(this.head, this.head + max);
  }

  /** Marks every pending entry up to `seq` delivered. */
  ackThrough(seq: number, at: Date): void {
    const n = this.removeThrough(seq);
    if (n === 0) return;
    this.meta.delivered += n;
    this.meta.lastDeliveredAt = at.toISOString();
    this.afterRemoval(n);
  }

  /** Drops the oldest `count` pending entries (outbox full, or the receiver refused them for good). */
  drop(count: number): void {
    const last = this.entries[this.head + count - 1];
    if (!last) throw new Error(`Cannot drop ${count} of ${this.pending} pending events.`);
    const n = this.removeThrough(last.seq);
    this.meta.dropped += n;
    this.afterRemoval(n);
  }

  /** Saves the acknowledged offset durably (on stop, and lazily while draining). */
  flush(): void {
    if (this.unsavedAcks === 0) return;
    const tmp = `${this.metaFile}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(this.meta));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.metaFile);
    this.unsavedAcks = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private removeThrough(seq: number): number {
    const start = this.head;
    while (this.head < this.entries.length && this.entries[this.head]!.seq <= seq) this.head++;
    const removed = this.head - start;
    this.meta.acked = Math.max(this.meta.acked, seq);
    // Release delivered entries' memory now and then, not on every ack (splice is O(n)).
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return removed;
  }

  private afterRemoval(n: number): void {
    this.unsavedAcks += n;
    if (this.pending === 0) {
      // The offset must be durable before the lines it covers disappear.
      this.flush();
      ftruncateSync(this.fd, 0);
      this.linesInFile = 0;
      this.bytes = 0;
      return;
    }
    if (this.unsavedAcks >= ACK_PERSIST_EVERY) this.flush();
    const deliveredLines = this.linesInFile - this.pending;
    if (deliveredLines >= this.compactAfterLines && deliveredLines >= this.pending) this.compact();
  }

  /** Rewrites the file with only the pending entries: temp file, fsync, rename. */
  private compact(): void {
    this.flush();
    const tmp = `${this.file}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    let bytes = 0;
    try {
      const pending = this.entries.slice(this.head);
      for (let i = 0; i < pending.length; i += 1000) {
        bytes += writeSync(
          fd,
          pending
            .slice(i, i + 1000)
            .map((e) => JSON.stringify(e) + '\n')
            .join(''),
        );
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    // Events appended after this point go to the new file: its name must survive a crash.
    fsyncDir(dirname(this.file));
    closeSync(this.fd);
    this.fd = openSync(this.file, 'a', 0o600);
    this.linesInFile = this.pending;
    this.bytes = bytes;
  }

  private loadMeta(): Meta {
    let text: string;
    try {
      text = readFileSync(this.metaFile, 'utf8');
    } catch {
      return { acked: 0, delivered: 0, dropped: 0, lastDeliveredAt: null };
    }
    const parsed = MetaSchema.safeParse(safeJson(text));
    if (parsed.success) return parsed.data;
    // Without the offset every kept line is re-sent: duplicates, never a loss.
    this.warn(
      `Forwarding sink "${this.name}": ${this.metaFile} is damaged; re-sending its whole outbox.`,
    );
    return { acked: 0, delivered: 0, dropped: 0, lastDeliveredAt: null };
  }

  /** Loads pending entries; cuts a torn last line (its enqueue never returned). Returns the last seq. */
  private loadEntries(): number {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return 0;
    }
    const end = buf.lastIndexOf(0x0a) + 1;
    if (end < buf.length) {
      const fd = openSync(this.file, 'r+');
      try {
        ftruncateSync(fd, end);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.bytes = end;
    let lastSeq = 0;
    const lines = buf.subarray(0, end).toString('utf8').split('\n');
    for (const line of lines) {
      if (!line) continue;
      this.linesInFile++;
      const parsed = EntrySchema.safeParse(safeJson(line));
      if (!parsed.success) {
        this.warn(`Forwarding sink "${this.name}": skipped a damaged line in ${this.file}.`);
        continue;
      }
      const entry = parsed.data as OutboxEntry;
      lastSeq = Math.max(lastSeq, entry.seq);
      if (entry.seq > this.meta.acked) this.entries.push(entry);
    }
    return lastSeq;
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
