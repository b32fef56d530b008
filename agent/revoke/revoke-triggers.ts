/**
 * revokeAt (docs/policy-additions.md): ends rights when the computer restarted since the grant
 * (boot id), when the person's last login session ended, or when the screen is locked (the
 * tray's report, or on Linux logind's LockedHint, which needs no tray). What each grant
 * started with (boot id, whether a session was seen, which sessions were seen unlocked) is
 * kept in STATE/revoke-triggers.json, so an agent restart in between changes nothing.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { PrivilegeService } from '../grants/privilege-service.js';
import { en } from '../i18n/en.js';
import type { SnapshotBuilder } from '../grants/snapshot-builder.js';
import type { RevokeTrigger } from '../protocol/policy-additions.js';
import type { Mutex } from '../shared/mutex.js';
import { writeFileAtomic } from '../store/atomic-file.js';
import type { GrantRecord } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';
import type { UserDirectory } from '../users/user-directory.js';
import { countLoginSessions } from './login-sessions.js';
import { readLockedHints } from './logind-lock.js';

/** Each ending is its own audit reason, recorded in English (agent/i18n `recorded`). */
export const REVOKE_REASON: Record<RevokeTrigger, string> = {
  logout: en.recorded.loggedOut,
  lock: en.recorded.screenLocked,
  reboot: en.recorded.restarted,
};

const GrantMarkSchema = z.object({
  user: z.string(),
  bootId: z.string().nullable(),
  seenSession: z.boolean(),
  /** logind sessions seen unlocked during the grant: locking one of them ends it. */
  unlockedSessions: z.array(z.string()).optional(),
});
type GrantMark = z.infer<typeof GrantMarkSchema>;
const FileSchema = z.object({ grants: z.record(z.string(), GrantMarkSchema) });
type TriggerFile = z.infer<typeof FileSchema>;

export interface RevokeTriggerDeps {
  root: string;
  stateDir: string;
  store: StateStore;
  lock: Mutex;
  privileges: Pick<PrivilegeService, 'end'>;
  snapshots: SnapshotBuilder;
  users: UserDirectory;
  log: (msg: string) => void;
  pollMs?: number;
}

export class RevokeTriggers {
  private readonly path: string;
  private data: TriggerFile = { grants: {} };
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(private readonly d: RevokeTriggerDeps) {
    this.path = join(d.stateDir, 'revoke-triggers.json');
  }

  async load(): Promise<void> {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) this.data = parsed.data;
    } catch {
      // None yet: grants from before have no marks and only the deadline ends them.
    }
  }

  /** The boot this agent runs in (ROOT/proc/... so tests can play a restart). */
  async bootId(): Promise<string | null> {
    const text = await readFile(join(this.d.root, 'proc/sys/kernel/random/boot_id'), 'utf8');
    return text.trim() || null;
  }

  readonly started = async (user: string, grant: GrantRecord): Promise<void> => {
    this.data.grants[grant.id] = {
      user,
      bootId: await this.bootId().catch(() => null),
      seenSession: ((await this.sessions(user)) ?? 0) > 0,
    };
    await this.save();
  };

  readonly ended = async (_user: string, grant: GrantRecord): Promise<void> => {
    delete this.data.grants[grant.id];
    await this.save();
  };

  /** Start-up, under the lock, before the socket listens: no grant outlives a restart. */
  async recoverReboot(): Promise<void> {
    const now = await this.bootId().catch(() => null);
    if (!now) return;
    for (const user of this.d.store.users()) {
      const g = this.d.store.peek(user)?.grant;
      const mark = g ? this.data.grants[g.id] : undefined;
      if (!g || !mark?.bootId || mark.bootId === now) continue;
      if (await this.applies(user, 'reboot')) await this.revoke(user, 'reboot');
    }
  }

  /** The tray reported the screen lock. Ending rights needs no proof, so none is asked. */
  async locked(user: string): Promise<void> {
    const g = this.d.store.peek(user)?.grant;
    if (g && (await this.applies(user, 'lock'))) await this.revoke(user, 'lock');
  }

  start(): void {
    this.timer = setInterval(() => void this.poll(), this.d.pollMs ?? 2000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Every 2 s, for people with rights only: their login sessions and their screen lock. */
  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const user of this.d.store.users()) {
        const g = this.d.store.peek(user)?.grant;
        if (!g) continue;
        const revokeAt = (await this.d.snapshots.policyFor(user)).revokeAt;
        const mark = (this.data.grants[g.id] ??= { user, bootId: null, seenSession: false });
        let trigger: RevokeTrigger | null = null;
        if (revokeAt.includes('logout')) trigger = await this.loggedOut(user, mark);
        if (!trigger && revokeAt.includes('lock')) trigger = await this.screenLocked(user, mark);
        if (!trigger) continue;
        const why = trigger;
        await this.d.lock.run(async () => {
          const still = this.d.store.peek(user)?.grant;
          if (still?.id === g.id) await this.revoke(user, why);
        });
      }
    } catch (err) {
      this.d.log(`revokeAt check failed: ${(err as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  /** 'logout' once a session was seen during the grant and none is left. */
  private async loggedOut(user: string, mark: GrantMark): Promise<RevokeTrigger | null> {
    const count = await this.sessions(user);
    if (count === null) return null;
    if (count > 0 && !mark.seenSession) {
      mark.seenSession = true;
      await this.save();
    }
    return count === 0 && mark.seenSession ? 'logout' : null;
  }

  /**
   * 'lock' when a session seen unlocked during the grant now has LockedHint set. A session
   * already locked when first seen (rights given over SSH while the screen was locked) counts
   * only after it was unlocked once.
   */
  private async screenLocked(user: string, mark: GrantMark): Promise<RevokeTrigger | null> {
    const account = await this.d.users.lookup(user);
    if (account?.uid == null) return null; // no POSIX account (Windows): no logind hints
    const hints = await readLockedHints(this.d.root, account.uid).catch(() => null);
    if (!hints) return null;
    const unlocked = new Set(mark.unlockedSessions ?? []);
    const before = unlocked.size;
    for (const [id, locked] of hints) {
      if (locked && unlocked.has(id)) return 'lock';
      if (!locked) unlocked.add(id);
    }
    if (unlocked.size !== before) {
      mark.unlockedSessions = [...unlocked];
      await this.save();
    }
    return null;
  }

  /** Callers hold the core lock. The snapshot's `ended` then carries the reason. */
  private async revoke(user: string, trigger: RevokeTrigger): Promise<void> {
    await this.d.privileges.end(user, 'revoked', 'agent', REVOKE_REASON[trigger]);
  }

  private async applies(user: string, trigger: RevokeTrigger): Promise<boolean> {
    return (await this.d.snapshots.policyFor(user)).revokeAt.includes(trigger);
  }

  private async sessions(user: string): Promise<number | null> {
    const account = await this.d.users.lookup(user);
    if (account?.uid == null) return null;
    const posix = { name: account.name, uid: account.uid };
    return (await countLoginSessions(this.d.root, posix).catch(() => null))?.sessions ?? null;
  }

  private async save(): Promise<void> {
    await mkdir(this.d.stateDir, { recursive: true });
    await writeFileAtomic(this.path, JSON.stringify(this.data));
  }
}
