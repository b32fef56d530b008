/**
 * Delivers audit events to the policy's `forward` sinks (docs/forwarding.md), at least once,
 * in order per sink, across receiver outages and agent restarts. The agent calls enqueue()
 * after each audit append; the event is in every matching sink's durable outbox when it
 * returns. Outboxes live in STATE/forward/.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { AuditEvent, ForwarderStatus } from '../protocol/schemas.js';
import { DEFAULT_RETRY, type RetryOptions } from './backoff.js';
import { eventMatcher, type EventMatcher } from './event-filter.js';
import { Outbox } from './outbox.js';
import type { ForwardSink } from './policy-schema.js';
import { SinkWorker, type DropReason } from './sink-worker.js';
import { SlackTransport } from './transports/slack.js';
import { DEFAULT_SETTLE_MS, SyslogTransport } from './transports/syslog.js';
import type { Transport } from './transports/transport.js';
import { WebhookTransport } from './transports/webhook.js';

export type { DropReason } from './sink-worker.js';

export interface AuditForwarderOptions {
  /** The agent's state dir; outboxes go in its `forward/` folder. */
  stateDir: string;
  /** Parsed with ForwardPolicySchema (defaults applied). */
  sinks: ForwardSink[];
  log?: (msg: string) => void;
  /**
   * Events a sink will never deliver: `overflow` (outbox over maxOutbox, oldest dropped),
   * `rejected` (the receiver refused the event for good), `write-failed` (the outbox could
   * not be written). The agent writes an audit event for it. Called outside enqueue(), at most
   * once per dropReportIntervalMs per sink (counts coalesced), so that auditing a drop never
   * loops back into another.
   */
  onDrop?: (sinkName: string, count: number, reason: DropReason) => void;
  /** Drop reports per sink are at most this frequent (default 60 s); the first is immediate. */
  dropReportIntervalMs?: number;
  /** Backoff between attempts (default 1 s doubling to 15 s); tests use small values. */
  retry?: Partial<RetryOptions>;
  /** How long a syslog connection must stay up after a write for the batch to count. */
  syslogSettleMs?: number;
  /** The computer's name in Slack messages and syslog headers (default: os.hostname()). */
  hostName?: string;
}

interface Sink {
  matches: EventMatcher;
  worker: SinkWorker;
}

export class AuditForwarder {
  private readonly dir: string;
  private readonly log: (msg: string) => void;
  private readonly retry: RetryOptions;
  private sinks = new Map<string, Sink>();
  private started = false;
  private stopped = false;
  private readonly dropReportIntervalMs: number;
  private readonly heldDrops = new Map<string, Map<DropReason, number>>();
  private readonly dropTimers = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();
  private readonly lastDropReport = new Map<string, number>();

  constructor(private readonly options: AuditForwarderOptions) {
    this.dir = join(options.stateDir, 'forward');
    this.log = options.log ?? (() => undefined);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.dropReportIntervalMs = options.dropReportIntervalMs ?? 60_000;
    for (const sink of options.sinks) this.sinks.set(sink.name, this.makeSink(sink, null));
  }

  /** Starts delivering what the outboxes hold (from before a restart too). */
  start(): void {
    if (this.stopped) throw new Error('This audit forwarder was stopped; create a new one.');
    this.started = true;
    for (const s of this.sinks.values()) s.worker.start();
  }

  /**
   * Durably queues `event` for every sink whose filter matches. Synchronous (one fsync per
   * matching sink, well under a millisecond on local disks) and never throws: a sink that
   * cannot take it reports a `write-failed` drop instead, as the audit log already holds it.
   */
  enqueue(event: AuditEvent): void {
    if (this.stopped) {
      this.log(`Audit event ${event.id} was not forwarded: the forwarder is stopped.`);
      return;
    }
    for (const [name, s] of this.sinks) {
      if (!s.matches(event.type)) continue;
      try {
        const dropped = s.worker.outbox.append(event);
        if (dropped > 0) {
          this.log(
            `Forwarding sink "${name}": outbox full (${s.worker.outbox.maxOutbox} events); dropped ${dropped} (noise first, then the oldest).`,
          );
          this.reportDrop(name, dropped, 'overflow');
        }
      } catch (err) {
        const message = `Could not write to the outbox of sink "${name}": ${(err as Error).message}`;
        this.log(message);
        s.worker.noteError(message);
        this.reportDrop(name, 1, 'write-failed');
        continue;
      }
      s.worker.wake();
    }
  }

