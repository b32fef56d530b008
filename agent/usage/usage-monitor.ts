/**
 * Turns sudo's log of an elevated user's commands into `privilege.used` audit events. One
 * inotify watch (fs.watch) on the log directory exists only while someone is elevated; each
 * change there makes the follower of that user's file read what sudo appended. How far each
 * file has been read is kept in the state dir, so a restart mid-grant neither loses nor
 * repeats events (sudo's event id guards the crash window between the two writes).
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { AuditLog } from '../audit/audit-log.js';
import type { GrantLevel } from '../protocol/schemas.js';
import { writeFileAtomic } from '../store/atomic-file.js';
import { boundCommand } from '../audit/bounded-text.js';
import { commandUses, readSudoLogEvents, type CommandUse } from './sudo-json-log.js';
import { sudoLogDir, sudoLogPath } from './sudo-log-path.js';

export interface FollowedGrant {
  id: string;
  level: GrantLevel;
}

const FollowStateSchema = z.object({
  grantId: z.string(),
  level: z.enum(['admin', 'passwordless']),
  offset: z.number().int().nonnegative(),
});
type FollowState = z.infer<typeof FollowStateSchema>;

export interface UsageMonitorDeps {
  stateDir: string;
  audit: AuditLog;
  /** New events were recorded for the user while the grant runs (bump the snapshot). */
  recorded(user: string): void;
  log(msg: string): void;
}

class Follower {
  private chain: Promise<number> = Promise.resolve(0);

  constructor(
    readonly user: string,
    readonly state: FollowState,
    private readonly logFile: string,
    private readonly stateFile: string,
    private readonly record: (
      user: string,
      state: FollowState,
      uses: CommandUse[],
    ) => Promise<void>,
  ) {}

  /** Reads what sudo appended since the last read; reads never overlap. Returns events added. */
  pump(): Promise<number> {
    const next = this.chain.then(
      () => this.readNew(),
      () => this.readNew(),
    );
    this.chain = next.catch(() => 0);
    return next;
  }

