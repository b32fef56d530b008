/**
 * A person who is root until their deadline tries to keep it, for real, in a private mount
 * namespace: one `sed` that duplicates the sudo line (gpasswd then refuses), and a root
 * process holding the group file's lock. sudo must end on time anyway, the refusal must reach
 * the audit trail, a forwarding sink and `elevatectl status`, and the end must keep being
 * retried until it is complete.
 */
import { createServer, type Server } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { ELEVATECTL, ensureBuilt, run } from '../cli/cli-harness.js';
import {
  copyEtcToTempDir,
  startNamespaceAgent,
  type NamespaceAgent,
} from '../usage/namespace-agent.js';

describe('the end of a grant when the elevated person fights it', () => {
  let user: string;
  let ns: NamespaceAgent;
  let client: AgentClient;
  let sink: Server;
  const forwarded: AuditEvent[] = [];
  const started: ChildProcess[] = [];

  const groupLines = (): string[][] =>
    readFileSync(join(ns.dir, 'etc/group'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(':'));
  const sudoGid = (): number => Number(groupLines().find((f) => f[0] === 'sudo')![2]);
  /** Lines carrying the sudo gid that list the user. */
  const adminLinesWithUser = (): string[] =>
    groupLines()
      .filter((f) => Number(f[2]) === sudoGid() && f[3]!.split(',').includes(user))
      .map((f) => f[0]!);
  const events = async (grantId: string, type: AuditEvent['type']): Promise<AuditEvent[]> =>
    (await client.call('admin.audit', { user, limit: 1000 })).events.filter(
      (e) => e.grantId === grantId && e.type === type,
    );
  const sudoWorks = async (): Promise<boolean> =>
    (await ns.asUser(user, 'sudo', '-n', 'true')).code === 0;
  const dropIn = (): string => join(ns.dir, 'etc/sudoers.d', `elevate-${user}`);

  beforeAll(async () => {
    ensureBuilt();
    user = createUser();
    sink = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        forwarded.push(JSON.parse(body) as AuditEvent);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    const port = (sink.address() as { port: number }).port;
    ns = await startNamespaceAgent(copyEtcToTempDir(), {
      version: 1,
      forward: [{ name: 'siem', type: 'webhook', url: `http://127.0.0.1:${port}/` }],
    });
    client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
  });

  afterAll(async () => {
    for (const p of started) p.kill('SIGKILL');
    client?.close();
    await ns?.close();
    sink?.close();
    deleteUser(user);
  });

  it('one sed duplicating the sudo line: sudo ends at the deadline, the refusal is recorded and forwarded, the retry finishes', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const grantId = s.grant!.id;
    expect(await sudoWorks()).toBe(true);
    // The attack: one command while still root.
    const sed = await ns.asUser(user, 'sudo', '-n', 'sed', '-i', 's/^sudo:.*/&\\n&/', '/etc/group');
    expect(sed.code, sed.stderr).toBe(0);
    expect(adminLinesWithUser()).toEqual(['sudo', 'sudo']);

    await expect
      .poll(() => events(grantId, 'privilege.expired'), { timeout: 10_000 })
      .toHaveLength(1);
    const [failed] = await events(grantId, 'privilege.restore_failed');
    expect(failed).toMatchObject({ actor: 'agent', level: 'passwordless' });
    expect(failed!.detail).toMatchObject({ attempt: 1, end: 'expired' });
    expect(String(failed!.detail!['error'])).toContain(`Multiple entries named 'sudo'`);
    // On time: the refused attempt ran at the deadline and already took sudo away.
    expect(Date.parse(failed!.at) - Date.parse(s.grant!.expiresAt)).toBeLessThan(1000);
    expect(existsSync(dropIn())).toBe(false);
    expect(adminLinesWithUser()).toEqual([]);
    expect(await sudoWorks()).toBe(false);
    const [restored] = await events(grantId, 'privilege.restored');
    expect(restored!.detail).toMatchObject({ refusedAttempts: 1 });
    await expect
      .poll(() => forwarded.filter((e) => e.id === failed!.id), { timeout: 10_000 })
      .toHaveLength(1);
    // Put the file back for the next case (an admin would run grpck).
    const fix = await ns.inNs('sed', '-i', '0,/^sudo:/!{/^sudo:/d}', '/etc/group');
    expect(fix.code, fix.stderr).toBe(0);
  });

  it('a root process holding the group lock: sudo ends, status shows the refusal, the grant stays due until the lock goes', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 2 });
    const grantId = s.grant!.id;
    // The attack: a root process that takes the group file's lock and never lets go.
    const holder = ns.spawnAsUser(
      user,
      ['sudo', '-n', 'sh', '-c', 'echo $$ > /etc/group.lock; exec sleep 300'],
      { stdio: 'ignore' },
    );
    started.push(holder);
    const lockFile = join(ns.dir, 'etc/group.lock');
    await expect.poll(() => existsSync(lockFile), { timeout: 5000 }).toBe(true);

    await expect
      .poll(() => events(grantId, 'privilege.restore_failed'), { timeout: 10_000 })
      .toHaveLength(1);
    expect(existsSync(dropIn())).toBe(false);
    expect(await sudoWorks()).toBe(false);
    // Still due, retried every second, recorded once.
    await expect
      .poll(
        async () =>
          (await client.call('admin.status', { user })).users[0]!.restoreFailure?.attempts ?? 0,
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(3);
    const snap = (await client.call('admin.status', { user })).users[0]!;
    expect(snap.grant?.id).toBe(grantId);
    expect(snap.restoreFailure?.error).toMatch(/is locked by process \d+/);
    expect(await events(grantId, 'privilege.restore_failed')).toHaveLength(1);
    expect(await events(grantId, 'privilege.expired')).toHaveLength(0);
    const refused = await client
      .call('admin.grant', { user, level: 'admin', durationSec: 60 })
      .catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/still being retried/);

    const table = await run(ELEVATECTL, ['--socket', ns.agent.socket, 'status']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('The OS refused to remove these rights in full:');
    expect(table.stdout).toMatch(new RegExp(`${user}: .*is locked by process`));
    const one = await run(ELEVATECTL, ['--socket', ns.agent.socket, 'status', user]);
    expect(one.stdout).toMatch(/Removal refused.*the agent keeps trying every second/);

    // The holder goes away: the stale lock is taken over and the end completes.
    const holderPid = Number(readFileSync(lockFile, 'utf8'));
    process.kill(holderPid, 'SIGKILL');
    await expect
      .poll(() => events(grantId, 'privilege.expired'), { timeout: 10_000 })
      .toHaveLength(1);
    expect(adminLinesWithUser()).toEqual([]);
    const after = (await client.call('admin.status', { user })).users[0]!;
    expect(after.grant).toBeNull();
    expect(after.restoreFailure).toBeUndefined();
  });
});
