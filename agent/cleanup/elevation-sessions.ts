/**
 * What happened while a person was elevated (Linux, macOS): follows sudo's log of their commands
 * (`privilege.used`) and runs the end-of-session check (`drift.detected`, `lastSession`).
 * Its `started`/`ended` are the PrivilegeService hooks; `recover` runs after the grants'
 * own recovery at start-up. A failure here is logged and never undoes or blocks a grant.
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { SnapshotBuilder } from '../grants/snapshot-builder.js';
import type { GrantLevel } from '../protocol/schemas.js';
import type { Mutex } from '../shared/mutex.js';
import type { StateStore } from '../store/state-store.js';
import type { UserDirectory } from '../users/user-directory.js';
import { UsageMonitor } from '../usage/usage-monitor.js';
import type { LastSessionStore } from './last-session-store.js';
import type { SessionWatches } from './os-watch.js';
import { SessionCleanup, type CleanupSettings } from './session-cleanup.js';

export interface ElevationSessionsDeps {
  stateDir: string;
  /** The backend's side of the end-of-session check (linux-watch.ts, darwin/session-watch.ts). */
  watches: SessionWatches;
  audit: AuditLog;
  store: StateStore;
  lock: Mutex;
  snapshots: SnapshotBuilder;
  users: UserDirectory;
  lastSessions: LastSessionStore;
  log(msg: string): void;
}

interface GrantRef {
  id: string;
  level: GrantLevel;
}

export class ElevationSessions {
  readonly usage: UsageMonitor;
  readonly cleanup: SessionCleanup;

  constructor(private readonly deps: ElevationSessionsDeps) {
    this.usage = new UsageMonitor({
      stateDir: deps.stateDir,
      audit: deps.audit,
      recorded: (user) => void this.snapshotChanged(user, true),
      log: deps.log,
    });
    this.cleanup = new SessionCleanup({
      stateDir: deps.stateDir,
      admin: deps.watches.admin,
      processes: deps.watches.processes,
      audit: deps.audit,
      lastSessions: deps.lastSessions,
      settingsFor: (user) => this.settingsFor(user),
      elevatedUsers: () => deps.store.users().filter((u) => deps.store.peek(u)?.grant),
      uidOf: async (user) => (await deps.users.lookup(user))?.uid ?? null,
      snapshotChanged: (user) => this.snapshotChanged(user, false),
      log: deps.log,
    });
  }

  /** PrivilegeService hook: a grant is about to be given (the OS is as it was). */
  readonly starting = async (user: string): Promise<void> => {
    await this.guard(`recording what sudo let ${user} run before the grant`, () =>
      this.cleanup.prepare(user),
    );
  };

  /** PrivilegeService hook: the grant's OS change (with the sudo log rule) is in place. */
  readonly started = async (user: string, grant: GrantRef): Promise<void> => {
    await this.guard(`following ${user}'s sudo use`, () => this.usage.start(user, grant));
    await this.guard(`recording who holds admin as ${user}'s rights start`, () =>
      this.cleanup.begin(user, grant),
    );
  };

  /** PrivilegeService hook: the rights are gone; collect the last commands, then check. */
  readonly ended = async (user: string, grant: GrantRef): Promise<void> => {
    await this.guard(`collecting ${user}'s last sudo commands`, () =>
      this.usage.finish(user, grant.id),
    );
    await this.guard(`the end-of-session check for ${user}`, () => this.cleanup.end(user, grant));
  };

  /** Start-up, after the grants' recovery: follow active grants again, finish ended ones. */
  async recover(): Promise<void> {
    const { store } = this.deps;
    const isActive = (user: string, grantId: string): boolean =>
      store.peek(user)?.grant?.id === grantId;
    for (const user of store.users()) {
      const g = store.peek(user)?.grant;
      if (g) await this.guard(`following ${user}'s sudo use`, () => this.usage.resume(user, g));
    }
    await this.guard('collecting sudo logs of ended grants', () =>
      this.usage.finishOrphans(isActive),
    );
    await this.guard('end-of-session checks left from the last run', () =>
      this.cleanup.recover(isActive),
    );
  }

  stop(): void {
    this.usage.stop();
  }

  private async settingsFor(user: string): Promise<CleanupSettings> {
    const p = await this.deps.snapshots.policyFor(user);
    return {
      cleanupOnEnd: p.cleanupOnEnd ?? 'report',
      endRootSessions: p.endRootSessions ?? false,
      graceMs: (p.rootSessionGraceSec ?? 5) * 1000,
    };
  }

  private async snapshotChanged(user: string, onlyWhileElevated: boolean): Promise<void> {
    const { store, lock } = this.deps;
    try {
      // The lock pushes the bumped snapshot as the section ends.
      await lock.run(async () => {
        const u = store.peek(user);
        if (!u || (onlyWhileElevated && !u.grant)) return;
        store.bump(store.user(user));
        await store.save();
      });
    } catch (err) {
      this.deps.log(`could not record ${user}'s new snapshot: ${(err as Error).message}`);
    }
  }

  private async guard(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.deps.log(`${what} failed: ${(err as Error).message}`);
    }
  }
}
