/**
 * One client connection: framing, the order of checks from PROTOCOL.md (parse, shape,
 * authentication, method, params), and in-order answers. Bad input never changes state.
 */
import type { Socket } from 'node:net';
import type { Challenge } from '../auth/cookie-challenge.js';
import type * as z from 'zod';
import { agentError, type AgentMessages } from '../i18n/index.js';
import { wordRecordedIn } from '../i18n/recorded.js';
import { ErrorCode, RpcError } from '../protocol/errors.js';
import type { Place } from '../shared/i18n/dates.js';
import type { Locale } from '../shared/i18n/locale.js';
import { LineSplitter } from '../protocol/line-splitter.js';
import {
  ParamsSchemas,
  RpcRequestSchema,
  UNAUTHENTICATED_METHODS,
  type Method,
  type RequestId,
} from '../protocol/schemas.js';
import type { Account } from '../users/user-directory.js';
import {
  INPUT_HIGH_BYTES,
  INPUT_HIGH_LINES,
  OUTPUT_DROP_BYTES,
  OUTPUT_HIGH_BYTES,
  UNAUTHENTICATED_DEADLINE_MS,
} from './limits.js';
import type { PeerCredentials } from './peer-credentials.js';

export interface Session {
  account: Account;
  admin: boolean;
  /** This connection's auth.hello nonce (base64): what app-key signatures cover. */
  nonce: string;
}

export interface ConnectionContext {
  readonly id: number;
  /** Who the kernel says the peer is (null where the OS does not tell). */
  readonly peer: PeerCredentials | null;
  session: Session | null;
  challenge: Challenge | null;
  /** auth.hello calls made on this connection. */
  hellos: number;
  /** The language auth.hello asked for: error messages are worded in it. */
  locale: Locale;
  /** The locale and time zone auth.hello named: times in error messages are written in them. */
  place: Place;
  /** Open auth.presenceChallenge challenges (single use). */
  readonly presenceChallenges: Map<string, number>;
  notify(method: string, params: unknown): void;
  close(): void;
}

export type Handler = (
  ctx: ConnectionContext,
  method: Method,
  params: Record<string, unknown>,
  rawParams: Record<string, unknown>,
) => Promise<unknown>;

const CLOSE_GRACE_MS = 1000;

