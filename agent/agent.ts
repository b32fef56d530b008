/**
 * Wires the agent's services together and runs start-up in the order the guarantees need:
 * load state, reconcile (overdue grants end before anyone can connect), then listen.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { AuditLog } from './audit/audit-log.js';
import { AuthFailures } from './audit/auth-failures.js';
import { PairingService } from './auth/pairing.js';
import { CookieChallenges } from './auth/cookie-challenge.js';
import { CodeApprovals } from './codes/code-approvals.js';
import { LastSessionStore } from './cleanup/last-session-store.js';
import { SessionSnapshotBuilder } from './cleanup/session-snapshot-builder.js';
import type { AgentConfig } from './config.js';
import { LogoutHints } from './grants/logout-hints.js';
import { PrivilegeService } from './grants/privilege-service.js';
import { GrantRecovery } from './grants/grant-recovery.js';
import { RequestService } from './grants/request-service.js';
import { PolicyHolder } from './policy/policy-holder.js';
import { setUpEnforcement } from './policy-enforcement.js';
import type { ForwarderStatus } from './protocol/schemas.js';
import { systemClock, type Clock } from './scheduler/clock.js';
import { ExpiryScheduler } from './scheduler/expiry-scheduler.js';
import { createHandler } from './server/methods.js';
import { SocketServer } from './server/socket-server.js';
import { Subscriptions } from './server/subscriptions.js';
import { Mutex } from './shared/mutex.js';
import { StateStore } from './store/state-store.js';
import { auditForwarder } from './wiring/forwarding.js';
import { loadPlatform } from './wiring/platform.js';
import { grantHooks, sessionChecks } from './wiring/session-checks.js';
import { statusPublisher } from './wiring/status-publisher.js';

export interface RunningAgent {
  reloadPolicy(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAgent(
  config: AgentConfig,
  log: (msg: string) => void,
  clock: Clock = systemClock,
): Promise<RunningAgent> {
  await mkdir(config.stateDir, { recursive: true, mode: 0o711 });
  await chmod(config.stateDir, 0o711);
  const platform = await loadPlatform(config, log);
  const cookieGuard = (await platform.guardStateDir?.()) ?? null;

  const policies = new PolicyHolder(config.policy, log, platform.managedPolicy);
  await policies.load();
  const store = new StateStore(config.stateDir);
  await store.load();
  const audit = new AuditLog(config.stateDir);
  await audit.open();
  const lastSessions = new LastSessionStore(config.stateDir);
  await lastSessions.load();
  const users = platform.users;
  const backend = platform.backend(policies);
  const authFailures = new AuthFailures(audit, users, log);
  const challenges = new CookieChallenges(config.stateDir, cookieGuard);
  await challenges.init();

  const subscriptions = new Subscriptions();
  const snapshots = new SessionSnapshotBuilder(store, backend, users, policies, audit, () =>
    clock.wall(),
  ).withLastSessions(lastSessions);
  const publish = statusPublisher(subscriptions, snapshots, log);
  const lock = new Mutex(() => publish(store.endOperation()));
  const scheduler = new ExpiryScheduler(
    clock,
    (user) => void lock.runFirst(() => privileges.expireIfDue(user)),
    (deltaMs) =>
      void audit
        .append({ type: 'clock.jumped', user: null, actor: 'agent', detail: { deltaMs } })
        .catch((err: unknown) => log(`could not record a clock jump: ${String(err)}`)),
  );
  const checks = sessionChecks(config, platform, policies, {
    audit,
    store,
    lock,
    snapshots,
    users,
    lastSessions,
    log,
  });
  const { sessions, win32Check } = checks;
  const enforcement = await setUpEnforcement({
    root: config.root,
    stateDir: config.stateDir,
    os: backend.os,
    store,
    audit,
    lock,
    snapshots,
    users,
    privileges: () => privileges,
    wall: () => clock.wall(),
    log,
  });
  const privileges = new PrivilegeService(
    store,
    audit,
    backend,
    scheduler,
    snapshots,
    clock,
    grantHooks(checks, enforcement),
    log,
  );
  const recovery = new GrantRecovery(privileges, { store, audit, backend, lock, log });
  const requests = new RequestService(
    store,
    audit,
    privileges,
    snapshots,
    clock,
    enforcement.elevatedTime,
  );
  const codes = new CodeApprovals({
    policies,
    store,
    audit,
    requests,
    clock,
    deviceId: (await backend.deviceId?.()) ?? null,
    log,
  });
  requests.withCodes(codes);
  snapshots.withCodes(codes);
  const forwarder = auditForwarder(config, policies, audit, log);
  const forwarders = (): ForwarderStatus[] => forwarder.status();
  audit.on('appended', (e) => {
    subscriptions.pushAudit(e);
    forwarder.enqueue(e);
  });
  forwarder.start();

  await lock.run(() => recovery.recover());
  await lock.run(() => enforcement.triggers.recoverReboot());
  await lock.run(() => requests.recover());
  if (sessions) await lock.run(() => sessions.recover());
  if (win32Check)
    await lock.run(() => win32Check.recover((u, id) => store.peek(u)?.grant?.id === id));
  await audit.append({
    type: 'agent.started',
    user: null,
    actor: 'agent',
    detail: { backend: backend.name, os: backend.os, pid: process.pid },
  });

  const server = new SocketServer(
    config.socket,
    createHandler({
      lock,
      store,
      audit,
      authFailures,
      users,
      challenges,
      pairing: new PairingService({ store, audit, snapshots }),
      privileges,
      requests,
      codes,
      snapshots,
      subscriptions,
      forwarders,
      isAdmin: platform.adminRule(store),
      presence: enforcement.presence,
      elevatedTime: enforcement.elevatedTime,
      triggers: enforcement.triggers,
      wall: () => clock.wall(),
    }),
    (c) => {
      subscriptions.remove(c);
      if (c.challenge) void challenges.discard(c.challenge);
    },
  );
  await server.listen();
  enforcement.triggers.start();
  // Windows: when the person has logged out and in, the log-out hint is done (or forced).
  const hints = backend.logonSessions
    ? new LogoutHints({
        store,
        lock,
        audit,
        sessions: backend.logonSessions,
        clock,
        policyFor: (user) => snapshots.policyFor(user),
        invalidate: (user) => snapshots.invalidate(user),
        log,
      })
    : null;
  hints?.start();

  const running: RunningAgent = {
    async reloadPolicy() {
      if (!(await policies.load())) return;
      await forwarder.reconfigure(policies.policy.forward ?? []);
      snapshots.invalidate();
      await lock.run(async () => {
        const affected = new Set([...store.users(), ...subscriptions.subscribedUsers()]);
        for (const user of affected) store.bump(store.user(user));
        await store.save();
      });
    },
    async stop() {
      managedWatch?.close();
      await server.close();
      await authFailures.stop();
      hints?.stop();
      await lock.run(async () => {
        scheduler.stop();
        sessions?.stop();
        enforcement.triggers.stop();
        await enforcement.hooks.idle();
        await audit.close();
        await forwarder.stop();
      });
    },
  };
  const managedWatch = platform.watchManagedPolicy?.(() => void running.reloadPolicy()) ?? null;
  return running;
}
