/**
 * Wires issue 13's policy fields into the agent: elevated-time caps (counted from the audit
 * trail), revokeAt triggers, the onChange hook and proof of presence. Kept apart from agent.ts
 * so that file stays the start-up order.
 */
import type { AuditLog } from './audit/audit-log.js';
import { UserPresence } from './auth/user-presence.js';
import { ElevatedTime } from './caps/elevated-time.js';
import type { PrivilegeService } from './grants/privilege-service.js';
import type { SnapshotBuilder } from './grants/snapshot-builder.js';
import { OnChangeHooks } from './hooks/on-change.js';
import type { Os } from './protocol/schemas.js';
import { RevokeTriggers } from './revoke/revoke-triggers.js';
import type { Mutex } from './shared/mutex.js';
import type { EndKind, GrantRecord } from './store/agent-state.js';
import type { StateStore } from './store/state-store.js';
import type { UserDirectory } from './users/user-directory.js';

export interface EnforcementDeps {
  root: string;
  stateDir: string;
  os: Os;
  store: StateStore;
  audit: AuditLog;
  lock: Mutex;
  snapshots: SnapshotBuilder;
  users: UserDirectory;
  /** Built after this (it needs these hooks): looked up when a trigger fires. */
  privileges: () => PrivilegeService;
  wall: () => number;
  log: (msg: string) => void;
}

export async function setUpEnforcement(d: EnforcementDeps) {
  const elevatedTime = new ElevatedTime();
  await d.audit.replay((e) => elevatedTime.ingest(e));
  elevatedTime.prune(d.wall());
  d.audit.on('appended', (e) => elevatedTime.ingest(e));
  const triggers = new RevokeTriggers({
    ...d,
    privileges: { end: (...args) => d.privileges().end(...args) },
  });
  await triggers.load();
  const hooks = new OnChangeHooks(
    d.audit,
    async (user) => (await d.snapshots.policyFor(user)).onChange,
    d.log,
  );
  d.snapshots.decorate((user, snapshot, policy) => {
    const allowance = elevatedTime.allowance(user, policy, d.wall());
    if (allowance) snapshot.allowance = allowance;
  });
  return {
    elevatedTime,
    triggers,
    hooks,
    presence: new UserPresence(d.os, d.audit),
    async started(user: string, grant: GrantRecord): Promise<void> {
      hooks.started(user, grant);
      await triggers.started(user, grant);
    },
    async ended(user: string, grant: GrantRecord, end: EndKind): Promise<void> {
      hooks.ended(user, grant, end);
      await triggers.ended(user, grant);
    },
  };
}
