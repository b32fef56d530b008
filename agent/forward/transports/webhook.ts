/**
 * JSON webhook. With batchSize 1 (the default): one POST per event, body = the audit event
 * exactly as in audit.jsonl, `X-Elevate-Event-Id` for the receiver's dedupe (delivery is at
 * least once). With batchSize > 1: body `{"events": [...]}` (up to batchSize, in order) and
 * `X-Elevate-Event-Count`; receivers dedupe by each event's `id`. With a secret, always
 * `X-Elevate-Signature: sha256=<hex HMAC-SHA256 of the body>`.
 */
import { createHmac } from 'node:crypto';
import { logMessages } from '../../i18n/index.js';
import type { AuditEvent } from '../../protocol/schemas.js';
import type { WebhookSink } from '../policy-schema.js';
import { readCaFile, readRootOnlySecret } from '../secret-file.js';
import { HttpPoster } from './http-post.js';
import type { Transport } from './transport.js';

export class WebhookTransport implements Transport {
  readonly maxBatch: number;
  private readonly poster: HttpPoster;
  private readonly secret: Buffer | null;

  /** Reads the secret and CA files now: a SinkConfigError names what is wrong. */
  constructor(private readonly sink: WebhookSink) {
    this.maxBatch = sink.batchSize;
    this.secret = sink.hmacSecretFile
      ? readRootOnlySecret(sink.hmacSecretFile, sink.name, logMessages.policy)
      : null;
    this.poster = new HttpPoster(
      sink.url,
      sink.caFile ? readCaFile(sink.caFile, sink.name, logMessages.policy) : undefined,
    );
  }

  async send(events: readonly AuditEvent[], signal: AbortSignal): Promise<void> {
    if (this.sink.batchSize > 1) {
      const body = Buffer.from(JSON.stringify({ events }), 'utf8');
      await this.post(body, { 'X-Elevate-Event-Count': String(events.length) }, signal);
      return;
    }
    for (const event of events) {
      const body = Buffer.from(JSON.stringify(event), 'utf8');
      await this.post(
        body,
        { 'X-Elevate-Event-Id': event.id, 'X-Elevate-Event-Type': event.type },
        signal,
      );
    }
  }

  private post(body: Buffer, own: Record<string, string>, signal: AbortSignal): Promise<void> {
    const headers: Record<string, string> = { ...this.sink.headers, ...own };
    if (this.secret) headers['X-Elevate-Signature'] = signBody(this.secret, body);
    return this.poster.post(body, headers, signal);
  }

  close(): void {
    this.poster.close();
  }
}

/** The signature header's value; receivers recompute it over the raw body bytes. */
export function signBody(secret: Buffer, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
