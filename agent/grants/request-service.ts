/**
 * Requests for rights or more time: checked against the user's policy, approved at once under
 * self-serve, otherwise pending until an admin approves or denies. Callers hold the core lock.
 */
import type { AuditLog } from '../audit/audit-log.js';
import { checkCaps } from '../caps/cap-check.js';
import type { ElevatedTime } from '../caps/elevated-time.js';
import type { PolicySettings } from '../policy/policy-schema.js';
import { agentError } from '../i18n/index.js';
import { ErrorCode } from '../protocol/errors.js';
import type { GrantLevel } from '../protocol/schemas.js';
import type { Clock } from '../scheduler/clock.js';
import { newId } from '../shared/ids.js';
import type { StoredRequest } from '../store/agent-state.js';
import type { StateStore } from '../store/state-store.js';
import type { PrivilegeService } from './privilege-service.js';
import type { SnapshotBuilder } from './snapshot-builder.js';
import { checkNewRequest, takeRateSlot } from './request-checks.js';

export interface CreateRequestInput {
  kind: 'elevate' | 'extend';
  level?: GrantLevel;
  durationSec: number;
  reason?: string;
}

/** What request creation needs from approval codes (agent/codes/code-approvals.ts). */
export interface RequestCodes {
  issueNonce(): string | null;
  createdDetail(level: GrantLevel, nonce: string | null): Record<string, string>;
}

const KEEP_DECIDED_MS = 7 * 24 * 3600_000;

export class RequestService {
  private codes: RequestCodes | null = null;

  constructor(
    private readonly store: StateStore,
    private readonly audit: AuditLog,
    private readonly privileges: PrivilegeService,
    private readonly snapshots: SnapshotBuilder,
    private readonly clock: Clock,
    /** Elevated time so far, for the maxElevatedSecPer* caps. */
    private readonly elevatedTime: ElevatedTime,
  ) {}

  /** Requests that wait for approval get a request code when the policy turns codes on. */
  withCodes(codes: RequestCodes): this {
    this.codes = codes;
    return this;
  }

  async create(user: string, input: CreateRequestInput, signedByApp: boolean): Promise<void> {
    this.privileges.refuseIfClosing();
    const policy = await this.snapshots.policyFor(user);
    const u = this.store.user(user);
    const permanent = input.kind === 'elevate' ? await this.snapshots.permanentLevel(user) : 'none';
    const { level, reason } = checkNewRequest(policy, u, input, signedByApp, permanent);
    const now = this.clock.wall();
    this.checkCaps(user, policy, input.kind, input.durationSec, 'self');
    takeRateSlot(policy, u, now);
    u.requests = u.requests.filter(
      (r) => r.state === 'pending' || now - Date.parse(r.createdAt) < KEEP_DECIDED_MS,
    );
    const codeNonce = policy.selfServe ? null : (this.codes?.issueNonce() ?? null);
    const request: StoredRequest = {
      ...(codeNonce ? { codeNonce } : {}),
      id: newId('r'),
      user,
      kind: input.kind,
      level,
      durationSec: input.durationSec,
      reason,
      state: 'pending',
      createdAt: new Date(now).toISOString(),
      decidedAt: null,
      decidedBy: null,
      note: null,
    };
    await this.audit.append({
      type: 'request.created',
      user,
      level,
      requestId: request.id,
      actor: user,
      ...(reason ? { reason } : {}),
      detail: {
        kind: input.kind,
        durationSec: input.durationSec,
        selfServe: policy.selfServe,
        ...this.codes?.createdDetail(level, codeNonce),
      },
    });
    u.requests.push(request);
    this.store.bump(u);
    await this.store.save();
    if (policy.selfServe) await this.decideApproved(request, 'policy', input.durationSec, null);
  }

  /**
   * Start-up: a self-serve request that a crash caught between being recorded and being
   * approved is approved now (or, if that is no longer possible, cancelled with a note), so it
   * never blocks the person's next request.
   */
  async recover(): Promise<void> {
    for (const r of this.list('pending')) {
      const policy = await this.snapshots.policyFor(r.user);
      if (!policy.selfServe) continue;
      try {
        await this.decideApproved(r, 'policy', r.durationSec, null);
      } catch (err) {
        await this.audit.append({
          type: 'request.cancelled',
          user: r.user,
          level: r.level,
          requestId: r.id,
          actor: 'agent',
          reason: (err as Error).message,
        });
        this.decide(r, 'cancelled', 'agent', `${(err as Error).message} Please ask again.`);
        this.store.bump(this.store.user(r.user));
        await this.store.save();
      }
    }
  }

