/**
 * Windows' log-out hint (PROTOCOL.md `platform.logoutHint`). A logon token keeps the groups it
 * was built with, so after a grant ("grant") or its end ("revoke") the person must log out and
 * back in. The agent notes the person's logon sessions when the hint appears and clears the
 * hint once none of them is left (logged out, or out and in again: a new logon has a new key).
 * Someone who is not logged on at all has nothing to refresh: their next logon gets the right
 * token, so the hint ends at once. Under policy windowsLogoffAtEnd "force", a "revoke" hint
 * gets a deadline (`logoffAt`, the tray counts down to it) after which the agent logs those
 * sessions off. Every step is audited (`logout.hinted`, `logout.done`).
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { LogonSession, LogonSessions } from '../backends/backend.js';
import type { EffectivePolicy } from '../protocol/schemas.js';
import type { Clock } from '../scheduler/clock.js';
import type { Mutex } from '../shared/mutex.js';
import type { UserState } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';

type Hint = 'grant' | 'revoke';

/** Sets a new hint; the sessions it concerns are looked up afresh by the next check. */
export function setLogoutHint(u: UserState, hint: Hint): void {
  u.logoutHint = hint;
  u.logoutSessions = null;
  u.logoffAt = null;
}

export interface LogoutHintsDeps {
  store: StateStore;
  lock: Mutex;
  audit: AuditLog;
  sessions: LogonSessions;
  clock: Clock;
  policyFor(user: string): Promise<EffectivePolicy>;
  invalidate(user: string): void;
  log(msg: string): void;
}

/** Often enough that a hint ends soon after the log-out; quser costs a few ms. */
const CHECK_INTERVAL_MS = 2_000;

export class LogoutHints {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly deps: LogoutHintsDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.checkAll(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async checkAll(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const user of this.deps.store.users()) {
        if (!this.deps.store.peek(user)?.logoutHint) continue;
        await this.check(user).catch((err: unknown) =>
          this.deps.log(`log-out hint for ${user}: ${String(err)}`),
        );
      }
    } finally {
      this.running = false;
    }
  }

  private async check(user: string): Promise<void> {
    const { store, lock, clock } = this.deps;
    const [sessions, policy] = await Promise.all([
      this.deps.sessions.list(user),
      this.deps.policyFor(user),
    ]);
    await lock.run(async () => {
      const u = store.peek(user);
      const hint = u?.logoutHint;
      if (!u || !hint) return;
      const known = u.logoutSessions;
      if (known === null || known === undefined) {
        if (sessions.length === 0) return this.done(u, user, hint, 'not-logged-on');
        u.logoutSessions = sessions.map((s) => s.key);
        if (hint === 'revoke' && policy.windowsLogoffAtEnd === 'force') {
          const countdownMs = (policy.windowsLogoffCountdownSec ?? 120) * 1000;
          u.logoffAt = new Date(clock.wall() + countdownMs).toISOString();
        }
        await this.deps.audit.append({
          type: 'logout.hinted',
          user,
          actor: 'agent',
          detail: {
            hint,
            sessions: sessions.length,
            ...(u.logoffAt ? { logoffAt: u.logoffAt } : {}),
          },
        });
        return this.changed(u, user);
      }
      const open = sessions.filter((s) => known.includes(s.key));
      if (open.length === 0) return this.done(u, user, hint, 'logged-out');
      if (u.logoffAt && clock.wall() >= Date.parse(u.logoffAt)) {
        await this.logoff(open);
        return this.done(u, user, hint, 'forced');
      }
    });
  }

  /** Throws when a session cannot be ended: the hint stays and the next check tries again. */
  private async logoff(open: LogonSession[]): Promise<void> {
    for (const s of open) await this.deps.sessions.logoff(s.id);
  }

  private async done(
    u: UserState,
    user: string,
    hint: Hint,
    how: 'logged-out' | 'not-logged-on' | 'forced',
  ): Promise<void> {
    await this.deps.audit.append({
      type: 'logout.done',
      user,
      actor: 'agent',
      detail: { hint, how },
    });
    u.logoutHint = null;
    u.logoutSessions = null;
    u.logoffAt = null;
    await this.changed(u, user);
  }

  private async changed(u: UserState, user: string): Promise<void> {
    this.deps.store.bump(u);
    await this.deps.store.save();
    this.deps.invalidate(user);
  }
}
