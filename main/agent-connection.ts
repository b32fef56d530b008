/**
 * The tray's one connection to the agent: connect, authenticate, subscribe to status, and
 * reconnect with exponential backoff and jitter whenever the agent goes away. It holds the
 * latest snapshot and never lets an older one replace a newer one (seq). When the agent is
 * gone the connection is 'unavailable' and the last snapshot is kept only as stale history:
 * consumers must not present it as live.
 */
import { EventEmitter } from 'node:events';
import type { KeyObject } from 'node:crypto';
import {
  AgentClient,
  AgentUnavailableError,
  type ConnectOptions,
} from '../agent/client/agent-client.js';
import { existsSync } from 'node:fs';
import { AGENT_NOT_RUNNING } from '../agent/client/messages.js';
import { pickLocale, type Locale } from '../agent/shared/i18n/locale.js';
import { defaultSocketPath } from '../agent/shared/default-paths.js';
import {
  SnapshotSchema,
  type Method,
  type ParamsOf,
  type ResultOf,
  type Snapshot,
} from '../agent/protocol/schemas.js';
import { VERSION } from '../agent/shared/version.js';
import type { AgentTrouble, ConnectionState } from '../preload/api.js';
import { unreachableProblem, versionMismatch } from './agent-problem.js';

/** The part of AgentClient this module uses. */
export interface AgentSession {
  call<M extends Method>(method: M, params?: ParamsOf<M>): Promise<ResultOf[M]>;
  callSigned<M extends Method>(
    method: M,
    params: ParamsOf<M>,
    key: KeyObject,
  ): Promise<ResultOf[M]>;
  onNotification(method: 'status.changed', listener: (params: Snapshot) => void): () => void;
  once(event: 'close', listener: () => void): unknown;
  close(): void;
  /** The agent's release version from auth.hello; null or absent from an older agent. */
  readonly agentVersion?: string | null;
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2 };

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal
 * jitter" (half fixed, half random) so many trays restarting with one agent spread out.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(opts.maxMs, opts.initialMs * opts.factor ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export interface ConnectionView {
  connection: ConnectionState;
  snapshot: Snapshot | null;
  /** One sentence when the agent cannot be reached or refused us; null when all is well. */
  problem: string | null;
  /** The kind of `problem` while unreachable, for the popover's own words; else absent. */
  trouble?: AgentTrouble | null;
}

export interface AgentConnectionOptions {
  socketPath: string;
  user?: string;
  clientName?: string;
  /** Per-request timeout. */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  random?: () => number;
  connect?: (opts: ConnectOptions) => Promise<AgentSession>;
  /** Runs after authentication and before subscribing (pairing the app key). */
  onSession?: (session: AgentSession) => Promise<void>;
  log?: (message: string) => void;
  /**
   * The person's language at the time of connecting (known only once the app is ready): the
   * agent words its refusals in it, and so does this module its own sentences.
   */
  locale?: () => string | undefined;
  /** This app's release; another release's tray is what a mismatch test plays. */
  appVersion?: string;
}

export { AGENT_NOT_RUNNING, versionMismatch };

/** Where the elevate-agent package puts the agent; elsewhere the OS installers own the answer. */
const LINUX_AGENT = '/usr/lib/elevate/elevate-agent';
/** Only asked about the real socket: a demo or test agent elsewhere is not installed anyway. */
function agentInstalled(socketPath: string): boolean {
  if (process.platform !== 'linux' || socketPath !== defaultSocketPath()) return true;
  return existsSync(LINUX_AGENT);
}

interface Events {
  change: [ConnectionView];
  snapshot: [Snapshot];
}

export class AgentConnection extends EventEmitter<Events> {
  private session: AgentSession | null = null;
  private view: ConnectionView = { connection: 'connecting', snapshot: null, problem: null };
  private lastSeq = -1;
  private versionProblem: string | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly backoff: BackoffOptions;
  private readonly random: () => number;
  private readonly connectFn: (opts: ConnectOptions) => Promise<AgentSession>;

  constructor(private readonly opts: AgentConnectionOptions) {
    super();
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.random = opts.random ?? Math.random;
    this.connectFn = opts.connect ?? ((o) => AgentClient.connect(o));
  }

  get state(): ConnectionView {
    return this.view;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connectOnce();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.session;
    this.session = null;
    s?.close();
  }

