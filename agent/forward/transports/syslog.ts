/**
 * Syslog over TCP or TLS (RFC 5425 / RFC 6587 octet counting). Plain syslog has no
 * application-level acknowledgement, so a batch counts as delivered once it is written AND
 * the connection stays up for a short settle time afterwards: a receiver that dies with our
 * bytes unread resets the connection within that window and the batch is sent again.
 * Duplicates are possible; the event id in every message lets the log pipeline drop them.
 */
import net from 'node:net';
import { hostname } from 'node:os';
import { logMessages } from '../../i18n/index.js';
import type { AuditEvent } from '../../protocol/schemas.js';
import type { SyslogSink } from '../policy-schema.js';
import { readCaFile } from '../secret-file.js';
import { formatSyslog, frame, type SyslogHeader } from '../syslog-format.js';
import { DeliveryError, describeNetworkError, type Transport } from './transport.js';

const CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_SETTLE_MS = 200;

export class SyslogTransport implements Transport {
  readonly maxBatch = 500;
  private socket: net.Socket | null = null;
  /** Why the current socket closed, once it has. */
  private closedBy: Error | null = null;
  private readonly header: SyslogHeader;
  private readonly ca: Buffer | undefined;

  constructor(
    private readonly sink: SyslogSink,
    private readonly settleMs = DEFAULT_SETTLE_MS,
    host: string = hostname(),
  ) {
    this.header = { hostName: host, appName: sink.appName ?? 'elevate-agent', procId: process.pid };
    this.ca = sink.caFile ? readCaFile(sink.caFile, sink.name, logMessages.policy) : undefined;
  }

  async send(events: readonly AuditEvent[], signal: AbortSignal): Promise<void> {
    const socket = this.socket ?? (await this.connect(signal));
    const data = events.map((e) => frame(formatSyslog(e, this.header))).join('');
    await new Promise<void>((resolve, reject) => {
      socket.write(data, 'utf8', (err) => (err ? reject(this.failure(err)) : resolve()));
    });
    await this.settle(socket, signal);
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private where(): string {
    return `${this.sink.host}:${this.sink.port}`;
  }

  private failure(err: Error): DeliveryError {
    this.close();
    return new DeliveryError(`Syslog receiver ${this.where()}: ${describeNetworkError(err)}.`);
  }

  private connect(signal: AbortSignal): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const { host, port } = this.sink;
      const socket =
        this.sink.protocol === 'tls'
          ? // Loaded here, not imported: an agent without a TLS sink never needs it.
            process.getBuiltinModule<'node:tls'>('node:tls').connect({
              host,
              port,
              ...(this.ca ? { ca: this.ca } : {}),
              ...(net.isIP(host) ? {} : { servername: host }),
            })
          : net.connect({ host, port });
      const fail = (err: Error): void => {
        cleanup();
        socket.destroy();
        reject(
          new DeliveryError(
            `Cannot reach syslog receiver ${this.where()}: ${describeNetworkError(err)}.`,
          ),
        );
      };
      const onTimeout = (): void =>
        fail(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`));
      const onAbort = (): void => fail(new Error('stopped'));
      const cleanup = (): void => {
        socket.off('error', fail);
        socket.off('timeout', onTimeout);
        socket.setTimeout(0);
        signal.removeEventListener('abort', onAbort);
      };
      socket.setTimeout(CONNECT_TIMEOUT_MS, onTimeout);
      socket.once('error', fail);
      signal.addEventListener('abort', onAbort, { once: true });
      socket.once(this.sink.protocol === 'tls' ? 'secureConnect' : 'connect', () => {
        cleanup();
        socket.setNoDelay(true);
        this.closedBy = null;
        // The receiver never talks back; anything it sends is ignored, an end or error closes.
        socket.on('data', () => undefined);
        socket.on('error', (err) => {
          this.closedBy = err;
        });
        socket.on('end', () => socket.destroy());
        socket.on('close', () => {
          this.closedBy ??= new Error('the receiver closed the connection');
          if (this.socket === socket) this.socket = null;
        });
        this.socket = socket;
        resolve(socket);
      });
    });
  }

  /** Waits settleMs; rejects if the connection closes meanwhile (the batch may be lost). */
  private settle(socket: net.Socket, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (socket.destroyed)
        return reject(this.failure(this.closedBy ?? new Error('connection closed')));
      const done = (err?: Error): void => {
        clearTimeout(timer);
        socket.off('close', onClose);
        signal.removeEventListener('abort', onAbort);
        if (err) reject(this.failure(err));
        else resolve();
      };
      const onClose = (): void => done(this.closedBy ?? new Error('connection closed'));
      const onAbort = (): void => done(new Error('stopped'));
      const timer = setTimeout(() => done(), this.settleMs);
      socket.once('close', onClose);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
