/**
 * Keeping root through sudoers group rules, for real: real accounts, real sudo, in a private
 * mount namespace over a copy of /etc. Before the grant an admin has set up rules the way
 * sites do (`%ops` in sudoers.d, a User_Alias holding a group, a `%#gid` rule, a file the main
 * sudoers @includes from outside sudoers.d, a rule for an account that does not exist yet).
 * The elevated person then uses each, one command at a time, to keep root past the deadline.
 * Under cleanupOnEnd "remove" every one is reported and undone: afterwards `sudo -l -U` (what
 * sudo itself says) shows none of those accounts may run anything.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import {
  copyEtcToTempDir,
  startNamespaceAgent,
  type NamespaceAgent,
} from '../usage/namespace-agent.js';

describe('sudoers group rules cannot keep root past the end of a grant', () => {
  let user: string;
  let other: string;
  let mallory: string;
  let ns: NamespaceAgent;
  let client: AgentClient;
  const tag = randomBytes(2).toString('hex');
  const [ops, team, gidGroup] = [`ops${tag}`, `team${tag}`, `byid${tag}`];
  const ghost = `ghost${tag}`;

  const driftEvents = async (grantId: string): Promise<AuditEvent[]> =>
    (await client.call('admin.audit', { user, limit: 1000 })).events.filter(
      (e) => e.type === 'drift.detected' && e.grantId === grantId,
    );
  const mayRun = async (who: string): Promise<string> =>
    (await ns.inNs('sudo', '-l', '-U', who)).stdout;
  const asRoot = async (...cmd: string[]): Promise<void> => {
    const r = await ns.asUser(user, 'sudo', '-n', ...cmd);
    expect(r.code, `${cmd.join(' ')}: ${r.stderr}`).toBe(0);
  };
  const inNs = async (...cmd: string[]): Promise<void> => {
    const r = await ns.inNs(...cmd);
    expect(r.code, `${cmd.join(' ')}: ${r.stderr}`).toBe(0);
  };

  beforeAll(async () => {
    user = createUser();
    other = createUser();
    mallory = createUser();
    ns = await startNamespaceAgent(copyEtcToTempDir(), {
      version: 1,
      defaults: { cleanupOnEnd: 'remove' },
    });
    client = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
    // The site's own rules, in place before anyone is elevated.
    for (const g of [ops, team, gidGroup]) await inNs('groupadd', g);
    const gid = execFileSync('awk', [
      '-F:',
      `$1=="${gidGroup}"{print $3}`,
      join(ns.dir, 'etc/group'),
    ])
      .toString()
      .trim();
    const rules = [
      `%${ops} ALL=(ALL:ALL) ALL`,
      `User_Alias TEAM${tag.toUpperCase()} = %${team}`,
      `TEAM${tag.toUpperCase()} ALL=(ALL) NOPASSWD: ALL`,
      `%#${gid} ALL=(root) ALL`,
      `${ghost} ALL=(ALL:ALL) NOPASSWD: ALL`,
    ];
    writeFileSync(join(ns.dir, 'etc/sudoers.d', `site${tag}`), `${rules.join('\n')}\n`, {
      mode: 0o440,
    });
    writeFileSync(join(ns.dir, 'etc/sudoers.local'), '# local additions\n', { mode: 0o440 });
    const sudoers = join(ns.dir, 'etc/sudoers');
    writeFileSync(sudoers, `${readFileSync(sudoers, 'utf8')}@include /etc/sudoers.local\n`);
    await inNs('visudo', '-c');
    for (const who of [user, other, mallory]) {
      expect(await mayRun(who)).toMatch(/not allowed to run sudo/);
    }
  });

  afterAll(async () => {
    client?.close();
    await ns?.close();
    for (const u of [user, other, mallory]) deleteUser(u);
  });

  it('finds and undoes group memberships that existing %group rules grant', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const grantId = s.grant!.id;
    const byIdGid = Number(
      readFileSync(join(ns.dir, 'etc/group'), 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${gidGroup}:`))!
        .split(':')[2],
    );
    const malloryGid = Number(
      readFileSync(join(ns.dir, 'etc/passwd'), 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`${mallory}:`))!
        .split(':')[3],
    );
    await asRoot('gpasswd', '-a', other, ops); // a %ops rule in sudoers.d
    await asRoot('usermod', '-a', '-G', team, user); // themself, through a User_Alias
    await asRoot('usermod', '-g', gidGroup, mallory); // a %#gid rule, by primary gid
    expect(await mayRun(other)).toMatch(/\(ALL : ALL\) ALL/);
    expect(await mayRun(mallory)).toMatch(/\(root\) ALL/);

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 9000 }).toBe(1);
    const [drift] = await driftEvents(grantId);
    expect(drift!.detail).toMatchObject({ action: 'removed' });
    expect(drift!.detail?.['groupMembers']).toEqual(
      expect.arrayContaining([
        { group: ops, user: other, undone: true },
        { group: team, user, undone: true },
      ]),
    );
    expect(drift!.detail?.['primaryGroups']).toEqual([
      { user: mallory, gid: byIdGid, was: malloryGid, undone: true },
    ]);
    for (const who of [user, other, mallory]) {
      expect(await mayRun(who)).toMatch(/not allowed to run sudo/);
    }
  });

  it('puts back a file sudoers @includes from outside sudoers.d, given a rule for their own group', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const grantId = s.grant!.id;
    const rule = `%${user} ALL=(ALL) NOPASSWD: ALL`;
    await asRoot('sh', '-c', `echo '${rule}' >> /etc/sudoers.local`);

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 9000 }).toBe(1);
    const [drift] = await driftEvents(grantId);
    expect(drift!.detail).toMatchObject({
      action: 'removed',
      sudoersFiles: [{ path: 'etc/sudoers.local', change: 'modified', undone: true }],
    });
    expect(readFileSync(join(ns.dir, 'etc/sudoers.local'), 'utf8')).toBe('# local additions\n');
    expect(await mayRun(user)).toMatch(/not allowed to run sudo/);
  });

  it('locks a new account that an existing rule already names (seen only by asking sudo)', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const grantId = s.grant!.id;
    await asRoot('useradd', '-M', '-s', '/bin/bash', ghost);
    expect(await mayRun(ghost)).toMatch(/NOPASSWD: ALL/);

    await expect.poll(() => driftEvents(grantId).then((e) => e.length), { timeout: 9000 }).toBe(1);
    const [drift] = await driftEvents(grantId);
    expect(drift!.detail).toMatchObject({ action: 'removed', groupMembers: [], sudoersFiles: [] });
    expect(drift!.detail?.['sudoRights']).toEqual([
      { user: ghost, runs: ['(ALL : ALL) NOPASSWD: ALL'], undone: true },
    ]);
    const shadow = readFileSync(join(ns.dir, 'etc/shadow'), 'utf8');
    expect(
      shadow
        .split('\n')
        .find((l) => l.startsWith(`${ghost}:`))!
        .split(':')[1],
    ).toMatch(/^!/);
    // Nothing new for the person: what sudo lists for them is what it listed before the grant.
    expect(await mayRun(user)).toMatch(/not allowed to run sudo/);
    expect((await client.call('admin.status', { user })).users[0]!.lastSession).toMatchObject({
      grantId,
      drift: { found: 1, removed: 1 },
    });
  });
});