  /**
   * Fetches the state again (after a sleep or an unlock): on a live session, `status.get`;
   * otherwise, a reconnect now instead of at the end of the back-off.
   */
  refresh(): void {
    if (this.stopped) return;
    if (this.session && this.view.connection === 'connected') {
      this.session.call('status.get').then(
        (s) => this.applySnapshot(s),
        (err: unknown) => this.opts.log?.(`status.get after wake failed: ${String(err)}`),
      );
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.attempt = 0;
      void this.connectOnce();
    }
  }

  /** Calls a method on the live session; rejects with a readable error when there is none. */
  async call<M extends Method>(method: M, params?: ParamsOf<M>): Promise<ResultOf[M]> {
    return this.live().call(method, params);
  }

  async callSigned<M extends Method>(
    method: M,
    params: ParamsOf<M>,
    key: KeyObject,
  ): Promise<ResultOf[M]> {
    return this.live().callSigned(method, params, key);
  }

  /** Shows a snapshot if it is newer than the one shown (action results and pushes alike). */
  applySnapshot(raw: unknown): boolean {
    const parsed = SnapshotSchema.safeParse(raw);
    if (!parsed.success) {
      this.opts.log?.(`dropped a malformed snapshot: ${parsed.error.issues[0]?.message ?? ''}`);
      return false;
    }
    const snapshot = parsed.data;
    if (snapshot.seq <= this.lastSeq) return false;
    this.lastSeq = snapshot.seq;
    // 'snapshot' first: listeners that anchor the countdown must see it before 'change'
    // listeners redraw from it.
    this.emit('snapshot', snapshot);
    this.setView({ connection: 'connected', snapshot, problem: this.versionProblem });
    return true;
  }

  private live(): AgentSession {
    if (!this.session || this.view.connection !== 'connected') {
      throw new AgentUnavailableError(this.opts.socketPath, null);
    }
    return this.session;
  }

  private async connectOnce(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    let session: AgentSession;
    try {
      session = await this.connectFn({
        socketPath: this.opts.socketPath,
        ...(this.opts.user !== undefined ? { user: this.opts.user } : {}),
        client: this.opts.clientName ?? 'elevate-tray',
        timeoutMs: this.opts.timeoutMs ?? 10_000,
        ...(this.opts.locale?.() ? { locale: this.opts.locale() } : {}),
      });
    } catch (err) {
      this.fail(err);
      return;
    }
    if (this.stopped) {
      session.close();
      return;
    }
    this.session = session;
    this.versionProblem = versionMismatch(
      session.agentVersion ?? null,
      this.opts.appVersion ?? VERSION,
      this.language(),
    );
    if (this.versionProblem) this.opts.log?.(this.versionProblem);
    session.once('close', () => this.onClosed(session));
    try {
      await this.opts.onSession?.(session);
      // A restarted agent may count seq from the start again: the first snapshot of a
      // connection sets the baseline, and within a connection only newer ones pass.
      this.lastSeq = -1;
      session.onNotification('status.changed', (s) => this.applySnapshot(s));
      const first = await session.call('status.subscribe');
      this.attempt = 0;
      this.applySnapshot(first);
    } catch (err) {
      this.session = null;
      session.close();
      this.fail(err);
    }
  }

  private onClosed(session: AgentSession): void {
    if (this.session !== session) return;
    this.session = null;
    this.opts.log?.('the agent closed the connection');
    this.fail(new AgentUnavailableError(this.opts.socketPath, null));
  }

  /** The language the person's OS asks for (English until the app is ready). */
  private language(): Locale {
    return pickLocale([this.opts.locale?.()]);
  }

  private fail(err: unknown): void {
    if (this.stopped) return;
    const unreachable = err instanceof AgentUnavailableError || !(err instanceof Error);
    const trouble: AgentTrouble = !unreachable
      ? 'other'
      : agentInstalled(this.opts.socketPath)
        ? 'not-running'
        : 'not-installed';
    const problem = unreachableProblem(trouble, err, this.language());
    this.setView({ connection: 'unavailable', snapshot: this.view.snapshot, problem, trouble });
    const delay = backoffDelay(this.attempt++, this.backoff, this.random);
    this.opts.log?.(
      `agent unavailable (${(err as Error)?.message ?? String(err)}); retrying in ${delay} ms`,
    );
    this.timer = setTimeout(() => void this.connectOnce(), delay);
  }

  private setView(next: ConnectionView): void {
    const prev = this.view;
    this.view = next;
    if (
      prev.connection !== next.connection ||
      prev.snapshot !== next.snapshot ||
      prev.problem !== next.problem ||
      prev.trouble !== next.trouble
    ) {
      this.emit('change', next);
    }
  }
}
