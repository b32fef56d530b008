/**
 * The grant lifecycle: grant, extend, end (expired / released / revoked); start-up recovery is
 * grant-recovery.ts, the record of an end end-record.ts. Write-ahead: the intent and the user's previous state are durable before the OS is
 * touched, so a crash at any instant recovers to a consistent state. Callers hold the core lock.
 */
import type { AuditLog } from '../audit/audit-log.js';
import type { Backend, PriorState } from '../backends/backend.js';
import { en } from '../i18n/en.js';
import { agentError } from '../i18n/index.js';
import { ErrorCode, type RpcError } from '../protocol/errors.js';
import { LEVEL_RANK, type GrantLevel } from '../protocol/schemas.js';
import type { ExpiryScheduler } from '../scheduler/expiry-scheduler.js';
import type { Clock } from '../scheduler/clock.js';
import { newId } from '../shared/ids.js';
import type { EndKind, GrantRecord, UserState } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';
import { RESTORE_RETRY_MS, recordRestoreFailure } from './restore-failure.js';
import type { SnapshotBuilder } from './snapshot-builder.js';
import { setLogoutHint } from './logout-hints.js';
import { noSuchUser, osRefused, refuseWhileEnding, storageError } from './grant-errors.js';
import type { RecoverableGrants } from './grant-recovery.js';
import { recordEnd } from './end-record.js';

export interface GrantInput {
  user: string;
  level: GrantLevel;
  durationSec: number;
  reason: string | null;
  source: GrantRecord['source'];
  actor: string;
  requestId?: string;
  /** An admin granted beyond the policy's elevated-time caps (recorded in the audit). */
  overCap?: boolean;
}

/** Snapshots are not pushed from here: the core lock pushes each bumped user's final state. */
export interface PrivilegeHooks {
  /** A grant is about to start: the OS is still as it was (what the person could do before). */
  starting?(user: string): void | Promise<void>;
  /** A grant started (the OS change is in place). */
  started?(user: string, grant: GrantRecord): void | Promise<void>;
  /** A grant ended and the previous state is back: clean-up and reports. */
  ended?(user: string, grant: GrantRecord, end: EndKind): void | Promise<void>;
}

export class PrivilegeService implements RecoverableGrants {
  /** Set by admin.close (restore-all before an uninstall); in memory, so a restart clears it. */
  private closing = false;

  constructor(
    private readonly store: StateStore,
    private readonly audit: AuditLog,
    private readonly backend: Backend,
    private readonly scheduler: ExpiryScheduler,
    private readonly snapshots: SnapshotBuilder,
    private readonly clock: Clock,
    private readonly hooks: PrivilegeHooks,
    private readonly log: (msg: string) => void,
  ) {}

  /**
   * From now on no rights are given or extended, so nobody can be elevated between
   * restore-all and the service stop of an uninstall. Ending rights goes on as before.
   */
  close(): void {
    this.closing = true;
  }

  refuseIfClosing(): void {
    if (this.closing) throw agentError(ErrorCode.Conflict, (m) => m.beingRemoved);
  }

  /** Grants `level` for `durationSec`, replacing an active grant (PROTOCOL.md, Levels). */
  async grant(input: GrantInput): Promise<void> {
    this.refuseIfClosing();
    const u = this.store.user(input.user);
    refuseWhileEnding(u, input.user);
    if (!(await this.userExists(input.user))) throw noSuchUser(input.user);
    const existing = u.grant;
    if (existing && existing.level === input.level) {
      return this.moveDeadline(input, existing, this.clock.wall() + input.durationSec * 1000);
    }
    const prior = existing ? existing.prior : await this.inspect(input.user);
    if (LEVEL_RANK[input.level] <= LEVEL_RANK[prior.permanentLevel]) {
      throw agentError(ErrorCode.Conflict, (m) => m.hasPermanently(input.user, input.level));
    }
    if (existing) {
      const replaced =
        input.level === 'admin' ? en.recorded.replacedByAdmin : en.recorded.replacedByPasswordless;
      await this.end(input.user, 'revoked', input.actor, replaced);
    }
    await this.applyNew(u, input, prior);
  }

