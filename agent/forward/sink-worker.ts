/**
 * Drains one sink's outbox: one batch in flight at a time (so order holds), retried with
 * backoff until the receiver takes it. Runs only while events are pending: an empty outbox
 * leaves no loop, timer or connection behind.
 */
import type { ForwarderStatus } from '../protocol/schemas.js';
import { backoffDelay, sleep, type RetryOptions } from './backoff.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { ForwardSink } from './policy-schema.js';
import { RejectedError, type Transport } from './transports/transport.js';

export type DropReason = 'overflow' | 'rejected' | 'write-failed';

export interface SinkWorkerDeps {
  makeTransport: (sink: ForwardSink) => Transport;
  retry: RetryOptions;
  log: (msg: string) => void;
  onDrop: (sinkName: string, count: number, reason: DropReason) => void;
}

export class SinkWorker {
  private transport: Transport | null = null;
  private loop: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private started = false;
  private stopped = false;
  private failures = 0;
  private lastError: string | null = null;
  /** Send single events until past this sequence number (isolating a refused batch). */
  private isolateThrough = 0;

  constructor(
    readonly sink: ForwardSink,
    readonly outbox: Outbox,
    private readonly deps: SinkWorkerDeps,
  ) {}

  start(): void {
    this.started = true;
    this.wake();
  }

  /** Starts draining if there is something to send and no drain is running. */
  wake(): void {
    if (!this.started || this.stopped || this.loop || this.outbox.pending === 0) return;
    this.loop = this.drain()
      .catch(async (err: unknown) => {
        // The outbox itself failed (e.g. a full disk while saving the offset): pause, then retry.
        this.failures++;
        this.lastError = `Sink "${this.sink.name}": the outbox failed: ${(err as Error).message}`;
        this.deps.log(this.lastError);
        await sleep(backoffDelay(this.failures, this.deps.retry), this.abort.signal);
      })
      .finally(() => {
        this.loop = null;
        this.wake();
      });
  }

  /** Ends the drain (cutting short any wait or request) and closes connections; the outbox stays open. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.transport?.close();
    await this.loop;
    this.transport?.close();
    this.transport = null;
  }

  /** Records a failure the forwarder met outside the drain (e.g. the outbox could not be written). */
  noteError(message: string): void {
    this.lastError = message;
  }

  status(): ForwarderStatus {
    return {
      name: this.sink.name,
      type: this.sink.type,
      pending: this.outbox.pending,
      delivered: this.outbox.delivered,
      dropped: this.outbox.dropped,
      lastError: this.lastError,
      lastDeliveredAt: this.outbox.lastDeliveredAt,
    };
  }

  private async drain(): Promise<void> {
    const signal = this.abort.signal;
    while (!this.stopped && this.outbox.pending > 0) {
      let batch: OutboxEntry[] = [];
      try {
        this.transport ??= this.deps.makeTransport(this.sink);
        const headSeq = this.outbox.peek(1)[0]!.seq;
        batch = this.outbox.peek(headSeq <= this.isolateThrough ? 1 : this.transport.maxBatch);
        await this.transport.send(
          batch.map((b) => b.event),
          signal,
        );
        // Acknowledged even when stopping: the receiver has it, and the outbox is still open.
        this.outbox.ackThrough(batch[batch.length - 1]!.seq, new Date());
        if (this.stopped) return;
        if (this.failures > 0)
          this.deps.log(
            `Forwarding sink "${this.sink.name}": delivering again after ${this.failures} failed attempts.`,
          );
        this.failures = 0;
        this.lastError = null;
      } catch (err) {
        if (this.stopped) return;
        const message = err instanceof Error ? err.message : String(err);
        if (err instanceof RejectedError && batch.length > 1) {
          // The receiver refused a batch: resend it one event at a time to find the bad one(s).
          this.isolateThrough = batch[batch.length - 1]!.seq;
          continue;
        }
        if (err instanceof RejectedError) {
          this.outbox.drop(1);
          this.lastError = message;
          this.deps.log(
            `Forwarding sink "${this.sink.name}": event ${batch[0]?.event.id} dropped: ${message}`,
          );
          this.deps.onDrop(this.sink.name, 1, 'rejected');
          continue;
        }
        // A transport that failed may hold a half-dead connection or stale files: rebuild it.
        this.transport?.close();
        this.transport = null;
        this.failures++;
        // Log a new kind of failure once, not every retry of an hour-long outage.
        if (message !== this.lastError)
          this.deps.log(`Forwarding sink "${this.sink.name}": ${message} Retrying.`);
        this.lastError = message;
        const retryAfter = (err as { retryAfterMs?: number }).retryAfterMs;
        await sleep(backoffDelay(this.failures, this.deps.retry, retryAfter), signal);
      }
    }
  }
}
