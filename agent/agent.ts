/**
 * Wires the agent's services together and runs start-up in the order the guarantees need:
 * load state, reconcile (overdue grants end before anyone can connect), then listen.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { AuditLog } from './audit/audit-log.js';
import { AuthFailures } from './audit/auth-failures.js';
import { PairingService } from './auth/pairing.js';
import { CookieChallenges } from './auth/cookie-challenge.js';
import type { Backend } from './backends/backend.js';
import { DarwinBackend } from './backends/darwin.js';
import {
  managedPreferences,
  watchManagedPreferences,
} from './backends/darwin/managed-preferences.js';
import { darwinWatches } from './backends/darwin/session-watch.js';
import { DarwinUserDirectory } from './backends/darwin/user-directory.js';
import { LinuxBackend } from './backends/linux.js';
import { SimulatedBackend } from './backends/simulated.js';
import { Win32Backend } from './backends/win32.js';
import { protectWin32Dirs } from './backends/win32/dir-acls.js';
import { Win32SessionCheck } from './backends/win32/session-check.js';
import { ElevationSessions } from './cleanup/elevation-sessions.js';
import { linuxWatches } from './cleanup/linux-watch.js';
import { CodeApprovals } from './codes/code-approvals.js';
import { LastSessionStore } from './cleanup/last-session-store.js';
import { SessionSnapshotBuilder } from './cleanup/session-snapshot-builder.js';
import type { AgentConfig } from './config.js';
import { LogoutHints } from './grants/logout-hints.js';
import { PrivilegeService } from './grants/privilege-service.js';
import { GrantRecovery } from './grants/grant-recovery.js';
import { RequestService } from './grants/request-service.js';
import { AuditForwarder } from './forward/forwarder.js';
import { PolicyHolder } from './policy/policy-holder.js';
import { readRegistryPolicy } from './policy/registry-policy.js';
import { setUpEnforcement } from './policy-enforcement.js';
import type { ForwarderStatus } from './protocol/schemas.js';
import { systemClock, type Clock } from './scheduler/clock.js';
import { ExpiryScheduler } from './scheduler/expiry-scheduler.js';
import { createHandler } from './server/methods.js';
import { SocketServer } from './server/socket-server.js';
import { Subscriptions } from './server/subscriptions.js';
import { Mutex } from './shared/mutex.js';
import { StateStore } from './store/state-store.js';
import { sudoLogDir } from './usage/sudo-log-path.js';
import { EtcUserDirectory, type UserDirectory } from './users/user-directory.js';

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
  // Windows: ACLs instead of modes; the agent does not start on a state dir it cannot restrict.
  const cookieGuard =
    config.backend === 'win32' ? await protectWin32Dirs(config.stateDir, log) : null;

  const policies = new PolicyHolder(
    config.policy,
    log,
    config.backend === 'win32'
      ? { label: 'the registry', read: readRegistryPolicy }
      : config.backend === 'darwin'
        ? managedPreferences(config.root)
        : undefined,
  );
  await policies.load();
  const store = new StateStore(config.stateDir);
  await store.load();
  const audit = new AuditLog(config.stateDir);
  await audit.open();
  const lastSessions = new LastSessionStore(config.stateDir);
  await lastSessions.load();
  const users: UserDirectory =
    config.backend === 'darwin'
      ? new DarwinUserDirectory()
      : new EtcUserDirectory(config.backend === 'linux' ? config.root : '/');
  const backend: Backend =
    config.backend === 'linux'
      ? new LinuxBackend({
          root: config.root,
          sudoLogDir: sudoLogDir(config.stateDir),
          ...adminGroupOption(policies),
        })
      : config.backend === 'darwin'
        ? new DarwinBackend({ root: config.root, sudoLogDir: sudoLogDir(config.stateDir), log })
        : config.backend === 'win32'
          ? new Win32Backend()
          : new SimulatedBackend(config.stateDir, config.simulateOs, users);
  const authFailures = new AuthFailures(audit, users, log);
  const challenges = new CookieChallenges(config.stateDir, cookieGuard);
  await challenges.init();

  const subscriptions = new Subscriptions();
  const snapshots = new SessionSnapshotBuilder(store, backend, users, policies, audit, () =>
    clock.wall(),
  ).withLastSessions(lastSessions);
  // One operation, one push, of its final state: a snapshot built mid-operation (a replaced
  // grant between its end and the new one) would carry the operation's seq and make every
  // client drop the real final state (PROTOCOL.md, seq). So snapshots are built only between
  // sections of the core lock, and pushed as each section ends.
  const publish = async (changedUsers: string[]): Promise<void> => {
    for (const user of changedUsers) {
      if (!subscriptions.hasStatusSubscribers(user)) continue;
      try {
        subscriptions.pushStatus(await snapshots.build(user));
      } catch (err) {
        log(`could not build ${user}'s snapshot: ${String(err)}`);
      }
    }
  };
  const lock = new Mutex(() => publish(store.endOperation()));
  const scheduler = new ExpiryScheduler(
    clock,
    (user) => void lock.runFirst(() => privileges.expireIfDue(user)),
    (deltaMs) =>
      void audit
        .append({ type: 'clock.jumped', user: null, actor: 'agent', detail: { deltaMs } })
        .catch((err: unknown) => log(`could not record a clock jump: ${String(err)}`)),
  );
  // What happened while elevated: sudo usage and the end-of-session check (Linux, macOS).
  const watches =
    config.backend === 'linux'
      ? linuxWatches(
          config.root,
          () => policies.policy.adminGroup,
          () => (policies.policy.rules ?? []).flatMap((r) => r.groups ?? []),
        )
      : config.backend === 'darwin'
        ? darwinWatches(config.root)
        : null;
  const sessions =
    watches !== null
      ? new ElevationSessions({
          stateDir: config.stateDir,
          watches,
          audit,
          store,
          lock,
          snapshots,
          users,
          lastSessions,
          log,
        })
      : null;
  // Windows: the end-of-session check and privilege.used from the Security log.
  const win32Check =
    config.backend === 'win32'
      ? new Win32SessionCheck({
          stateDir: config.stateDir,
          audit,
          lastSessions,
          elevatedUsers: () => store.users().filter((u) => store.peek(u)?.grant),
          log,
        })
      : null;
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
    {
      async started(user, grant) {
        await sessions?.started(user, grant);
        await win32Check?.started(user, grant);
        await enforcement.started(user, grant);
      },
      async ended(user, grant, end) {
        await sessions?.ended(user, grant);
        await win32Check?.ended(user, grant);
        await enforcement.ended(user, grant, end);
      },
    },
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
  const forwarder = new AuditForwarder({
    stateDir: config.stateDir,
    sinks: policies.policy.forward ?? [],
    log,
    onDrop: (sink, count, reason) =>
      void audit
        .append({
          type: 'forward.dropped',
          user: null,
          actor: 'agent',
          detail: { sink, count, reason },
        })
        .catch((err: unknown) => log(`could not record dropped forward events: ${String(err)}`)),
  });
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
      agentUid: process.getuid?.() ?? 0,
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
  // macOS: a configuration profile installed or removed takes effect without a restart.
  const managedWatch =
    config.backend === 'darwin'
      ? watchManagedPreferences(config.root, () => void running.reloadPolicy(), log)
      : null;
  return running;
}

function adminGroupOption(policies: PolicyHolder): { adminGroup?: string } {
  const group = policies.policy.adminGroup;
  return group ? { adminGroup: group } : {};
}
