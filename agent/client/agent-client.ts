/**
 * A client of the agent protocol: connect, authenticate with the file cookie, call methods,
 * receive notifications, and sign requests with an app key. Used by elevatectl, the `elevate`
 * CLI and the tray's main process; third parties can follow PROTOCOL.md instead.
 */
import { createHmac, sign as edSign, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { os as osInfo } from './os-user.js';
import { RpcError } from '../protocol/errors.js';
import { pickLocale } from '../shared/i18n/locale.js';
import { clientMessages } from './i18n/index.js';
import { LineSplitter } from '../protocol/line-splitter.js';
import { signingPayload } from '../protocol/canonical-json.js';
import {
  PROTOCOL_VERSION,
  type Method,
  type NotificationMethod,
  type NotificationOf,
  type ParamsOf,
  type ResultOf,
} from '../protocol/schemas.js';

export interface ConnectOptions {
  socketPath: string;
  /** Account to authenticate as; defaults to the calling OS user. */
  user?: string;
  client?: string;
  /** The person's language (a BCP 47 or POSIX tag): the agent words its errors in it. */
  locale?: string;
  /** The person's IANA time zone for times in the agent's errors: this process's by default; '' names none. */
  timeZone?: string;
  /** Per-call timeout; a call with no answer by then rejects. */
  timeoutMs?: number;
  connectTimeoutMs?: number;
}

/** Thrown when the agent cannot be reached at all (not running, wrong socket, no permission). */
export class AgentUnavailableError extends Error {
  constructor(
    readonly socketPath: string,
    override readonly cause: unknown,
  ) {
    super(`The Elevate agent is not running (nothing answers at ${socketPath}).`);
    this.name = 'AgentUnavailableError';
  }
}

/** The agent took a call but gave no answer within its timeout. */
export class AgentNoAnswerError extends Error {
  constructor(readonly method: string) {
    super(`The Elevate agent did not answer ${method} in time.`);
    this.name = 'AgentNoAnswerError';
  }
}

/** The connection closed while a call still waited for its answer. */
export class AgentClosedError extends Error {
  constructor() {
    super('The Elevate agent closed the connection.');
    this.name = 'AgentClosedError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export interface AgentClientEvents {
  close: [];
  notification: [method: string, params: unknown];
}

export class AgentClient extends EventEmitter<AgentClientEvents> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  nonce: string | null = null;
  identity: ResultOf['auth.prove'] | null = null;
  /** The agent's release version from auth.hello (null from an agent that does not say). */
  agentVersion: string | null = null;

  private constructor(
    private readonly socket: Socket,
    private readonly timeoutMs: number,
  ) {
    super();
    const splitter = new LineSplitter(
      (line) => this.onLine(line),
      () => this.socket.destroy(),
      16 * 1024 * 1024,
    );
    socket.on('data', (d) => splitter.push(d));
    socket.on('close', () => this.onClose());
    socket.on('error', () => undefined);
  }

  /** Connects and authenticates; rejects with AgentUnavailableError or the agent's RpcError. */
  static async connect(opts: ConnectOptions): Promise<AgentClient> {
    // Who we are first: on Windows that asks whoami, which must not eat the agent's hello wait.
    const user = opts.user ?? (await osInfo.userName());
    const socket = await openSocket(opts.socketPath, opts.connectTimeoutMs ?? 3000);
    const client = new AgentClient(socket, opts.timeoutMs ?? 10_000);
    try {
      await client.authenticate(user, opts.client ?? 'agent-client', {
        locale: opts.locale,
        timeZone: opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    } catch (err) {
      client.close();
      throw err;
    }
    return client;
  }

  private async authenticate(
    user: string,
    clientName: string,
    place: { locale: string | undefined; timeZone: string | undefined },
  ): Promise<void> {
    const plain = { user, client: clientName, protocol: PROTOCOL_VERSION };
    const hello = await this.call('auth.hello', {
      ...plain,
      ...(place.locale ? { locale: place.locale } : {}),
      ...(place.timeZone ? { timeZone: place.timeZone } : {}),
    }).catch((err: unknown) => {
      // An agent from before these additions refuses them: it answers in English, in UTC.
      if (err instanceof RpcError && err.code === -32602) return this.call('auth.hello', plain);
      throw err;
    });
    let cookie: Buffer;
    try {
      cookie = await readFile(hello.challenge.path);
    } catch (err) {
      throw new RpcError(
        -32001,
        clientMessages(pickLocale([place.locale])).cookieUnreadable(
          user,
          (err as NodeJS.ErrnoException).code ?? String(err),
        ),
      );
    }
    const nonceBytes = Buffer.from(hello.challenge.nonce, 'base64');
    const proof = createHmac('sha256', cookie).update(nonceBytes).digest('hex');
    this.identity = await this.call('auth.prove', { proof });
    this.nonce = hello.challenge.nonce;
    this.agentVersion = hello.version ?? null;
  }

  call<M extends Method>(method: M, params?: ParamsOf<M>): Promise<ResultOf[M]> {
    return this.rawCall(method, params) as Promise<ResultOf[M]>;
  }

  /** Calls with an app-key signature over this connection's nonce (PROTOCOL.md, app keys). */
  callSigned<M extends Method>(
    method: M,
    params: ParamsOf<M>,
    privateKey: KeyObject,
  ): Promise<ResultOf[M]> {
    if (!this.nonce) throw new Error('Not authenticated.');
    const sig = edSign(null, signingPayload(this.nonce, method, params), privateKey);
    return this.rawCall(method, { ...params, signature: sig.toString('base64') }) as Promise<
      ResultOf[M]
    >;
  }

  /** Sends any method and params, unchecked: for tests and forward compatibility. */
  rawCall(method: string, params?: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new AgentUnavailableError('(closed)', null));
    const id = this.nextId++;
    const frame: Record<string, unknown> = { jsonrpc: '2.0', id, method };
    if (params !== undefined) frame.params = params;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.pending.delete(id);
          reject(new AgentNoAnswerError(method));
        },
        timeoutFor(method, this.timeoutMs),
      );
      this.pending.set(id, { resolve, reject, timer });
      this.socket.write(JSON.stringify(frame) + '\n');
    });
  }

  onNotification<N extends NotificationMethod>(
    method: N,
    listener: (params: NotificationOf[N]) => void,
  ): () => void {
    const handler = (m: string, p: unknown): void => {
      if (m === method) listener(p as NotificationOf[N]);
    };
    this.on('notification', handler);
    return () => this.off('notification', handler);
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private onLine(line: string): void {
    let msg: {
      id?: unknown;
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
      method?: string;
      params?: unknown;
    };
    try {
      msg = JSON.parse(line);
    } catch {
      return;
    }
    if (typeof msg.method === 'string' && msg.id === undefined) {
      this.emit('notification', msg.method, msg.params);
      return;
    }
    if (typeof msg.id !== 'number') return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    clearTimeout(p.timer);
    if (msg.error) p.reject(new RpcError(msg.error.code, msg.error.message, msg.error.data));
    else p.resolve(msg.result);
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new AgentClosedError());
    }
    this.pending.clear();
    this.emit('close');
  }
}

function openSocket(path: string, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new AgentUnavailableError(path, new Error('timeout')));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(new AgentUnavailableError(path, err));
    });
  });
}

/**
 * request.create may wait for the person to type their password into polkit's dialog
 * (requireAuthentication), which the agent allows up to 2 minutes.
 */
function timeoutFor(method: string, normal: number): number {
  return method === 'request.create' ? Math.max(normal, 130_000) : normal;
}