  /** Adds time to the active grant (an approved or self-serve extension). */
  async extend(
    user: string,
    durationSec: number,
    actor: string,
    reason: string | null,
    requestId?: string,
    overCap = false,
  ): Promise<void> {
    this.refuseIfClosing();
    const u = this.store.user(user);
    const g = u.grant;
    if (!g) throw agentError(ErrorCode.NotFound, (m) => m.nothingToExtendFor(user));
    refuseWhileEnding(u, user);
    const expiresAtMs = Date.parse(g.expiresAt) + durationSec * 1000;
    // Audit first: a crash between the two leaves the earlier (safer) deadline in force.
    await this.audit.append({
      type: 'privilege.extended',
      user,
      level: g.level,
      grantId: g.id,
      actor,
      ...(requestId ? { requestId } : {}),
      ...(reason ? { reason } : {}),
      detail: {
        from: g.expiresAt,
        to: new Date(expiresAtMs).toISOString(),
        addedSec: durationSec,
        ...(overCap ? { overCap: true } : {}),
      },
    });
    g.expiresAt = new Date(expiresAtMs).toISOString();
    g.extensionsUsed += 1;
    g.bootDeadline = this.scheduler.bootDeadlineFor(expiresAtMs);
    this.store.bump(u);
    await this.store.save();
    this.scheduler.arm(user, expiresAtMs, g.bootDeadline);
  }

  /** Why there is no grant to end: an unknown account is named as grant names it. */
  async nothingToEnd(user: string): Promise<RpcError> {
    if (!(await this.userExists(user))) return noSuchUser(user);
    return agentError(ErrorCode.NotFound, (m) => m.nothingToEndFor(user));
  }

  /** Ends the active grant and puts back exactly what the user had before. */
  async end(user: string, end: EndKind, actor: string, reason: string | null): Promise<void> {
    const u = this.store.user(user);
    const g = u.grant;
    if (!g) throw await this.nothingToEnd(user);
    // When the agent ends rights on its own, a full disk must not keep them in force: the
    // restore is idempotent and an unsaved state still shows the grant as due at the next start.
    const bestEffort = end === 'expired';
    u.pending = {
      op: 'restore',
      grantId: g.id,
      level: g.level,
      prior: g.prior,
      end,
      actor,
      reason,
    };
    await this.persist(bestEffort);
    try {
      await this.backend.restore(user, g.prior);
    } catch (err) {
      await this.restoreRefused(u, user, g, err);
      throw osRefused(err, (m, detail) => m.os.notRemoved(user, detail));
    }
    await this.finishEnd(u, user, g, end, actor, reason, bestEffort);
  }

  /**
   * The OS refused part of the end: the restore stays due (`pending` is kept, so a restart
   * finishes it too), the refusal is recorded and shown, and expireIfDue tries again shortly.
   */
  async restoreRefused(u: UserState, user: string, g: GrantRecord, err: unknown): Promise<void> {
    const error = err instanceof Error ? err.message : String(err);
    await recordRestoreFailure(
      { store: this.store, audit: this.audit, now: this.clock.wall() },
      u,
      user,
      g,
      error,
    );
    await this.persist(true);
    this.scheduler.arm(user, this.clock.wall() + RESTORE_RETRY_MS, null);
  }

  private async persist(bestEffort: boolean): Promise<void> {
    try {
      await this.store.save();
    } catch (err) {
      if (!bestEffort) throw storageError(err);
      this.log(
        `could not save the state (${(err as NodeJS.ErrnoException).code ?? String(err)}); will retry with the next change`,
      );
    }
  }

  /** Ends the grant if it is still due (called by the scheduler, under the lock). */
  async expireIfDue(user: string): Promise<void> {
    const u = this.store.peek(user);
    const g = u?.grant;
    if (!g) return;
    // An end the OS refused before is still due, with the kind it started as.
    const p = u.pending?.op === 'restore' && u.pending.grantId === g.id ? u.pending : null;
    const due = p !== null || this.scheduler.isDue(user) || this.isOverdue(g);
    if (!due) {
      // Extended while this expiry waited for the lock.
      this.scheduler.arm(user, Date.parse(g.expiresAt), g.bootDeadline);
      return;
    }
    try {
      await this.end(user, p?.end ?? 'expired', p?.actor ?? 'agent', p?.reason ?? null);
    } catch (err) {
      // Keep trying every tick: rights must not outlive their deadline because of one failure.
      this.log(`the end of ${user}'s rights failed, retrying: ${(err as Error).message}`);
      this.scheduler.arm(user, this.clock.wall() + RESTORE_RETRY_MS, null);
    }
  }

  /** Whether the grant's deadline has passed, by the wall clock or by time since boot. */
  isOverdue(g: GrantRecord): boolean {
    return this.clock.wall() >= Date.parse(g.expiresAt) || this.bootOverdue(g);
  }

  rearm(user: string, g: GrantRecord): void {
    this.scheduler.arm(user, Date.parse(g.expiresAt), g.bootDeadline);
  }

