/**
 * The end-of-session check for real, in a private mount namespace: an elevated user adds
 * another account to the admin group, drops a sudoers.d file and leaves a root process
 * running; at expiry all of it is reported, and under policy it is undone.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { findSudoRootProcesses } from '../../../agent/cleanup/root-processes.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { startLingeringRootSleep } from '../../helpers/root-sleep.js';
import {
  copyEtcToTempDir,
  startNamespaceAgent,
  type NamespaceAgent,
} from '../usage/namespace-agent.js';

describe('session clean-up at the end of a grant', () => {
  let user: string;
  let other: string;
  let mallory: string;
  let ns: NamespaceAgent;
  let client: AgentClient;
  const lingering: ChildProcess[] = [];
  let uid = -1;

  const sudoMembers = (): string[] =>
    (
      readFileSync(join(ns.dir, 'etc/group'), 'utf8')
        .split('\n')
        .find((l) => l.startsWith('sudo:'))
        ?.split(':')[3] ?? ''
    )
      .split(',')
      .filter(Boolean);

  const groupFile = (): string[][] =>
    readFileSync(join(ns.dir, 'etc/group'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(':'));

  const passwdGid = (name: string): number =>
    Number(
      readFileSync(join(ns.dir, 'etc/passwd'), 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${name}:`))!
        .split(':')[3],
    );

  const driftEvents = async (grantId: string): Promise<AuditEvent[]> =>
    (await client.call('admin.audit', { user, limit: 1000 })).events.filter(
      (e) => e.type === 'drift.detected' && e.grantId === grantId,
    );

  /** Restarts the agent (on `policy`, when given) and reconnects the root client. */
  const restartAgent = async (policy?: object): Promise<void> => {
    if (policy) writeFileSync(ns.agent.policyPath!, JSON.stringify(policy));
    await ns.restart();
    client.close();
    client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
  };

  /** `sudo -n sleep 300` as the user, in its own session, left running in the background. */
  const startLingeringRootProcess = () => startLingeringRootSleep(ns, user, uid, lingering);

  beforeAll(async () => {
    user = createUser();
    other = createUser();
    mallory = createUser();
    uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    ns = await startNamespaceAgent(copyEtcToTempDir(), { version: 1 });
    client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
  });

  afterAll(async () => {
    // Whatever root processes this test's sudo left (the sudo parents end with them).
    if (uid > 0) for (const p of await findSudoRootProcesses(uid)) process.kill(p.pid, 'SIGKILL');
    for (const p of lingering) p.kill('SIGKILL');
    client?.close();
    await ns?.close();
    deleteUser(user);
    deleteUser(other);
    deleteUser(mallory);
  });

  /**
   * Forged evidence against the user: another account's setuid sudo waiting for a password,
   * and an unrelated root process, both carrying SUDO_UID=<the user's uid>.
   */
  const startForgeries = async (): Promise<number[]> => {
    const forged = [
      ns.spawnAsUser(
        mallory,
        ['env', `SUDO_UID=${uid}`, 'sudo', '-S', '-p', '', 'true'],
        { stdio: ['pipe', 'ignore', 'ignore'] }, // stdin stays open: sudo waits for a password
      ),
      spawn('sleep', ['301'], { stdio: 'ignore', env: { SUDO_UID: String(uid) } }),
    ];
    lingering.push(...forged);
    let pids: number[] = [];
    await expect
      .poll(
        () => {
          pids = pidsWithEnv(`SUDO_UID=${uid}`).filter((p) => !isRootSleep300(p));
          return pids.length;
        },
        { timeout: 5000 },
      )
      .toBeGreaterThanOrEqual(2);
    return pids;
  };

  it('reports an added admin and a lingering root process at expiry (policy "report")', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 2 });
    const grantId = s.grant!.id;
    expect((await ns.asUser(user, 'sudo', '-n', 'gpasswd', '-a', other, 'sudo')).code).toBe(0);
    const pid = await startLingeringRootProcess();
    const forged = await startForgeries();

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 6000 }).toBe(2);
    const events = await driftEvents(grantId);
    const admin = events.find((e) => e.detail?.['kind'] === 'admin-rights')!;
    expect(admin.detail).toMatchObject({
      action: 'reported',
      groupMembers: [{ group: 'sudo', user: other }],
      uid0Accounts: [],
      sudoersFiles: [],
    });
    const procs = events.find((e) => e.detail?.['kind'] === 'root-processes')!;
    expect(procs.detail).toMatchObject({ action: 'reported' });
    // Only what the user's own sudo left: the forgeries name nobody.
    expect(procs.detail?.['rootProcesses']).toEqual([{ pid, command: 'sleep 300' }]);
    for (const f of forged) expect(existsSync(`/proc/${f}`)).toBe(true);
    // Reported, not touched.
    expect(sudoMembers()).toContain(other);
    expect(sudoMembers()).not.toContain(user);
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    const status = (await client.call('admin.status', { user })).users[0]!;
    expect(status.lastSession).toMatchObject({
      grantId,
      commands: 2, // gpasswd and sleep
      drift: { found: 1, removed: 0 },
      rootProcesses: { found: 1, ended: 0 },
    });
    // Put the machine back for the next case.
    process.kill(pid, 'SIGKILL');
    expect((await ns.inNs('gpasswd', '-d', other, 'sudo')).code).toBe(0);
  });

  it('undoes them under "remove" + endRootSessions, across an agent restart', async () => {
    await restartAgent({
      version: 1,
      defaults: { cleanupOnEnd: 'remove', endRootSessions: true, rootSessionGraceSec: 1 },
    });
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 4 });
    const grantId = s.grant!.id;
    expect((await ns.asUser(user, 'sudo', '-n', 'gpasswd', '-a', other, 'sudo')).code).toBe(0);
    const backdoor = `${other} ALL=(ALL:ALL) NOPASSWD: ALL\n`;
    const wrote = await ns.inNs(
      'sh',
      '-c',
      `printf '%s' '${backdoor}' | runuser -u ${user} -- sudo -n sh -c 'umask 337; cat > /etc/sudoers.d/zz-keep'`,
    );
    expect(wrote.code).toBe(0);
    const pid = await startLingeringRootProcess();
    // The snapshot taken at grant start survives a restart mid-grant.
    await restartAgent();

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 9000 }).toBe(2);
    const events = await driftEvents(grantId);
    const admin = events.find((e) => e.detail?.['kind'] === 'admin-rights')!;
    expect(admin.detail).toMatchObject({
      action: 'removed',
      groupMembers: [{ group: 'sudo', user: other, undone: true }],
      sudoersFiles: [{ path: 'etc/sudoers.d/zz-keep', change: 'added', undone: true }],
    });
    const procs = events.find((e) => e.detail?.['kind'] === 'root-processes')!;
    expect(procs.detail).toMatchObject({ action: 'ended' });
    expect(procs.detail?.['rootProcesses']).toContainEqual({
      pid,
      command: 'sleep 300',
      ended: true,
      signal: 'SIGTERM',
    });
    expect(sudoMembers()).not.toContain(other);
    expect(existsSync(join(ns.dir, 'etc/sudoers.d/zz-keep'))).toBe(false);
    const quarantine = join(ns.agent.stateDir, 'quarantine');
    const kept = readdirSync(quarantine).filter((n) => n.includes('zz-keep'));
    expect(kept).toHaveLength(2); // the file and its note
    expect(
      readFileSync(
        join(
          quarantine,
          kept.find((n) => !n.endsWith('.note'))!,
        ),
        'utf8',
      ),
    ).toBe(backdoor);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect((await ns.inNs('visudo', '-c')).code).toBe(0);
    expect((await client.call('admin.status', { user })).users[0]!.lastSession).toMatchObject({
      grantId,
      drift: { found: 2, removed: 2 },
      rootProcesses: { found: 1, ended: 1 },
    });
  });
  it('deletes a group line added with the admin gid under another name, and folds a second sudo line back (policy "remove")', async () => {
    await restartAgent({ version: 1, defaults: { cleanupOnEnd: 'remove' } });
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const grantId = s.grant!.id;
    const gid = Number(groupFile().find((f) => f[0] === 'sudo')![2]);
    const alias = `staff${grantId.slice(-4)}`;
    // The classic one-liners while root: a line with sudo's gid under another name, and a
    // second sudo line (which also makes gpasswd refuse the group from then on).
    for (const line of [`${alias}:x:${gid}:${other}`, `sudo:x:${gid}:${mallory}`]) {
      const sed = await ns.asUser(user, 'sudo', '-n', 'sed', '-i', `$a ${line}`, '/etc/group');
      expect(sed.code).toBe(0);
    }
    expect((await ns.inNs('sudo', '-l', '-U', other)).stdout).toMatch(/may run the following/);

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 9000 }).toBe(1);
    const [drift] = await driftEvents(grantId);
    expect(drift!.detail).toMatchObject({ action: 'removed' });
    expect(drift!.detail?.['groupMembers']).toEqual(
      expect.arrayContaining([
        { group: alias, user: other, undone: true },
        { group: 'sudo', user: mallory, undone: true },
      ]),
    );
    expect(drift!.detail?.['groupLines']).toEqual(
      expect.arrayContaining([
        { group: alias, gid, undone: true },
        { group: 'sudo', gid, duplicate: true, undone: true },
      ]),
    );
    expect(groupFile().filter((f) => f[0] === alias)).toEqual([]);
    expect(groupFile().filter((f) => f[0] === 'sudo')).toHaveLength(1);
    for (const who of [other, mallory]) {
      expect((await ns.inNs('sudo', '-l', '-U', who)).stdout).toMatch(/not allowed to run sudo/);
    }
    // gpasswd works on the sudo group again: the next grant is not refused.
    const next = await client.call('admin.grant', { user: other, level: 'admin', durationSec: 60 });
    expect(next.grant).not.toBeNull();
    expect(sudoMembers()).toContain(other);
    await client.call('admin.revoke', { user: other });
  });
  it('undoes a uid written 00, joining a self-serve group, and a primary gid set to sudo’s (policy "remove")', async () => {
    const devs = `devs${randomBytes(2).toString('hex')}`;
    expect((await ns.inNs('groupadd', devs)).code).toBe(0);
    await restartAgent({
      version: 1,
      defaults: { cleanupOnEnd: 'remove' },
      rules: [{ groups: [devs], selfServe: true }],
    });
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const grantId = s.grant!.id;
    const gid = Number(groupFile().find((f) => f[0] === 'sudo')![2]);
    const wasGid = passwdGid(mallory);
    // One command each, while root.
    for (const cmd of [
      ['sed', '-i', '$a toor:x:00:0::/root:/bin/sh', '/etc/passwd'],
      ['sed', '-i', '$a toor:*:19000:0:99999:7:::', '/etc/shadow'],
      ['gpasswd', '-a', other, devs],
      ['usermod', '-g', String(gid), mallory],
    ]) {
      expect((await ns.asUser(user, 'sudo', '-n', ...cmd)).code, cmd.join(' ')).toBe(0);
    }

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 9000 }).toBe(1);
    const [drift] = await driftEvents(grantId);
    expect(drift!.detail).toMatchObject({
      action: 'removed',
      groupMembers: [{ group: devs, user: other, undone: true }],
      uid0Accounts: [{ name: 'toor', undone: true }],
      primaryGroups: [{ user: mallory, gid, was: wasGid, undone: true }],
    });
    expect(passwdGid(mallory)).toBe(wasGid);
    expect(groupFile().find((f) => f[0] === devs)![3]).not.toContain(other);
    const shadow = readFileSync(join(ns.dir, 'etc/shadow'), 'utf8');
    expect(
      shadow
        .split('\n')
        .find((l) => l.startsWith('toor:'))!
        .split(':')[1],
    ).toMatch(/^!/);
  });
});

/** Pids of processes whose initial environment holds `entry`. */
function pidsWithEnv(entry: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(entry))
        found.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

function isRootSleep300(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8') === 'sleep\x00300\x00';
  } catch {
    return false;
  }
}
