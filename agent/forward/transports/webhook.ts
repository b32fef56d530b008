/**
 * JSON webhook: one POST per event, body = the audit event exactly as in audit.jsonl,
 * `X-Elevate-Event-Id` for the receiver's dedupe (delivery is at least once) and, with a
 * secret, `X-Elevate-Signature: sha256=<hex HMAC-SHA256 of the body>`.
 */
import { createHmac } from 'node:crypto';
import type { AuditEvent } from '../../protocol/schemas.js';
import type { WebhookSink } from '../policy-schema.js';
import { readCaFile, readRootOnlySecret } from '../secret-file.js';
import { HttpPoster } from './http-post.js';
import type { Transport } from './transport.js';

export class WebhookTransport implements Transport {
  readonly maxBatch = 1;
  private readonly poster: HttpPoster;
  private readonly secret: Buffer | null;

  /** Reads the secret and CA files now: a SinkConfigError names what is wrong. */
  constructor(private readonly sink: WebhookSink) {
    this.secret = sink.hmacSecretFile ? readRootOnlySecret(sink.hmacSecretFile, sink.name) : null;
    this.poster = new HttpPoster(
      sink.url,
      sink.caFile ? readCaFile(sink.caFile, sink.name) : undefined,
    );
  }

  async send(events: readonly AuditEvent[], signal: AbortSignal): Promise<void> {
    for (const event of events) {
      const body = Buffer.from(JSON.stringify(event), 'utf8');
      const headers: Record<string, string> = {
        ...this.sink.headers,
        'X-Elevate-Event-Id': event.id,
        'X-Elevate-Event-Type': event.type,
      };
      if (this.secret) headers['X-Elevate-Signature'] = signBody(this.secret, body);
      await this.poster.post(body, headers, signal);
    }
  }

  close(): void {
    this.poster.close();
  }
}

/** The signature header's value; receivers recompute it over the raw body bytes. */
export function signBody(secret: Buffer, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
