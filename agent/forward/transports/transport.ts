/** How a sink puts events on the wire, and the two ways that can fail. */
import type { AuditEvent } from '../../protocol/schemas.js';

export interface Transport {
  /** Most events one send() may carry; they are delivered in order, all or none. */
  readonly maxBatch: number;
  /** Resolves once the receiver has the events; rejects with DeliveryError or RejectedError. */
  send(events: readonly AuditEvent[], signal: AbortSignal): Promise<void>;
  /** Releases connections; idempotent. */
  close(): void;
}

/** Worth retrying: the receiver is down, slow, overloaded or misconfigured. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** The receiver asked for this pause (HTTP Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** The receiver refused the batch for good; retrying it would block the sink forever. */
export class RejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedError';
  }
}

/** A sink whose own settings cannot work (e.g. an unsafe secret file); retried, as the admin may fix it. */
export class SinkConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SinkConfigError';
  }
}

/** A network error as one readable clause: Node's message, plus its code when the message lacks it. */
export function describeNetworkError(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err.message.replace(/\s+/g, ' ').replace(/\.$/, '');
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
