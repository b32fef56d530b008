/**
 * The append-only audit trail: one JSON object a line, fsynced before the change it records
 * is reported done. Keeps each user's recent events in memory for `history.list`.
 */
import { EventEmitter } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newId } from '../shared/ids.js';
import { AuditEventSchema, type AuditEvent } from '../protocol/schemas.js';
import { boundDetail } from './bounded-text.js';

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'> & { at?: string };

const RECENT_PER_USER = 200;
/** One admin.audit answer stays under this (the client reads lines up to 16 MB). */
const MAX_PAGE_BYTES = 4 << 20;

export interface AuditPage {
  events: AuditEvent[];
  /** Set when older matching events were left out: pass it as `before` for the next page. */
  next?: string;
}

export class AuditLog extends EventEmitter<{ appended: [AuditEvent] }> {
  readonly path: string;
  private fh: FileHandle | null = null;
  private readonly recent = new Map<string, AuditEvent[]>();
  /** `privilege.used` per grant id, over the whole trail: no flood can push a count out. */
  private readonly commands = new Map<string, number>();
  private readonly backlog: AuditEvent[] = [];
  private size = 0;

  constructor(stateDir: string) {
    super();
    this.path = join(stateDir, 'audit.jsonl');
  }

  /** Opens the log, drops a torn last line (never reported done), and indexes recent events. */
  async open(): Promise<void> {
    await this.dropTornTail();
    await this.scan((e) => this.remember(e));
    this.fh = await open(this.path, 'a', 0o600);
    this.size = (await this.fh.stat()).size;
  }

  async close(): Promise<void> {
    await this.fh?.close();
    this.fh = null;
  }

  /**
   * Appends and fsyncs one event. A failed write is cut back so no torn line is left. With
   * `bestEffort` (the agent ending rights on its own, where nobody waits for an answer and the
   * rights must go whatever the disk says) a failed event is kept and written before the next.
   */
  async append(input: NewAuditEvent, opts: { bestEffort?: boolean } = {}): Promise<AuditEvent> {
    const event: AuditEvent = {
      id: newId('e'),
      at: input.at ?? new Date().toISOString(),
      ...input,
    };
    try {
      while (this.backlog.length) {
        await this.writeLine(this.backlog[0]!);
        this.backlog.shift();
      }
      await this.writeLine(event);
    } catch (err) {
      if (!opts.bestEffort) throw err;
      this.backlog.push(event);
    }
    this.remember(event);
    this.emit('appended', event);
    return event;
  }

  private async writeLine(event: AuditEvent): Promise<void> {
    if (!this.fh) throw new Error('The audit log is not open.');
    const data = Buffer.from(JSON.stringify(event) + '\n');
    try {
      await this.fh.write(data);
      await this.fh.datasync();
      this.size += data.length;
    } catch (err) {
      await this.fh.truncate(this.size).catch(() => undefined);
      throw err;
    }
  }

  /** This user's recent events, newest first. */
  history(user: string, limit: number): AuditEvent[] {
    return (this.recent.get(user) ?? []).slice(-limit).reverse();
  }

  hasEvent(user: string, type: AuditEvent['type'], grantId: string): boolean {
    return (this.recent.get(user) ?? []).some((e) => e.type === type && e.grantId === grantId);
  }

  /** Commands run with sudo (`privilege.used`) during grant `grantId`. */
  commandsIn(grantId: string): number {
    return this.commands.get(grantId) ?? 0;
  }

  /** Events matching the filter, newest first, read from the file (the full trail). */
  async query(filter: { user?: string; since?: string; limit: number }): Promise<AuditEvent[]> {
    return (await this.page(filter)).events;
  }

  /**
   * One page of the trail, newest first: at most `limit` events older than the event `before`,
   * and never more than MAX_PAGE_BYTES in all (long detail strings from old, unbounded lines
   * are cut), so that one huge event never makes the trail unreadable.
   */
  async page(filter: {
    user?: string;
    since?: string;
    before?: string;
    limit: number;
  }): Promise<AuditPage> {
    const sinceMs = filter.since ? Date.parse(filter.since) : -Infinity;
    const matched: AuditEvent[] = [];
    let more = false;
    let done = false;
    // Whether anything was cut by the 2×limit trim is known only at the end: count instead.
    let total = 0;
    await this.scan((e) => {
      if (done) return;
      if (filter.before && e.id === filter.before) {
        done = true;
        return;
      }
      if (filter.user && e.user !== filter.user) return;
      if (Date.parse(e.at) < sinceMs) return;
      total += 1;
      matched.push(e.detail ? { ...e, detail: boundDetail(e.detail) } : e);
      if (matched.length > 2 * filter.limit) matched.splice(0, matched.length - filter.limit);
    });
    if (matched.length > filter.limit) matched.splice(0, matched.length - filter.limit);
    if (total > filter.limit) more = true;
    const events: AuditEvent[] = [];
    let bytes = 0;
    for (let i = matched.length - 1; i >= 0; i--) {
      bytes += JSON.stringify(matched[i]).length + 1;
      if (bytes > MAX_PAGE_BYTES && events.length > 0) {
        more = true;
        break;
      }
      events.push(matched[i]!);
    }
    const oldest = events[events.length - 1];
    return more && oldest ? { events, next: oldest.id } : { events };
  }

  /** Every event in the file, oldest first (services that rebuild their view at start). */
  async replay(visit: (e: AuditEvent) => void): Promise<void> {
    await this.scan(visit);
  }

  private remember(e: AuditEvent): void {
    if (e.type === 'privilege.used' && e.grantId) {
      this.commands.set(e.grantId, (this.commands.get(e.grantId) ?? 0) + 1);
    }
    if (!e.user) return;
    let list = this.recent.get(e.user);
    if (!list) this.recent.set(e.user, (list = []));
    list.push(e);
    if (list.length > RECENT_PER_USER * 2) list.splice(0, list.length - RECENT_PER_USER);
  }

  private async scan(visit: (e: AuditEvent) => void): Promise<void> {
    let stream;
    try {
      await stat(this.path);
      stream = createReadStream(this.path, { encoding: 'utf8' });
    } catch {
      return;
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      try {
        const parsed = AuditEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) visit(parsed.data);
      } catch {
        // A line that is not JSON cannot come from this agent; skip it rather than stop.
      }
    }
  }

  private async dropTornTail(): Promise<void> {
    let fh: FileHandle;
    try {
      fh = await open(this.path, 'r');
    } catch {
      return;
    }
    try {
      const { size } = await fh.stat();
      if (size === 0) return;
      const tailLen = Math.min(size, 1 << 20);
      const buf = Buffer.alloc(tailLen);
      await fh.read(buf, 0, tailLen, size - tailLen);
      if (buf[tailLen - 1] === 0x0a) return;
      const lastNl = buf.lastIndexOf(0x0a);
      const keep = lastNl === -1 ? size - tailLen : size - tailLen + lastNl + 1;
      await fh.close();
      await truncate(this.path, keep);
      return;
    } finally {
      await fh.close().catch(() => undefined);
    }
  }
}
