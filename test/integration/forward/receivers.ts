/** Real loopback receivers for the forwarding tests: an HTTPS server with a self-signed cert. */
import { execFileSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Cert {
  key: Buffer;
  cert: Buffer;
  certFile: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made by openssl in `dir`. */
export function makeCert(dir: string): Cert {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

export interface Received {
  id: string | undefined;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Collects POSTs. With a secret it checks X-Elevate-Signature and answers 401 when it is
 * wrong; `respond` picks the status for each request (default 200).
 */
export class HttpsReceiver {
  readonly requests: Received[] = [];
  badSignatures = 0;
  port = 0;
  private server: https.Server | null = null;

  constructor(
    private readonly cert: Cert,
    private readonly opts: { secret?: Buffer; respond?: (r: Received) => number } = {},
  ) {}

  /**
   * Event ids in first-arrival order with duplicates removed: from X-Elevate-Event-Id, or
   * from each event of a `{"events": [...]}` batch body.
   */
  uniqueIds(): string[] {
    return [...new Set(this.requests.flatMap(eventIds))];
  }

  async start(): Promise<number> {
    const server = https.createServer({ key: this.cert.key, cert: this.cert.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (
          this.opts.secret &&
          !validSignature(this.opts.secret, body, req.headers['x-elevate-signature'])
        ) {
          this.badSignatures++;
          res.writeHead(401).end('bad signature');
          return;
        }
        const header = req.headers['x-elevate-event-id'];
        const r: Received = {
          id: typeof header === 'string' ? header : undefined,
          body,
          headers: req.headers,
        };
        const status = this.opts.respond?.(r) ?? 200;
        if (status >= 200 && status < 300) this.requests.push(r);
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async waitFor(pred: () => boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > until)
        throw new Error(
          `receiver: condition not met within ${timeoutMs} ms (${this.requests.length} requests)`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** The event ids a request carries. */
export function eventIds(r: Received): string[] {
  if (r.id !== undefined) return [r.id];
  const body = JSON.parse(r.body.toString()) as { events?: { id: string }[] };
  return (body.events ?? []).map((e) => e.id);
}

function validSignature(
  secret: Buffer,
  body: Buffer,
  header: string | string[] | undefined,
): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('hex'));
  const got = Buffer.from(header.slice('sha256='.length));
  return got.length === expected.length && timingSafeEqual(got, expected);
}