  /** Stops delivery and closes outboxes; what is still pending is sent after the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [name, timer] of this.dropTimers) {
      clearTimeout(timer as NodeJS.Timeout);
      clearImmediate(timer as NodeJS.Immediate);
      for (const [reason, n] of this.heldDrops.get(name) ?? []) {
        this.log(
          `Forwarding sink "${name}": ${n} events dropped (${reason}) were not yet reported when the agent stopped.`,
        );
      }
    }
    this.dropTimers.clear();
    const sinks = [...this.sinks.values()];
    await Promise.all(sinks.map((s) => s.worker.stop()));
    for (const s of sinks) s.worker.outbox.close();
  }

  status(): ForwarderStatus[] {
    return [...this.sinks.values()].map((s) => s.worker.status());
  }

  /**
   * Applies a new `forward` policy (SIGHUP). A sink whose settings are unchanged keeps
   * running; a changed one restarts on the same outbox (its backlog is kept and sent with the
   * new settings); a removed one stops, and its outbox file stays on disk, sent if the sink
   * (same name) comes back.
   */
  async reconfigure(next: ForwardSink[]): Promise<void> {
    if (this.stopped) return;
    const old = this.sinks;
    const replaced: SinkWorker[] = [];
    const fresh = new Map<string, Sink>();
    for (const sink of next) {
      const prev = old.get(sink.name);
      if (prev && isDeepStrictEqual(prev.worker.sink, sink)) {
        fresh.set(sink.name, prev);
        continue;
      }
      if (prev) replaced.push(prev.worker);
      fresh.set(sink.name, this.makeSink(sink, prev?.worker.outbox ?? null));
    }
    const removed = [...old].filter(([name]) => !fresh.has(name)).map(([, s]) => s.worker);
    // Swap first so that enqueue() during the awaits below writes to the new set.
    this.sinks = fresh;
    // Two workers on one outbox would break the order: the old one ends before the new starts.
    await Promise.all([...replaced, ...removed].map((w) => w.stop()));
    for (const w of removed) w.outbox.close();
    if (this.started && !this.stopped) for (const s of this.sinks.values()) s.worker.start();
    const names = next.map((s) => s.name).join(', ') || 'none';
    this.log(`Audit forwarding reconfigured: sinks ${names}.`);
  }

  private makeSink(sink: ForwardSink, outbox: Outbox | null): Sink {
    const box = outbox ?? new Outbox(this.dir, sink.name, sink.maxOutbox, { warn: this.log });
    box.maxOutbox = sink.maxOutbox;
    const worker = new SinkWorker(sink, box, {
      makeTransport: (s) => this.makeTransport(s),
      retry: this.retry,
      log: this.log,
      onDrop: (name, count, reason) => this.reportDrop(name, count, reason),
    });
    return { matches: eventMatcher(sink.events), worker };
  }

  private makeTransport(sink: ForwardSink): Transport {
    switch (sink.type) {
      case 'webhook':
        return new WebhookTransport(sink);
      case 'slack':
        return new SlackTransport(sink, this.options.hostName);
      case 'syslog':
        return new SyslogTransport(
          sink,
          this.options.syslogSettleMs ?? DEFAULT_SETTLE_MS,
          this.options.hostName,
        );
    }
  }

  /**
   * Coalesces drops per sink and reason and reports them once the current call stack is done,
   * then at most once per dropReportIntervalMs per sink: the agent audits each report and that
   * event is forwarded too, so a receiver that refuses everything must not turn reports into
   * a loop. A timer exists only while a report is held back.
   */
  private reportDrop(sinkName: string, count: number, reason: DropReason): void {
    if (!this.options.onDrop) return;
    const held = this.heldDrops.get(sinkName) ?? new Map<DropReason, number>();
    held.set(reason, (held.get(reason) ?? 0) + count);
    this.heldDrops.set(sinkName, held);
    if (this.dropTimers.has(sinkName)) return;
    const wait = Math.max(
      0,
      (this.lastDropReport.get(sinkName) ?? -Infinity) + this.dropReportIntervalMs - Date.now(),
    );
    const fire = (): void => {
      this.dropTimers.delete(sinkName);
      this.flushDrops(sinkName);
    };
    this.dropTimers.set(sinkName, wait === 0 ? setImmediate(fire) : setTimeout(fire, wait));
  }

  private flushDrops(sinkName: string): void {
    const held = this.heldDrops.get(sinkName);
    this.heldDrops.delete(sinkName);
    if (!held || !this.options.onDrop) return;
    this.lastDropReport.set(sinkName, Date.now());
    for (const [reason, n] of held) {
      try {
        this.options.onDrop(sinkName, n, reason);
      } catch (err) {
        this.log(`The drop report for sink "${sinkName}" failed: ${(err as Error).message}`);
      }
    }
  }
}
