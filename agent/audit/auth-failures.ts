/**
 * `auth.failed` without letting anyone flood the trail: a failed proof for any name costs an
 * attacker nothing, so failures are coalesced to one event per source (the peer's uid, as the
 * kernel says) and claimed name per window, with a count. The claimed name is recorded as
 * claimed (detail.claimed), never as the event's user or actor: nobody proved it.
 */
import type { PeerCredentials } from '../server/peer-credentials.js';
import type { UserDirectory } from '../users/user-directory.js';
import type { AuditLog } from './audit-log.js';

export const AUTH_FAILED_WINDOW_MS = 60_000;
/** Sources × names tracked at once; past this, one source's failures share a "many names" slot. */
const MAX_KEYS = 1024;
const MANY = '(many names)';

interface Window {
  claimed: string;
  peer: PeerCredentials | null;
  reason: string;
  /** Failures seen since the last event was written. */
  unreported: number;
  timer: NodeJS.Timeout;
}

export class AuthFailures {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly audit: AuditLog,
    private readonly users: UserDirectory,
    private readonly log: (msg: string) => void,
    private readonly windowMs = AUTH_FAILED_WINDOW_MS,
  ) {}

  record(peer: PeerCredentials | null, claimed: string, reason: string): void {
    const source = peer ? String(peer.uid) : '?';
    let key = `${source}\n${claimed}`;
    if (!this.windows.has(key) && this.windows.size >= MAX_KEYS) {
      key = `${source}\n${MANY}`;
      claimed = MANY;
    }
    const open = this.windows.get(key);
    if (open) {
      open.unreported += 1;
      open.peer = peer;
      return;
    }
    // The first failure is written at once; the rest of the window's, when it closes.
    const w: Window = { claimed, peer, reason, unreported: 0, timer: this.arm(key) };
    this.windows.set(key, w);
    void this.write(w, 1);
  }

  /** Writes what the open windows still hold (the agent is stopping) and forgets them. */
  async stop(): Promise<void> {
    const open = [...this.windows.values()];
    this.windows.clear();
    for (const w of open) {
      clearTimeout(w.timer);
      if (w.unreported > 0) await this.write(w, w.unreported);
    }
  }

  private arm(key: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const w = this.windows.get(key);
      if (!w) return;
      if (w.unreported === 0) {
        this.windows.delete(key);
        return;
      }
      const n = w.unreported;
      w.unreported = 0;
      w.timer = this.arm(key);
      void this.write(w, n);
    }, this.windowMs);
    timer.unref();
    return timer;
  }

  private async write(w: Window, count: number): Promise<void> {
    const actor = w.peer ? await this.peerName(w.peer.uid) : 'unknown';
    await this.audit
      .append({
        type: 'auth.failed',
        user: null,
        actor,
        detail: {
          claimed: w.claimed,
          reason: w.reason,
          count,
          windowSec: this.windowMs / 1000,
          peerUid: w.peer?.uid ?? null,
          peerPid: w.peer?.pid ?? null,
        },
      })
      .catch((err: unknown) =>
        this.log(`could not record a failed authentication: ${String(err)}`),
      );
  }

  private async peerName(uid: number): Promise<string> {
    const account = await this.users.lookupUid(uid).catch(() => null);
    return account?.name ?? `uid ${uid}`;
  }
}