  async cancel(user: string, id: string): Promise<void> {
    const u = this.store.user(user);
    const r = u.requests.find((x) => x.id === id && x.state === 'pending');
    if (!r) throw agentError(ErrorCode.NotFound, (m) => m.noPendingWithId);
    await this.audit.append({
      type: 'request.cancelled',
      user,
      level: r.level,
      requestId: id,
      actor: user,
    });
    this.decide(r, 'cancelled', user, null);
    this.store.bump(u);
    await this.store.save();
  }

  /** Cancels a pending request on the agent's own account (e.g. too many wrong codes). */
  async withdraw(id: string, actor: string, note: string): Promise<void> {
    const r = this.findPending(id);
    await this.audit.append({
      type: 'request.cancelled',
      user: r.user,
      level: r.level,
      requestId: r.id,
      actor,
      reason: note,
    });
    this.decide(r, 'cancelled', actor, note);
    this.store.bump(this.store.user(r.user));
    await this.store.save();
  }

  async approve(
    actor: string,
    id: string,
    durationSec: number | undefined,
    note: string | null,
    /** An admin's word that the policy's elevated-time caps do not apply to this approval. */
    overCap = false,
  ): Promise<string> {
    const r = this.findPending(id);
    await this.decideApproved(r, actor, durationSec ?? r.durationSec, note, overCap);
    return r.user;
  }

  async deny(actor: string, id: string, note: string | null): Promise<string> {
    const r = this.findPending(id);
    await this.audit.append({
      type: 'request.denied',
      user: r.user,
      level: r.level,
      requestId: r.id,
      actor,
      ...(note ? { reason: note } : {}),
    });
    this.decide(r, 'denied', actor, note);
    this.store.bump(this.store.user(r.user));
    await this.store.save();
    return r.user;
  }

  list(state?: StoredRequest['state']): StoredRequest[] {
    const out: StoredRequest[] = [];
    for (const user of this.store.users()) {
      for (const r of this.store.user(user).requests) if (!state || r.state === state) out.push(r);
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  private async decideApproved(
    r: StoredRequest,
    actor: string,
    durationSec: number,
    note: string | null,
    overCap = false,
  ): Promise<void> {
    this.privileges.refuseIfClosing();
    const u = this.store.user(r.user);
    if (r.kind === 'extend' && !u.grant) {
      throw agentError(ErrorCode.NotFound, (m) => m.extendedRightsEnded);
    }
    const policy = await this.snapshots.policyFor(r.user);
    if (!overCap) {
      this.checkCaps(r.user, policy, r.kind, durationSec, actor === 'policy' ? 'self' : 'admin');
    }
    await this.audit.append({
      type: 'request.approved',
      user: r.user,
      level: r.level,
      requestId: r.id,
      actor,
      ...(note ? { reason: note } : {}),
      detail: { durationSec, ...(overCap ? { overCap: true } : {}) },
    });
    this.decide(r, 'approved', actor, note);
    this.store.bump(u);
    await this.store.save();
    const source = actor === 'policy' ? 'self-serve' : 'approval';
    if (r.kind === 'extend') {
      r.grantId = u.grant?.id ?? null;
      await this.privileges.extend(r.user, durationSec, actor, r.reason, r.id, overCap);
    } else {
      await this.privileges.grant({
        user: r.user,
        level: r.level,
        durationSec,
        reason: r.reason,
        source,
        actor,
        requestId: r.id,
        ...(overCap ? { overCap: true } : {}),
      });
      // The approval belongs to this grant only (a later grant must not show it).
      r.grantId = u.grant?.id ?? null;
      await this.store.save();
    }
  }

  /** A new grant replaces the active one (its remaining time stops counting); extend adds. */
  private checkCaps(
    user: string,
    policy: PolicySettings,
    kind: 'elevate' | 'extend',
    durationSec: number,
    asker: 'self' | 'admin',
  ): void {
    const now = this.clock.wall();
    const replaced = kind === 'elevate' ? this.elevatedTime.remainingSec(user, now) : 0;
    checkCaps(this.elevatedTime, policy, { user, addSec: durationSec - replaced, now, asker });
  }

  private decide(
    r: StoredRequest,
    state: StoredRequest['state'],
    actor: string,
    note: string | null,
  ): void {
    r.state = state;
    r.decidedAt = new Date(this.clock.wall()).toISOString();
    r.decidedBy = actor;
    r.note = note;
  }

  private findPending(id: string): StoredRequest {
    const r = this.list().find((x) => x.id === id);
    if (!r) throw agentError(ErrorCode.NotFound, (m) => m.noRequest(id));
    const state = r.state;
    if (state !== 'pending')
      throw agentError(ErrorCode.NotFound, (m) => m.requestAlready(id, state));
    return r;
  }
}
