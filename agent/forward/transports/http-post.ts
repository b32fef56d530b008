/**
 * One JSON POST over a kept-alive connection, and what its answer means for delivery:
 * 2xx delivered; 400/413/415/422 the receiver refuses this event for good (skipped and
 * reported, else one bad event would block the sink forever); anything else (408, 429, 5xx,
 * 401/403/404 from a misconfigured receiver, network errors) is retried.
 */
import type http from 'node:http';
import { DeliveryError, RejectedError, describeNetworkError } from './transport.js';

const PERMANENT_REJECTS = new Set([400, 413, 415, 422]);
const REQUEST_TIMEOUT_MS = 15_000;
/** Idle kept-alive sockets close after this, so an idle agent holds no timers or connections. */
const IDLE_SOCKET_MS = 4_000;

export class HttpPoster {
  private readonly url: URL;
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;

  constructor(url: string, ca?: Buffer) {
    this.url = new URL(url);
    const options = { keepAlive: true, maxSockets: 1, timeout: IDLE_SOCKET_MS };
    // Loaded here, not imported: http, https and tls cost an agent without sinks 0.6 MB.
    if (this.url.protocol === 'https:') {
      const https = process.getBuiltinModule('node:https');
      this.agent = new https.Agent({ ...options, ...(ca ? { ca } : {}) });
      this.request = https.request;
    } else {
      const http = process.getBuiltinModule('node:http');
      this.agent = new http.Agent(options);
      this.request = http.request;
    }
  }

  /** POSTs `body`; resolves on 2xx, rejects with RejectedError or DeliveryError otherwise. */
  post(body: Buffer, headers: Record<string, string>, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = this.request(this.url, {
        method: 'POST',
        agent: this.agent,
        signal,
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
          'User-Agent': 'elevate-agent',
        },
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => {
        req.destroy(
          new DeliveryError(
            `${this.url.host} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`,
          ),
        );
      });
      req.on('error', (err) =>
        reject(
          err instanceof DeliveryError ? err : new DeliveryError(networkMessage(this.url, err)),
        ),
      );
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < 300) text += chunk;
        });
        res.on('error', (err) => reject(new DeliveryError(networkMessage(this.url, err))));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve();
          const what = `${this.url.host} answered HTTP ${status}${text ? ` (${oneLine(text)})` : ''}`;
          if (PERMANENT_REJECTS.has(status))
            return reject(new RejectedError(`${what}: the event was refused.`));
          reject(new DeliveryError(`${what}.`, retryAfterMs(res.headers['retry-after'])));
        });
      });
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function networkMessage(url: URL, err: Error): string {
  return `Cannot reach ${url.host}: ${describeNetworkError(err)}.`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
