/**
 * End-of-session check. At grant start it records who holds admin (STATE/cleanup/
 * baselines/GRANTID.json, so a restart mid-grant keeps it); at the end it reports, as
 * `drift.detected`, admin rights added during the grant and root processes left from the
 * person's sudo use, and, as the policy says, undoes them. The summary becomes the
 * snapshot's `lastSession`. Ending processes waits a grace period, so that part finishes
 * outside the agent's core lock and pushes the summary when done.
 */
import { join } from 'node:path';
import * as z from 'zod';
import type { AuditLog, NewAuditEvent } from '../audit/audit-log.js';
import type { GrantLevel, LastSession } from '../protocol/schemas.js';
import { InventorySchema } from './admin-inventory.js';
import { BaselineStore, baselineSchema } from './baseline-store.js';
import { reportOnly, undoneCount, type DriftReport } from './drift-remover.js';
import { diffInventory, driftCount } from './inventory-diff.js';
import { checkSudoRights } from './sudo-rights-check.js';
import type { LastSessionStore } from './last-session-store.js';
import type { AdminRightsWatch, RootProcessWatch } from './os-watch.js';
import type { RootProcess } from './root-processes.js';

export interface CleanupSettings {
  cleanupOnEnd: 'report' | 'remove';
  endRootSessions: boolean;
  /** Between SIGTERM and SIGKILL for lingering root processes. */
  graceMs: number;
}

export interface SessionCleanupDeps {
  stateDir: string;
  /** The OS side: who holds admin, undoing additions, root processes (os-watch.ts). */
  admin: AdminRightsWatch;
  processes: RootProcessWatch;
  audit: AuditLog;
  lastSessions: LastSessionStore;
  settingsFor(user: string): Promise<CleanupSettings>;
  /** Users whose grant is active now (their group membership and drop-in are the agent's). */
  elevatedUsers(): string[];
  uidOf(user: string): Promise<number | null>;
  /** The user's snapshot changed outside a grant change: bump its seq and push it. */
  snapshotChanged(user: string): Promise<void>;
  log(msg: string): void;
}

export interface EndedGrant {
  id: string;
  level: GrantLevel;
}

const BaselineSchema = baselineSchema(InventorySchema, {
  /** What sudo listed for the person just before their rights were given (sudo-rights.ts). */
  personBefore: z.array(z.string()).nullable().default(null),
  /** Set once the admin-rights part of the end check is recorded (a restart must not repeat it). */
  drift: z.object({ found: z.number(), removed: z.number() }).nullable(),
});
type Baseline = z.infer<typeof BaselineSchema>;

export class SessionCleanup {
  private readonly baselines: BaselineStore<Baseline>;
  private readonly quarantineDir: string;
  /** Process endings still in their grace period (awaited by tests and at stop). */
  private readonly inFlight = new Set<Promise<void>>();
  /** Grants whose processes are in their grace period: their end check is already running. */
  private readonly ending = new Set<string>();
  /** What sudo listed for a person about to be elevated, until their grant's begin(). */
  private readonly sudoBefore = new Map<string, string[]>();

  constructor(private readonly deps: SessionCleanupDeps) {
    this.baselines = new BaselineStore(join(deps.stateDir, 'cleanup', 'baselines'), BaselineSchema);
    this.quarantineDir = join(deps.stateDir, 'quarantine');
  }

  /** Before the person's rights are given: what sudo lets them run without them. */
  async prepare(user: string): Promise<void> {
    this.sudoBefore.delete(user);
    const rights = await this.deps.admin.sudoRights?.([user]);
    const own = rights?.[user];
    if (own) this.sudoBefore.set(user, own);
  }

  /** Records who holds admin as the grant starts. */
  async begin(user: string, grant: EndedGrant): Promise<void> {
    const inventory = await this.deps.admin.take();
    const accounts = await this.deps.admin.sudoAccounts?.(inventory);
    if (accounts) inventory.sudoAccounts = accounts;
    const personBefore = this.sudoBefore.get(user) ?? null;
    this.sudoBefore.delete(user);
    await this.baselines.save({
      user,
      grantId: grant.id,
      level: grant.level,
      takenAt: new Date().toISOString(),
      inventory,
      personBefore,
      drift: null,
    });
  }

