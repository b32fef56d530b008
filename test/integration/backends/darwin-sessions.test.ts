/**
 * What happens while a person is elevated on a Mac, run here: the agent with `--backend
 * darwin` over the STAND-IN directory tools (test/standins/darwin, never shipped), in a
 * private mount namespace whose /etc is the darwin root's private/etc (a copy of this
 * machine's, with Apple's sudoers lines). sudo is the real one (1.9.13, as macOS 14–26 ship):
 * it reads the agent's drop-in, logs to the agent's JSON file, and leaves real root
 * processes; `ps` is the real one too (the same -o keywords as macOS's).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { makeTempDir } from '../../helpers/agent-process.js';
import { copyEtc } from '../../helpers/copy-etc.js';
import { makeDarwinWorld, type DarwinWorld } from '../../helpers/darwin-standins.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { startLingeringRootSleep } from '../../helpers/root-sleep.js';
import { startNamespaceAgent, type NamespaceAgent } from '../usage/namespace-agent.js';

const TIMEOUT_MS = 60_000;

/** The lines of Apple's /etc/sudoers that matter here (apple-oss-distributions/sudo files/sudoers). */
const APPLE_LINES = 'Defaults\t!log_allowed\n%admin\t\tALL = (ALL) ALL\n';

describe('darwin: privilege.used and the end-of-session check', { timeout: 240_000 }, () => {
  let user: string;
  let uid: number;
  let world: DarwinWorld;
  let ns: NamespaceAgent;
  let client: AgentClient;
  let baseline: Record<string, string[]>;
  const lingering: ChildProcess[] = [];

  const events = async (type: string, grantId: string): Promise<AuditEvent[]> =>
    (await client.call('admin.audit', { user, limit: 1000 })).events
      .filter((e) => e.type === type && e.grantId === grantId)
      .reverse();

  beforeAll(async () => {
    user = createUser();
    uid = Number(execFileSync('id', ['-u', user]).toString().trim());
    world = makeDarwinWorld();
    world.addUser(user, { uid });
    baseline = world.group('admin');
    // The namespace's /etc is the darwin root's private/etc, so sudo reads the drop-in the
    // darwin backend writes; Apple's lines go before sudoers.d is included, as on a Mac.
    const etc = join(world.root, 'private/etc');
    rmSync(etc, { recursive: true, force: true });
    copyEtc(etc);
    const sudoers = readFileSync(join(etc, 'sudoers'), 'utf8');
    writeFileSync(
      join(etc, 'sudoers'),
      sudoers.replace(/^[@#]includedir/m, (m) => `${APPLE_LINES}${m}`),
    );
    const policy = {
      version: 1,
      defaults: { cleanupOnEnd: 'remove', endRootSessions: true, rootSessionGraceSec: 1 },
    };
    ns = await startNamespaceAgent(makeTempDir(), policy, {
      backend: 'darwin',
      etc,
      root: world.root,
      env: world.env,
    });
    client = await AgentClient.connect({
      socketPath: ns.agent.socket,
      user: 'root',
      timeoutMs: TIMEOUT_MS,
    });
  });

  afterAll(async () => {
    for (const p of lingering) p.kill('SIGKILL');
    client?.close();
    await ns?.close();
    deleteUser(user);
    rmSync(world.root, { recursive: true, force: true });
  });

  it('records each sudo command as privilege.used, and the count the tray shows', async () => {
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 600 });
    const grantId = s.grant!.id;
    const dropIn = readFileSync(
      join(world.root, 'private/etc/sudoers.d', `elevate-${user}`),
      'utf8',
    );
    expect(dropIn).toContain(`Defaults:${user} log_allowed`);
    expect((await ns.inNs('visudo', '-c')).code).toBe(0);

    expect((await ns.asUser(user, 'sudo', '-n', 'id', '-u')).stdout.trim()).toBe('0');
    expect((await ns.asUser(user, 'sudo', '-n', 'ls', '/root')).code).toBe(0);
    await expect
      .poll(() => events('privilege.used', grantId).then((e) => e.length), { timeout: 10_000 })
      .toBe(2);
    const used = await events('privilege.used', grantId);
    expect(used.map((e) => e.detail?.['command'])).toEqual(['/usr/bin/id -u', '/usr/bin/ls /root']);
    expect(used[0]).toMatchObject({ user, level: 'passwordless', actor: user });
    expect((await client.call('admin.status', { user })).users[0]!.usage).toEqual({ commands: 2 });

    // A command just before the end is still collected; after it, sudo refuses and logs nothing.
    expect((await ns.asUser(user, 'sudo', '-n', 'true')).code).toBe(0);
    const after = await client.call('admin.revoke', { user });
    expect((await events('privilege.used', grantId)).map((e) => e.detail?.['command'])).toEqual([
      '/usr/bin/id -u',
      '/usr/bin/ls /root',
      '/usr/bin/true',
    ]);
    expect(after.lastSession).toMatchObject({ grantId, commands: 3 });
    expect(existsSync(join(ns.agent.stateDir, 'sudo-log', `${user}.log`))).toBe(false);
    expect((await ns.asUser(user, 'sudo', '-n', 'id')).code).not.toBe(0);
    expect(world.group('admin')).toEqual(baseline);
  });

  it('undoes admin rights added during the grant and ends the root process sudo left', async () => {
    world.addUser('mole');
    const other = world.addUser('other');
    const s = await client.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    const grantId = s.grant!.id;
    // While elevated: another account joins admin, a new group is nested in it, an existing
    // account's primary group becomes 80, a uid-0 account appears, a sudoers.d file is left.
    const backdoorGuid = world.addGroup('backdoor', 703, { membership: ['other'] });
    const g = world.group('admin');
    world.setGroup('admin', {
      ...g,
      GroupMembership: [...(g.GroupMembership ?? []), 'other'],
      GroupMembers: [...(g.GroupMembers ?? []), other.guid],
      NestedGroups: [backdoorGuid],
    });
    const mole = JSON.parse(readFileSync(join(world.dslocal, 'users/mole.json'), 'utf8'));
    writeFileSync(
      join(world.dslocal, 'users/mole.json'),
      JSON.stringify({ ...mole, PrimaryGroupID: ['80'] }),
    );
    world.addUser('toor', { uid: 0 });
    const keep = join(world.root, 'private/etc/sudoers.d/zz-keep');
    writeFileSync(keep, `${user} ALL=(ALL) NOPASSWD: ALL\n`, { mode: 0o440 });
    const pid = await lingeringRootProcess();

    const end = await client.call('admin.revoke', { user });
    expect(end).toMatchObject({ level: 'none', grant: null });
    const [rights] = (await events('drift.detected', grantId)).filter(
      (e) => e.detail?.['kind'] === 'admin-rights',
    );
    expect(rights?.detail).toMatchObject({
      action: 'removed',
      groupMembers: [
        { group: 'admin', user: 'other', undone: true },
        { group: 'backdoor', user: 'other', undone: true },
      ],
      groupLines: [{ group: 'backdoor', gid: 703, in: 'admin', undone: true }],
      primaryGroups: [{ user: 'mole', gid: 80, was: 20, undone: true }],
      uid0Accounts: [{ name: 'toor', undone: false, error: expect.stringMatching(/pwpolicy/) }],
      sudoersFiles: [{ path: 'etc/sudoers.d/zz-keep', change: 'added', undone: true }],
    });
    // What an admin would see on the Mac afterwards.
    expect(world.group('admin')).toEqual({ ...baseline, NestedGroups: [] });
    // The nested group is taken out of admin, not emptied (it may be a team's).
    expect(world.group('backdoor').GroupMembership).toEqual(['other']);
    expect(JSON.parse(readFileSync(join(world.dslocal, 'users/mole.json'), 'utf8'))).toMatchObject({
      PrimaryGroupID: ['20'],
    });
    expect(existsSync(keep)).toBe(false);
    const quarantine = join(ns.agent.stateDir, 'quarantine');
    expect(readdirSync(quarantine).some((f) => f.includes('zz-keep'))).toBe(true);
    expect(world.calls()).toEqual(
      expect.arrayContaining([
        'dseditgroup -o edit -d other -t user admin',
        'dseditgroup -o edit -d backdoor -t group admin',
        'dscl . -create /Users/mole PrimaryGroupID 20',
      ]),
    );

    // The root process sudo left gets SIGTERM, and the summary follows the grace period.
    await expect
      .poll(async () => (await client.call('admin.status', { user })).users[0]?.lastSession, {
        timeout: 20_000,
      })
      .toMatchObject({
        grantId,
        drift: { found: 6, removed: 5 },
        rootProcesses: { found: 1, ended: 1 },
      });
    expect(alive(pid)).toBe(false);
    const [procs] = (await events('drift.detected', grantId)).filter(
      (e) => e.detail?.['kind'] === 'root-processes',
    );
    expect(procs?.detail).toMatchObject({
      action: 'ended',
      rootProcesses: [{ pid, command: 'sleep 300', ended: true, signal: 'SIGTERM' }],
    });
  });

  it('boots out and quarantines a LaunchDaemon left during the grant, and puts a changed one back', async () => {
    const daemons = join(world.root, 'Library/LaunchDaemons');
    mkdirSync(daemons, { recursive: true });
    // launchd.plist(5)'s minimal job: a root program launchd starts at every boot.
    const job = (label: string, program: string): string =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>Label</key>\n\t<string>${label}</string>\n\t<key>Program</key>\n\t<string>${program}</string>\n\t<key>RunAtLoad</key>\n\t<true/>\n</dict>\n</plist>\n`;
    const launchctl = (...args: string[]): void => {
      execFileSync('launchctl', args, { env: { ...process.env, ...world.env } });
    };
    const vendor = join(daemons, 'com.vendor.helper.plist');
    writeFileSync(vendor, job('com.vendor.helper', '/opt/vendor/helper'), { mode: 0o644 });
    launchctl('bootstrap', 'system', vendor);
    // Open Directory's AD binding (only its bytes are compared, so the content is a stand-in).
    const odDir = join(
      world.root,
      'Library/Preferences/OpenDirectory/Configurations/Active Directory',
    );
    mkdirSync(odDir, { recursive: true });
    const binding = join(odDir, 'CORP.plist');
    writeFileSync(binding, 'stand-in: allow administration by CORP IT Admins\n');
    const s = await client.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    const grantId = s.grant!.id;
    // While elevated: a new daemon running a shell as root, and the vendor's pointed at one.
    const keep = join(daemons, 'com.keep.plist');
    writeFileSync(keep, job('com.keep', '/bin/sh'), { mode: 0o644 });
    launchctl('bootstrap', 'system', keep);
    writeFileSync(vendor, job('com.vendor.helper', '/tmp/sh'), { mode: 0o644 });
    // As dsconfigad -groups would: every domain user an admin of this Mac.
    writeFileSync(binding, 'stand-in: allow administration by CORP IT Admins, CORP Domain Users\n');

    await client.call('admin.revoke', { user });
    const [rights] = (await events('drift.detected', grantId)).filter(
      (e) => e.detail?.['kind'] === 'admin-rights',
    );
    expect(rights?.detail).toMatchObject({
      action: 'removed',
      launchDaemons: [
        {
          path: 'Library/LaunchDaemons/com.keep.plist',
          change: 'added',
          label: 'com.keep',
          undone: true,
        },
        {
          path: 'Library/LaunchDaemons/com.vendor.helper.plist',
          change: 'modified',
          label: 'com.vendor.helper',
          undone: true,
        },
      ],
    });
    expect(rights?.detail?.['directoryConfig']).toEqual([
      {
        path: 'Library/Preferences/OpenDirectory/Configurations/Active Directory/CORP.plist',
        change: 'modified',
        undone: false,
        error: expect.stringMatching(/dsconfigad -show/),
      },
    ]);
    expect(existsSync(keep)).toBe(false);
    expect(readFileSync(vendor, 'utf8')).toBe(job('com.vendor.helper', '/opt/vendor/helper'));
    const launchd = world.env['ELEVATE_STANDIN_LAUNCHD']!;
    expect(existsSync(join(launchd, 'loaded/com.keep'))).toBe(false);
    expect(readFileSync(join(launchd, 'loaded/com.vendor.helper'), 'utf8').trim()).toBe(vendor);
    expect(readFileSync(join(launchd, 'calls.log'), 'utf8')).toContain(
      'launchctl bootout system/com.keep',
    );
    const quarantine = readdirSync(join(ns.agent.stateDir, 'quarantine'));
    expect(
      quarantine.filter((f) => f.includes('com.keep.plist') && !f.endsWith('.note')),
    ).toHaveLength(1);
  });

  /** `sudo -n sleep 300` as the user, in its own session, left running: its root child's pid. */
  const lingeringRootProcess = () => startLingeringRootSleep(ns, user, uid, lingering);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
