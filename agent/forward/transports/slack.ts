/** Slack incoming webhook: one readable message per event, `{"text": ...}`. */
import { hostname } from 'node:os';
import { logMessages } from '../../i18n/index.js';
import type { AuditEvent } from '../../protocol/schemas.js';
import type { SlackSink } from '../policy-schema.js';
import { readCaFile } from '../secret-file.js';
import { slackText } from '../slack-message.js';
import { HttpPoster } from './http-post.js';
import type { Transport } from './transport.js';

export class SlackTransport implements Transport {
  readonly maxBatch = 1;
  private readonly poster: HttpPoster;

  constructor(
    sink: SlackSink,
    private readonly host: string = hostname(),
  ) {
    this.poster = new HttpPoster(
      sink.url,
      sink.caFile ? readCaFile(sink.caFile, sink.name, logMessages.policy) : undefined,
    );
  }

  async send(events: readonly AuditEvent[], signal: AbortSignal): Promise<void> {
    for (const event of events) {
      const body = Buffer.from(JSON.stringify({ text: slackText(event, this.host) }), 'utf8');
      await this.poster.post(body, {}, signal);
    }
  }

  close(): void {
    this.poster.close();
  }
}