  /**
   * The grant ended and the user's own rights are gone: compare, report, undo as the policy
   * says. Called under the core lock; a grace period for ending processes runs after it.
   */
  async end(user: string, grant: EndedGrant): Promise<void> {
    const endedAt = new Date().toISOString();
    const settings = await this.deps.settingsFor(user);
    const baseline = await this.baselines.load(grant.id);
    let drift = baseline?.drift ?? null;
    if (baseline && !drift) {
      drift = await this.checkAdminRights(user, grant, baseline, settings, endedAt);
      await this.baselines.save({ ...baseline, drift });
    }
    const uid = await this.deps.uidOf(user);
    const found = uid === null || uid === 0 ? [] : await this.deps.processes.find(uid);
    const summary = (ended: number): LastSession => ({
      grantId: grant.id,
      endedAt,
      commands: this.commandsOf(user, grant.id),
      drift: drift ?? { found: 0, removed: 0 },
      rootProcesses: { found: found.length, ended },
    });
    if (found.length === 0 || !settings.endRootSessions) {
      if (found.length > 0) await this.reportProcesses(user, grant, found);
      await this.finish(user, grant.id, summary(0));
      return;
    }
    const signalled = await this.deps.processes.terminate(found);
    const ending = this.endProcesses(
      user,
      grant,
      found,
      signalled,
      settings.graceMs,
      summary,
    ).catch((err: unknown) =>
      this.deps.log(`ending ${user}'s root processes failed: ${(err as Error).message}`),
    );
    this.inFlight.add(ending);
    this.ending.add(grant.id);
    void ending.finally(() => {
      this.inFlight.delete(ending);
      this.ending.delete(grant.id);
    });
  }

  /** At start-up: finishes the end check of grants that ended while the agent was down. */
  async recover(isActive: (user: string, grantId: string) => boolean): Promise<void> {
    for (const baseline of await this.baselines.all()) {
      // A grant that ended during this start-up's recovery may still be in its grace period:
      // checking it again would find its processes gone and overwrite the real summary.
      if (isActive(baseline.user, baseline.grantId)) continue;
      if (this.ending.has(baseline.grantId)) continue;
      await this.end(baseline.user, { id: baseline.grantId, level: baseline.level });
    }
  }

  /** Resolves once every process ending in its grace period is done. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async checkAdminRights(
    user: string,
    grant: EndedGrant,
    baseline: Baseline,
    settings: CleanupSettings,
    at: string,
  ): Promise<{ found: number; removed: number }> {
    const { admin } = this.deps;
    const after = await admin.take(baseline.inventory.watchedGids);
    const managed = new Set([user, ...this.deps.elevatedUsers()]);
    const drift = diffInventory(baseline.inventory, after, {
      users: new Set(this.deps.elevatedUsers()),
      files: new Set([...managed].map((u) => admin.dropInKey(u))),
    });
    const remove = settings.cleanupOnEnd === 'remove';
    const report: DriftReport =
      remove && driftCount(drift) > 0
        ? await admin.undo(drift, baseline.inventory, this.quarantineDir, {
            user,
            grantId: grant.id,
            at,
          })
        : reportOnly(drift);
    report.sudoRights = await checkSudoRights({
      admin,
      user,
      before: baseline.inventory,
      personBefore: baseline.personBefore,
      after,
      drift,
      remove,
      elevated: new Set(this.deps.elevatedUsers()),
    });
    const found = driftCount(drift) + report.sudoRights!.length;
    if (found === 0) return { found: 0, removed: 0 };
    const removed = undoneCount(report);
    await this.append(user, grant, {
      kind: 'admin-rights',
      action: remove ? 'removed' : 'reported',
      summary: remove
        ? `${removed} of ${found} admin rights added during the session were undone.`
        : `${found} admin rights were added during the session and are still in place.`,
      ...report,
    });
    return { found, removed };
  }

  private async reportProcesses(
    user: string,
    grant: EndedGrant,
    found: RootProcess[],
  ): Promise<void> {
    await this.append(user, grant, {
      kind: 'root-processes',
      action: 'reported',
      summary: `${found.length} root processes from ${user}'s sudo use were still running when the rights ended.`,
      rootProcesses: found.map((p) => ({ pid: p.pid, command: p.command })),
    });
  }

  private async endProcesses(
    user: string,
    grant: EndedGrant,
    found: RootProcess[],
    signalled: RootProcess[],
    graceMs: number,
    summary: (ended: number) => LastSession,
  ): Promise<void> {
    const results = await this.deps.processes.finishEnding(found, signalled, graceMs);
    const ended = results.filter((r) => r.ended).length;
    await this.append(user, grant, {
      kind: 'root-processes',
      action: 'ended',
      summary: `${ended} of ${found.length} root processes from ${user}'s sudo use were ended.`,
      rootProcesses: results,
    });
    await this.finish(user, grant.id, summary(ended));
    await this.deps.snapshotChanged(user);
  }

  private async finish(user: string, grantId: string, session: LastSession): Promise<void> {
    await this.deps.lastSessions.set(user, session);
    await this.baselines.remove(grantId);
  }

  private async append(
    user: string,
    grant: EndedGrant,
    detail: NonNullable<NewAuditEvent['detail']>,
  ): Promise<void> {
    await this.deps.audit.append({
      type: 'drift.detected',
      user,
      level: grant.level,
      grantId: grant.id,
      actor: 'agent',
      detail,
    });
  }

  private commandsOf(user: string, grantId: string): number {
    return this.deps.audit.commandsIn(grantId);
  }
}
