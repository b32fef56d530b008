/**
 * Start-up reconciliation, before the socket listens: finishes or undoes changes a crash left
 * half done (the write-ahead `pending` record says which), ends grants whose deadline passed
 * while the agent was down, and re-arms the rest. Runs under the core lock.
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { Backend } from '../backends/backend.js';
import type { Mutex } from '../shared/mutex.js';
import type { EndKind, GrantRecord, UserState } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';

const RECOVERY_RETRY_MS = 5000;

/** What recovery needs of the grant lifecycle (PrivilegeService). */
export interface RecoverableGrants {
  end(user: string, end: EndKind, actor: string, reason: string | null): Promise<void>;
  finishEnd(
    u: UserState,
    user: string,
    g: GrantRecord,
    end: EndKind,
    actor: string,
    reason: string | null,
  ): Promise<void>;
  restoreRefused(u: UserState, user: string, g: GrantRecord, err: unknown): Promise<void>;
  isOverdue(g: GrantRecord): boolean;
  rearm(user: string, g: GrantRecord): void;
}

export class GrantRecovery {
  constructor(
    private readonly grants: RecoverableGrants,
    private readonly deps: {
      store: StateStore;
      audit: AuditLog;
      backend: Backend;
      /** The core lock, for the retries recovery schedules on its own. */
      lock: Mutex;
      log: (msg: string) => void;
    },
  ) {}

  async recover(): Promise<void> {
    for (const user of this.deps.store.users()) {
      try {
        await this.recoverUser(user);
      } catch (err) {
        // One user's OS refusing must neither keep the agent down nor stop the others'
        // recovery; try that user again shortly (the write-ahead record is still there).
        this.deps.log(
          `recovery of ${user} failed, retrying in ${RECOVERY_RETRY_MS / 1000} s: ${(err as Error).message}`,
        );
        this.retry(user);
      }
    }
  }

  private retry(user: string): void {
    setTimeout(() => {
      void this.deps.lock
        .run(() => this.recoverUser(user))
        .catch((err: unknown) => {
          this.deps.log(`recovery of ${user} failed again: ${(err as Error).message}`);
          this.retry(user);
        });
    }, RECOVERY_RETRY_MS);
  }

  private async recoverUser(user: string): Promise<void> {
    const { store, audit, backend } = this.deps;
    const u = store.user(user);
    const p = u.pending;
    if (p?.op === 'apply') {
      await backend.restore(user, p.prior);
      u.pending = null;
      u.grant = null;
      store.bump(u);
      await audit.append({
        type: 'recovery.applied',
        user,
        level: p.level,
        grantId: p.grantId,
        actor: 'agent',
        detail: { action: 'rolled back a grant interrupted before it was confirmed' },
      });
      await audit.append({ type: 'privilege.restored', user, grantId: p.grantId, actor: 'agent' });
      await store.save();
    } else if (p?.op === 'restore') {
      const g = u.grant;
      try {
        await backend.restore(user, p.prior);
      } catch (err) {
        if (!g || g.id !== p.grantId) throw err;
        // Recorded and retried like any refused end; the others' recovery goes on.
        await this.grants.restoreRefused(u, user, g, err);
        return;
      }
      await audit.append({
        type: 'recovery.applied',
        user,
        level: p.level,
        grantId: p.grantId,
        actor: 'agent',
        detail: { action: `completed an interrupted end of rights (${p.end})` },
      });
      if (g && g.id === p.grantId) {
        await this.grants.finishEnd(u, user, g, p.end, p.actor, p.reason);
      } else {
        u.pending = null;
        await store.save();
      }
    }
    const g = u.grant;
    if (!g) return;
    if (this.grants.isOverdue(g)) {
      await audit.append({
        type: 'recovery.applied',
        user,
        level: g.level,
        grantId: g.id,
        actor: 'agent',
        detail: { action: 'ended rights whose deadline passed while the agent was not running' },
      });
      await this.grants.end(user, 'expired', 'agent', null);
    } else {
      this.grants.rearm(user, g);
    }
  }
}
