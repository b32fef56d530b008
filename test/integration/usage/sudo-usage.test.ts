/**
 * privilege.used for real: sudo run as an elevated user inside a private mount namespace is
 * logged by sudo itself (the drop-in's log rule) and becomes one audit event per command.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { ELEVATECTL, run } from '../cli/cli-harness.js';
import {
  copyEtcToTempDir,
  inotifyWatches,
  startNamespaceAgent,
  type NamespaceAgent,
} from './namespace-agent.js';

describe('privilege.used from sudo’s own log', () => {
  let user: string;
  let ns: NamespaceAgent;
  let client: AgentClient;

  const usedEvents = async (grantId: string): Promise<AuditEvent[]> =>
    (await client.call('admin.audit', { user, limit: 1000 })).events
      .filter((e) => e.type === 'privilege.used' && e.grantId === grantId)
      .reverse();

  beforeAll(async () => {
    user = createUser();
    ns = await startNamespaceAgent(copyEtcToTempDir());
    client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
  });

  afterAll(async () => {
    client?.close();
    await ns?.close();
    deleteUser(user);
  });

  it('records exactly the commands run with sudo, and nothing after the grant ends', async () => {
    expect(inotifyWatches(ns.agent.proc.pid!)).toBe(0);
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 600 });
    const grantId = s.grant!.id;
    const dropIn = readFileSync(join(ns.dir, 'etc/sudoers.d', `elevate-${user}`), 'utf8');
    expect(dropIn).toContain(
      `Defaults:${user} logfile=${join(ns.agent.stateDir, 'sudo-log', `${user}.log`)}, log_format=json`,
    );
    expect((await ns.inNs('visudo', '-c')).code).toBe(0);
    expect(inotifyWatches(ns.agent.proc.pid!)).toBe(1);

    const before = Date.now();
    expect((await ns.asUser(user, 'sudo', '-n', 'id')).stdout).toMatch(/^uid=0\(root\)/);
    expect((await ns.asUser(user, 'sudo', '-n', 'ls', '/root')).code).toBe(0);
    await expect.poll(() => usedEvents(grantId).then((e) => e.length), { timeout: 3000 }).toBe(2);
    const events = await usedEvents(grantId);
    expect(events.map((e) => e.detail?.['command'])).toEqual(['/usr/bin/id', '/usr/bin/ls /root']);
    for (const e of events) {
      expect(e).toMatchObject({ user, level: 'passwordless', actor: user });
      expect(e.detail).toMatchObject({ runAs: 'root', tty: null, cwd: expect.any(String) });
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now());
    }
    expect((await client.call('admin.status', { user })).users[0]!.usage).toEqual({ commands: 2 });

    // A command just before the end is still collected.
    expect((await ns.asUser(user, 'sudo', '-n', 'true')).code).toBe(0);
    await client.call('admin.revoke', { user });
    expect((await usedEvents(grantId)).map((e) => e.detail?.['command'])).toEqual([
      '/usr/bin/id',
      '/usr/bin/ls /root',
      '/usr/bin/true',
    ]);
    expect(inotifyWatches(ns.agent.proc.pid!)).toBe(0);
    expect(existsSync(join(ns.agent.stateDir, 'sudo-log', `${user}.log`))).toBe(false);
    expect((await ns.inNs('sudo', '-l', '-U', user)).stdout).toMatch(/not allowed to run sudo/);

    expect((await ns.asUser(user, 'sudo', '-n', 'id')).code).not.toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const all = (await client.call('admin.audit', { user, limit: 1000 })).events;
    expect(all.filter((e) => e.type === 'privilege.used')).toHaveLength(3);
  });

  it('a restart mid-grant neither loses nor repeats commands', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 600 });
    const grantId = s.grant!.id;
    await ns.asUser(user, 'sudo', '-n', 'id');
    await expect.poll(() => usedEvents(grantId).then((e) => e.length), { timeout: 3000 }).toBe(1);
    client.close();
    await ns.agent.stop();
    // The drop-in stays while the agent is down: sudo keeps logging for it to collect.
    expect((await ns.asUser(user, 'sudo', '-n', 'ls', '/root')).code).toBe(0);
    await ns.restart();
    client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
    await expect.poll(() => usedEvents(grantId).then((e) => e.length), { timeout: 3000 }).toBe(2);
    await ns.asUser(user, 'sudo', '-n', 'true');
    await expect.poll(() => usedEvents(grantId).then((e) => e.length), { timeout: 3000 }).toBe(3);
    expect((await usedEvents(grantId)).map((e) => e.detail?.['command'])).toEqual([
      '/usr/bin/id',
      '/usr/bin/ls /root',
      '/usr/bin/true',
    ]);
    await client.call('admin.revoke', { user });
  });

  it('keeps 4 KB of a half-megabyte sudo command line, with its length and hash, and the trail readable', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 600 });
    const grantId = s.grant!.id;
    // Six 100 KB arguments: more than half a megabyte.
    const args = Array.from({ length: 6 }, (_, i) => String(i).repeat(100_000));
    expect((await ns.asUser(user, 'sudo', '-n', 'true', ...args)).code).toBe(0);
    await expect.poll(() => usedEvents(grantId).then((e) => e.length), { timeout: 5000 }).toBe(1);
    const [used] = await usedEvents(grantId);
    const full = ['/usr/bin/true', ...args].join(' ');
    expect(used!.detail).toMatchObject({
      commandLength: full.length,
      commandSha256: createHash('sha256').update(full).digest('hex'),
    });
    expect(String(used!.detail?.['command']).length).toBeLessThan(4200);
    expect((await client.call('admin.status', { user })).users[0]!.usage).toEqual({ commands: 1 });
    const audit = await run(ELEVATECTL, ['--socket', ns.agent.socket, 'audit', '--user', user]);
    expect(audit.code).toBe(0);
    expect(audit.stdout.length).toBeLessThan(64 * 1024);
    await client.call('admin.revoke', { user });
  });
});