  private async moveDeadline(
    input: GrantInput,
    g: GrantRecord,
    expiresAtMs: number,
  ): Promise<void> {
    const u = this.store.user(input.user);
    const later = expiresAtMs > Date.parse(g.expiresAt);
    await this.audit.append({
      type: later ? 'privilege.extended' : 'privilege.granted',
      user: input.user,
      level: input.level,
      grantId: g.id,
      actor: input.actor,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.requestId ? { requestId: input.requestId } : {}),
      detail: {
        from: g.expiresAt,
        to: new Date(expiresAtMs).toISOString(),
        source: input.source,
        ...(input.overCap ? { overCap: true } : {}),
      },
    });
    g.expiresAt = new Date(expiresAtMs).toISOString();
    g.bootDeadline = this.scheduler.bootDeadlineFor(expiresAtMs);
    g.grantedBy = input.actor;
    g.source = input.source;
    g.reason = input.reason;
    this.store.bump(u);
    await this.store.save();
    this.scheduler.arm(input.user, expiresAtMs, g.bootDeadline);
  }

  private async applyNew(u: UserState, input: GrantInput, prior: PriorState): Promise<void> {
    await this.hooks.starting?.(input.user);
    const grantId = newId('g');
    u.pending = { op: 'apply', grantId, level: input.level, prior };
    await this.store.save();
    try {
      await this.backend.apply(input.user, input.level, prior);
    } catch (err) {
      await this.backend.restore(input.user, prior).catch(() => undefined);
      u.pending = null;
      await this.store.save();
      throw osRefused(err, (m, detail) => m.os.notGiven(input.level, input.user, detail));
    }
    // The time starts when the rights are in force.
    const grantedAtMs = this.clock.wall();
    const expiresAtMs = grantedAtMs + input.durationSec * 1000;
    const record: GrantRecord = {
      id: grantId,
      level: input.level,
      grantedAt: new Date(grantedAtMs).toISOString(),
      expiresAt: new Date(expiresAtMs).toISOString(),
      source: input.source,
      grantedBy: input.actor,
      reason: input.reason,
      extensionsUsed: 0,
      prior,
      bootDeadline: this.scheduler.bootDeadlineFor(expiresAtMs),
    };
    try {
      await this.audit.append({
        type: 'privilege.granted',
        user: input.user,
        level: input.level,
        grantId,
        actor: input.actor,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.requestId ? { requestId: input.requestId } : {}),
        detail: {
          expiresAt: record.expiresAt,
          durationSec: input.durationSec,
          source: input.source,
          ...(input.overCap ? { overCap: true } : {}),
        },
      });
      u.grant = record;
      u.pending = null;
      this.store.bump(u);
      if (this.backend.os === 'win32') setLogoutHint(u, 'grant');
      await this.store.save();
    } catch (err) {
      // Nothing may be in force that the record does not show: undo, then report.
      await this.backend.restore(input.user, prior).catch(() => undefined);
      u.grant = null;
      u.pending = null;
      await this.store.save().catch(() => undefined);
      throw storageError(err);
    }
    this.snapshots.invalidate(input.user);
    this.scheduler.arm(input.user, expiresAtMs, record.bootDeadline);
    await this.hooks.started?.(input.user, record);
  }

  async finishEnd(
    u: UserState,
    user: string,
    g: GrantRecord,
    end: EndKind,
    actor: string,
    reason: string | null,
    bestEffort = false,
  ): Promise<void> {
    await recordEnd(
      { audit: this.audit, store: this.store, now: this.clock.wall(), os: this.backend.os },
      u,
      user,
      g,
      { end, actor, reason },
      bestEffort,
    );
    await this.persist(bestEffort);
    this.scheduler.disarm(user);
    this.snapshots.invalidate(user);
    await this.hooks.ended?.(user, g, end);
  }

  private bootOverdue(g: GrantRecord): boolean {
    const boot = this.clock.boot();
    return (
      !!g.bootDeadline &&
      boot !== null &&
      g.bootDeadline.bootId === this.clock.bootId() &&
      boot >= g.bootDeadline.uptimeMs
    );
  }

  /** An OS that cannot say whether the account exists refuses, in words, not as an internal error. */
  private userExists(user: string): Promise<boolean> {
    return this.backend.userExists(user).catch((err: unknown) => {
      throw osRefused(err, (m, detail) => m.os.notRead(user, detail));
    });
  }

  private async inspect(user: string): Promise<PriorState> {
    try {
      return await this.backend.inspect(user);
    } catch (err) {
      throw osRefused(err, (m, detail) => m.os.notRead(user, detail));
    }
  }
}
