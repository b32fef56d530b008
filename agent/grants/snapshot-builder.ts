/** Builds a user's status snapshot (PROTOCOL.md) from the stored state and the OS. */
import type { Backend } from '../backends/backend.js';
import type { AuditLog } from '../audit/audit-log.js';
import { effectivePolicy } from '../policy/effective-policy.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import type { PolicySettings } from '../policy/policy-schema.js';
import {
  higherLevel,
  type EffectivePolicy,
  type Grant,
  type Level,
  type Snapshot,
} from '../protocol/schemas.js';
import type { StateStore } from '../store/state-store.js';
import type { GrantRecord, StoredRequest } from '../store/agent-state.js';
import { TtlCache } from '../shared/ttl-cache.js';
import type { UserDirectory } from '../users/user-directory.js';

const REQUEST_VISIBLE_MS = 24 * 3600_000;
/** OS lookups are cached briefly: status.get in a loop must not read /etc every time. */
const LOOKUP_TTL_MS = 2000;

/** How a snapshot shows approval codes (agent/codes/code-approvals.ts). */
export interface SnapshotCodes {
  readonly deviceId: string | null;
  requestCode(r: StoredRequest): string | null;
}

/** Adds optional fields to a snapshot (allowance, revokedBy) from services built later. */
export type SnapshotDecorator = (user: string, snapshot: Snapshot, policy: PolicySettings) => void;

export class SnapshotBuilder {
  private codes: SnapshotCodes | null = null;
  private readonly decorators: SnapshotDecorator[] = [];
  private readonly groups = new TtlCache<string, string[]>(LOOKUP_TTL_MS);
  private readonly permanent = new TtlCache<string, Level>(LOOKUP_TTL_MS);

  constructor(
    private readonly store: StateStore,
    private readonly backend: Backend,
    private readonly users: UserDirectory,
    private readonly policies: PolicyHolder,
    private readonly audit: AuditLog,
    private readonly wall: () => number,
  ) {}

  withCodes(codes: SnapshotCodes): this {
    this.codes = codes;
    return this;
  }

  decorate(fn: SnapshotDecorator): this {
    this.decorators.push(fn);
    return this;
  }

  /** Forget cached OS lookups for a user (after any change to their privileges). */
  invalidate(user?: string): void {
    if (user === undefined) {
      this.groups.clear();
      this.permanent.clear();
    } else {
      this.groups.delete(user);
      this.permanent.delete(user);
    }
  }

  async policyFor(user: string): Promise<PolicySettings> {
    const groups = await this.groups.get(user, async () => {
      const account = await this.users.lookup(user);
      return account ? this.users.groupsOf(account) : [];
    });
    const key = this.users.nameKey?.bind(this.users);
    return effectivePolicy(this.policies.policy, user, groups, key);
  }

  async permanentLevel(user: string): Promise<Level> {
    const u = this.store.peek(user);
    if (u?.grant) return u.grant.prior.permanentLevel;
    return this.permanent.get(user, async () => (await this.backend.inspect(user)).permanentLevel);
  }

  async build(user: string): Promise<Snapshot> {
    const u = this.store.peek(user);
    const [settings, permanentLevel] = await Promise.all([
      this.policyFor(user),
      this.permanentLevel(user).catch((): Level => 'none'),
    ]);
    // The hook's path and hash are the admin's business, not the tray's.
    const { onChange: _hook, ...policy } = settings;
    const grant = u?.grant ? publicGrant(u.grant, policy) : null;
    const snapshot: Snapshot = {
      user,
      level: grant ? higherLevel(permanentLevel, grant.level) : permanentLevel,
      permanentLevel,
      grant,
      request: publicRequest(latestRequest(u?.requests ?? [], this.wall()), this.codes),
      policy,
      platform: {
        os: this.backend.os,
        logoutHint: this.backend.os === 'win32' ? (u?.logoutHint ?? null) : null,
        ...(this.codes?.deviceId ? { deviceId: this.codes.deviceId } : {}),
        simulated: this.backend.name === 'simulated',
        ...(this.backend.os === 'win32' && u?.logoffAt ? { logoffAt: u.logoffAt } : {}),
      },
      now: new Date(this.wall()).toISOString(),
      seq: u?.seq ?? 0,
    };
    if (!u?.grant && u?.lastEnd) snapshot.ended = { ...u.lastEnd };
    if (u?.grant) {
      const grantId = u.grant.id;
      snapshot.usage = { commands: this.audit.commandsIn(grantId) };
      if (u.restoreFailure?.grantId === grantId) snapshot.restoreFailure = { ...u.restoreFailure };
    }
    for (const decorate of this.decorators) decorate(user, snapshot, settings);
    return snapshot;
  }
}

export function publicGrant(g: GrantRecord, policy: EffectivePolicy): Grant {
  return {
    id: g.id,
    level: g.level,
    grantedAt: g.grantedAt,
    expiresAt: g.expiresAt,
    source: g.source,
    grantedBy: g.grantedBy,
    reason: g.reason,
    extensionsUsed: g.extensionsUsed,
    extensionsLeft: Math.max(0, policy.maxExtensions - g.extensionsUsed),
  };
}

/** The wire form: the request code instead of its nonce, no try counters. */
function publicRequest(r: StoredRequest | null, codes: SnapshotCodes | null): Snapshot['request'] {
  if (!r) return null;
  const { codeNonce: _nonce, codeTries: _tries, ...rest } = r;
  const code = codes?.requestCode(r) ?? null;
  return code ? { ...rest, code } : rest;
}

function latestRequest(requests: StoredRequest[], now: number): StoredRequest | null {
  let latest: StoredRequest | null = null;
  for (const r of requests) {
    if (now - Date.parse(r.createdAt) > REQUEST_VISIBLE_MS && r.state !== 'pending') continue;
    if (!latest || r.createdAt >= latest.createdAt) latest = r;
  }
  return latest;
}