export class Connection implements ConnectionContext {
  challenge: Challenge | null = null;
  hellos = 0;
  locale: Locale = 'en';
  place: Place = {};
  readonly presenceChallenges = new Map<string, number>();
  private current: Session | null = null;
  /** Lines read but not yet handled, bounded by INPUT_HIGH_*: reading pauses above them. */
  private lines: string[] = [];
  private head = 0;
  private lineBytes = 0;
  private pumping = false;
  private closed = false;
  private readonly deadline: NodeJS.Timeout;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly handle: Handler,
    private readonly onClose: (c: Connection) => void,
    readonly peer: PeerCredentials | null = null,
    private readonly onAuthenticated: (c: Connection) => void = () => undefined,
    /** How long to hold the next request back (a flooding account's share of the agent). */
    private readonly pace: (authenticated: boolean) => number = () => 0,
  ) {
    // A connection that never authenticates holds a slot for nothing.
    this.deadline = setTimeout(() => {
      if (!this.current) this.close();
    }, UNAUTHENTICATED_DEADLINE_MS);
    this.deadline.unref();
    const splitter = new LineSplitter(
      (line) => this.enqueue(line),
      () => {
        this.reply(
          false,
          null,
          null,
          refuse(ErrorCode.InvalidRequest, (m) => m.lineTooLong),
        );
        this.close();
      },
    );
    socket.on('data', (d) => {
      if (!this.closed) splitter.push(d);
    });
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    socket.on('drain', () => this.resume());
  }

  get session(): Session | null {
    return this.current;
  }

  set session(s: Session | null) {
    const first = !this.current && s;
    this.current = s;
    if (first) {
      clearTimeout(this.deadline);
      this.onAuthenticated(this);
    }
  }

  get authenticated(): boolean {
    return this.current !== null;
  }

  /**
   * A push. A subscriber that does not read its pushes is dropped once they pile up: it can
   * reconnect and subscribe again, and the agent's memory stays bounded.
   */
  notify(method: string, params: unknown): void {
    if (this.socket.writableLength > OUTPUT_DROP_BYTES) {
      this.destroy();
      return;
    }
    this.send({ jsonrpc: '2.0', method, params: wordRecordedIn(params, this.locale) });
  }

  /**
   * Stops answering and half-closes after the last answer is flushed. Input is still read (and
   * dropped) for a moment, so a client that is mid-write sees our error instead of EPIPE.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.deadline);
    this.lines = [];
    this.head = 0;
    this.socket.end();
    setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS).unref();
    this.onClose(this);
  }

  /** Closes at once (agent shutdown). */
  destroy(): void {
    this.close();
    this.socket.destroy();
  }

  private enqueue(line: string): void {
    if (line.trim() === '') return;
    this.lines.push(line);
    this.lineBytes += line.length;
    if (this.lineBytes > INPUT_HIGH_BYTES || this.lines.length - this.head > INPUT_HIGH_LINES) {
      this.socket.pause();
    }
    void this.pump();
  }

  /**
   * Handles queued lines one at a time, in order. While the client leaves more than
   * OUTPUT_HIGH_BYTES of answers unread, nothing more is read or answered: the kernel's buffer
   * fills and the client's own writes block, not the agent's memory.
   */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.head < this.lines.length) {
        if (this.socket.writableLength > OUTPUT_HIGH_BYTES) {
          this.socket.pause();
          return; // 'drain' resumes
        }
        const line = this.lines[this.head++]!;
        this.lineBytes -= line.length;
        if (this.head === this.lines.length || this.head > 1024) {
          this.lines = this.lines.slice(this.head);
          this.head = 0;
        }
        const wait = this.pace(this.authenticated);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await this.process(line);
      }
    } finally {
      this.pumping = false;
    }
    this.resume();
  }

  private resume(): void {
    if (this.closed || this.socket.writableLength > OUTPUT_HIGH_BYTES) return;
    if (this.head < this.lines.length) {
      void this.pump();
      return;
    }
    this.socket.resume();
  }

  private async process(line: string): Promise<void> {
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      return this.reply(
        false,
        null,
        null,
        refuse(ErrorCode.ParseError, (m) => m.notJson),
      );
    }
    const id = requestIdOf(msg);
    if (Array.isArray(msg)) {
      return this.reply(
        false,
        null,
        null,
        refuse(ErrorCode.InvalidRequest, (m) => m.batch),
      );
    }
    const shape = RpcRequestSchema.safeParse(msg);
    if (!shape.success) {
      return this.reply(
        false,
        id,
        null,
        refuse(ErrorCode.InvalidRequest, (m) => m.notJsonRpc),
      );
    }
    const req = shape.data;
    const isNotification = req.id === undefined;
    const method = req.method as Method;
    if (!this.session && !UNAUTHENTICATED_METHODS.has(method)) {
      return this.reply(
        isNotification,
        id,
        null,
        agentError(ErrorCode.Unauthenticated, (m) => m.authenticateFirst),
      );
    }
    const schema = Object.hasOwn(ParamsSchemas, method) ? ParamsSchemas[method] : undefined;
    if (!schema) {
      return this.reply(
        isNotification,
        id,
        null,
        refuse(ErrorCode.MethodNotFound, (m) => m.noMethod(truncate(req.method))),
      );
    }
    const raw = req.params ?? {};
    if (Array.isArray(raw)) {
      return this.reply(
        isNotification,
        id,
        null,
        refuse(ErrorCode.InvalidParams, (m) => m.paramsNotObject),
      );
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return this.reply(isNotification, id, null, invalidParams(schema, raw));
    }
    try {
      const result = await this.handle(this, method, parsed.data as Record<string, unknown>, raw);
      this.reply(isNotification, id, result, null);
    } catch (err) {
      const error = toRpcError(err);
      this.reply(isNotification, id, null, error);
      // PROTOCOL.md: a failed auth.prove closes the connection after its answer.
      if (method === 'auth.prove' && error.code === ErrorCode.Unauthenticated) this.close();
    }
  }

  private reply(
    isNotification: boolean,
    id: RequestId | null,
    result: unknown,
    error: RpcError | null,
  ): void {
    if (isNotification) return;
    if (error) {
      const message = error.say?.(this.locale, this.place) ?? error.message;
      this.error(id, error.code, message, error.data);
    } else this.send({ jsonrpc: '2.0', id, result: wordRecordedIn(result, this.locale) });
  }

  private error(id: RequestId | null, code: number, message: string, data?: unknown): void {
    this.send({
      jsonrpc: '2.0',
      id,
      error: data === undefined ? { code, message } : { code, message, data },
    });
  }

  private send(frame: unknown): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(JSON.stringify(frame) + '\n');
  }
}

function requestIdOf(msg: unknown): RequestId | null {
  if (msg && typeof msg === 'object' && !Array.isArray(msg)) {
    const id = (msg as { id?: unknown }).id;
    if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id;
  }
  return null;
}

/** A refusal from PROTOCOL.md's checks, worded from the catalogue's `protocol`. */
function refuse(code: number, say: (m: AgentMessages['protocol']) => string): RpcError {
  return agentError(code, (m) => say(m.protocol));
}

/**
 * The first problem with the params, in the client's language: checked again with that
 * language's sentences for zod's checks (only a refused call pays for it).
 */
function invalidParams(schema: z.ZodType, raw: unknown): RpcError {
  return refuse(ErrorCode.InvalidParams, (m) => {
    const issue = schema.safeParse(raw, { error: (iss) => m.paramIssue(iss) }).error?.issues[0];
    if (!issue) return m.paramsInvalid;
    if (issue.code === 'unrecognized_keys' && issue.keys.length) {
      return m.unknownParams(issue.keys.join(', '));
    }
    const field = issue.path.length ? issue.path.map(String).join('.') : 'params';
    return m.fieldInvalid(field, issue.message);
  });
}

function toRpcError(err: unknown): RpcError {
  if (err instanceof RpcError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') {
    return agentError(ErrorCode.InternalError, (m) => m.diskFull);
  }
  console.error('elevate-agent: internal error:', err);
  return agentError(ErrorCode.InternalError, (m) => m.internal);
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