  private async readNew(): Promise<number> {
    let fh;
    try {
      fh = await open(this.logFile, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let bytes: Buffer;
    try {
      const { size } = await fh.stat();
      // A shorter file is a new one (someone removed ours): start again from its beginning.
      if (size < this.state.offset) this.state.offset = 0;
      if (size === this.state.offset) return 0;
      bytes = Buffer.alloc(size - this.state.offset);
      const { bytesRead } = await fh.read(bytes, 0, bytes.length, this.state.offset);
      bytes = bytes.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
    const chunk = readSudoLogEvents(bytes);
    if (chunk.consumed === 0) return 0;
    // The file is this user's by its name and the drop-in; a line naming someone else is not.
    const uses = commandUses(chunk.events).filter((u) => u.submitUser === this.user);
    await this.record(this.user, this.state, uses);
    this.state.offset += chunk.consumed;
    await writeFileAtomic(this.stateFile, JSON.stringify(this.state));
    return uses.length;
  }
}

export class UsageMonitor {
  readonly logDir: string;
  private readonly stateDir: string;
  private readonly followers = new Map<string, Follower>();
  private watcher: FSWatcher | null = null;

  constructor(private readonly deps: UsageMonitorDeps) {
    this.logDir = sudoLogDir(deps.stateDir);
    this.stateDir = join(deps.stateDir, 'usage');
  }

  /** Whether a directory watch is open (only while someone is elevated). */
  get watching(): boolean {
    return this.watcher !== null;
  }

  /** Starts following a new grant's log (called once the drop-in with the log rule is in place). */
  async start(user: string, grant: FollowedGrant): Promise<void> {
    await this.dirs();
    const state: FollowState = { grantId: grant.id, level: grant.level, offset: 0 };
    await writeFileAtomic(this.stateFile(user), JSON.stringify(state));
    await this.follow(user, state);
  }

  /** After a restart: follows an active grant again from where the last run stopped reading. */
  async resume(user: string, grant: FollowedGrant): Promise<void> {
    await this.dirs();
    const saved = await this.savedState(user);
    const state =
      saved?.grantId === grant.id ? saved : { grantId: grant.id, level: grant.level, offset: 0 };
    await this.follow(user, state);
  }

  /**
   * The grant ended (the log rule went with the drop-in): collects what sudo logged up to
   * now, stops following and removes the log. Safe to call when nothing is followed.
   */
  async finish(user: string, grantId: string): Promise<void> {
    let follower = this.followers.get(user);
    if (!follower || follower.state.grantId !== grantId) {
      const saved = await this.savedState(user);
      if (!saved || saved.grantId !== grantId) return;
      follower = this.makeFollower(user, saved);
    }
    try {
      await follower.pump();
    } finally {
      if (this.followers.get(user) === follower) this.followers.delete(user);
      if (this.followers.size === 0) this.closeWatcher();
    }
    // A newer grant of the same user may already be following the same file.
    if (this.followers.has(user)) return;
    await unlink(sudoLogPath(this.logDir, user)).catch(() => undefined);
    await unlink(this.stateFile(user)).catch(() => undefined);
  }

  /** At start-up: finishes logs of grants that ended while the agent was not running. */
  async finishOrphans(isActive: (user: string, grantId: string) => boolean): Promise<void> {
    const names = await readdir(this.stateDir).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const user = name.slice(0, -'.json'.length);
      const saved = await this.savedState(user);
      if (saved && !isActive(user, saved.grantId)) await this.finish(user, saved.grantId);
    }
    // A log nobody follows is left from a grant undone before it was recorded (a crash
    // mid-grant): its commands belong to no grant, and a later grant must not inherit them.
    const logs = await readdir(this.logDir).catch(() => [] as string[]);
    for (const name of logs) {
      if (!name.endsWith('.log')) continue;
      const user = name.slice(0, -'.log'.length);
      if (!this.followers.has(user) && !(await this.savedState(user)))
        await unlink(join(this.logDir, name)).catch(() => undefined);
    }
  }

  stop(): void {
    this.followers.clear();
    this.closeWatcher();
  }

  private async follow(user: string, state: FollowState): Promise<void> {
    const follower = this.makeFollower(user, state);
    this.followers.set(user, follower);
    this.openWatcher();
    // Commands run before the watch existed (or while the agent was down).
    await this.pumpAndNotify(follower);
  }

  private makeFollower(user: string, state: FollowState): Follower {
    return new Follower(
      user,
      state,
      sudoLogPath(this.logDir, user),
      this.stateFile(user),
      (u, s, uses) => this.recordUses(u, s, uses),
    );
  }

  private async recordUses(user: string, state: FollowState, uses: CommandUse[]): Promise<void> {
    const seen = new Set(
      this.deps.audit
        .history(user, 200)
        .filter((e) => e.type === 'privilege.used' && e.grantId === state.grantId)
        .map((e) => e.detail?.['sudoEventId']),
    );
    for (const use of uses) {
      if (use.sudoEventId && seen.has(use.sudoEventId)) continue;
      await this.deps.audit.append({
        type: 'privilege.used',
        user,
        level: state.level,
        grantId: state.grantId,
        actor: user,
        ...(use.at ? { at: use.at } : {}),
        detail: {
          ...boundCommand(use.command, use.argv),
          cwd: use.cwd,
          runAs: use.runAs,
          tty: use.tty,
          sudoEventId: use.sudoEventId,
        },
      });
    }
  }

  private async pumpAndNotify(follower: Follower): Promise<void> {
    try {
      const added = await follower.pump();
      if (added > 0 && this.followers.get(follower.user) === follower)
        this.deps.recorded(follower.user);
    } catch (err) {
      this.deps.log(`could not read ${follower.user}'s sudo log: ${(err as Error).message}`);
    }
  }

  private openWatcher(): void {
    if (this.watcher) return;
    const watcher = watch(this.logDir, { persistent: false }, (_event, fileName) => {
      const name = fileName?.toString();
      if (!name?.endsWith('.log')) return;
      const follower = this.followers.get(name.slice(0, -'.log'.length));
      if (follower) void this.pumpAndNotify(follower);
    });
    watcher.on('error', (err) => {
      this.deps.log(`watching ${this.logDir} failed: ${err.message}`);
      this.closeWatcher();
    });
    this.watcher = watcher;
  }

  private closeWatcher(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private async dirs(): Promise<void> {
    await mkdir(this.logDir, { recursive: true, mode: 0o700 });
    await mkdir(this.stateDir, { recursive: true, mode: 0o700 });
  }

  private stateFile(user: string): string {
    return join(this.stateDir, `${user}.json`);
  }

  private async savedState(user: string): Promise<FollowState | null> {
    try {
      const parsed = FollowStateSchema.safeParse(
        JSON.parse(await readFile(this.stateFile(user), 'utf8')),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
