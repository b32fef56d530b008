/**
 * Taking the admin inventory and undoing drift with the real tools (gpasswd -Q, usermod -P,
 * visudo) on a private copy of /etc under a temp root prefix.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePrivateRoot } from '../../helpers/copy-etc.js';
import { adminGroupNames, takeInventory } from '../../../agent/cleanup/admin-inventory.js';
import { undoDrift, undoneCount } from '../../../agent/cleanup/drift-remover.js';
import { diffInventory } from '../../../agent/cleanup/inventory-diff.js';

const none = { users: new Set<string>(), files: new Set<string>() };

describe('Linux admin inventory and drift removal on a root prefix', () => {
  let root: string;

  beforeEach(() => {
    root = makePrivateRoot('elevate-drift-');
    writeFileSync(join(root, 'etc/sudoers.d/README'), '# sudo ignores nothing here\n', {
      mode: 0o440,
    });
    writeFileSync(join(root, 'etc/sudoers.d/ignored.bak'), 'x ALL=(ALL) ALL\n');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads admin group members, uid-0 accounts and the sudoers files sudo reads', async () => {
    const inv = await takeInventory(root, adminGroupNames(undefined));
    expect(inv.uid0Accounts).toEqual(['root']);
    expect(Object.keys(inv.adminGroups)).toContain('sudo');
    expect(Object.keys(inv.sudoers).sort()).toEqual(['etc/sudoers', 'etc/sudoers.d/README']);
  });

  it('undoes a new group member, a new sudoers.d file, a changed sudoers and a new uid-0 account', async () => {
    const before = await takeInventory(root, adminGroupNames(undefined));
    const sudoersBefore = readFileSync(join(root, 'etc/sudoers'), 'utf8');
    execFileSync('gpasswd', ['-Q', root, '-a', 'daemon', 'sudo'], { stdio: 'ignore' });
    writeFileSync(join(root, 'etc/sudoers.d/zz-keep'), 'daemon ALL=(ALL) NOPASSWD: ALL\n', {
      mode: 0o440,
    });
    writeFileSync(join(root, 'etc/sudoers'), sudoersBefore + 'bin ALL=(ALL) ALL\n', {
      mode: 0o440,
    });
    execFileSync('useradd', ['--prefix', root, '-o', '-u', '0', '-M', 'toor'], { stdio: 'ignore' });

    const drift = diffInventory(before, await takeInventory(root, ['sudo']), none);
    expect(drift).toEqual({
      groupMembers: [{ group: 'sudo', user: 'daemon' }],
      uid0Accounts: ['toor'],
      sudoersFiles: [
        { path: 'etc/sudoers', change: 'modified' },
        { path: 'etc/sudoers.d/zz-keep', change: 'added' },
      ],
      groupLines: [],
      primaryGroups: [],
      launchDaemons: [],
      directoryConfig: [],
    });
    const quarantine = join(root, 'quarantine');
    const report = await undoDrift(root, drift, before, quarantine, {
      user: 'sam',
      grantId: 'g_1',
      at: '2026-11-24T10:00:00.000Z',
    });
    expect(undoneCount(report)).toBe(4);
    expect(report.sudoersFiles.every((f) => f.quarantinedTo?.startsWith(quarantine))).toBe(true);

    const after = await takeInventory(root, ['sudo']);
    expect(after.adminGroups['sudo']).not.toContain('daemon');
    expect(after.sudoers['etc/sudoers.d/zz-keep']).toBeUndefined();
    expect(readFileSync(join(root, 'etc/sudoers'), 'utf8')).toBe(sudoersBefore);
    expect(
      execFileSync('stat', ['-c', '%a', join(root, 'etc/sudoers')])
        .toString()
        .trim(),
    ).toBe('440');
    const shadow = readFileSync(join(root, 'etc/shadow'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('toor:'))!
      .split(':');
    expect(shadow[1]).toMatch(/^!/); // locked
    expect(shadow[7]).toBe('1'); // expired
    const notes = readdirSync(quarantine).filter((n) => n.endsWith('.note'));
    expect(notes).toHaveLength(2);
    expect(
      readFileSync(
        join(
          quarantine,
          notes.find((n) => n.includes('zz-keep'))!,
        ),
        'utf8',
      ),
    ).toMatch(/was added to .*zz-keep during sam's elevation .*grant g_1/);
  });

  it('says why when a step is refused, and still does the others', async () => {
    const before = await takeInventory(root, ['sudo']);
    writeFileSync(join(root, 'etc/sudoers.d/zz-keep'), 'daemon ALL=(ALL) ALL\n', { mode: 0o440 });
    const drift = {
      groupMembers: [{ group: 'nosuchgroup', user: 'daemon' }],
      uid0Accounts: [],
      sudoersFiles: [{ path: 'etc/sudoers.d/zz-keep', change: 'added' as const }],
      groupLines: [],
      primaryGroups: [],
      launchDaemons: [],
      directoryConfig: [],
    };
    const report = await undoDrift(root, drift, before, join(root, 'q'), {
      user: 'sam',
      grantId: 'g_2',
      at: '2026-11-24T10:00:00.000Z',
    });
    expect(report.groupMembers[0]).toMatchObject({
      undone: false,
      error: expect.stringMatching(
        /^daemon could not be removed from nosuchgroup \(gpasswd: .+\): group nosuchgroup is gone$/,
      ),
    });
    expect(report.sudoersFiles[0]).toMatchObject({ undone: true });
  });

  it('catches the one-command backdoors by number: a second admin-gid line, uid "00", a policy-named group, an admin primary gid', async () => {
    const selfServe = `devs${randomBytes(2).toString('hex')}`; // a rule makes it self-serve
    execFileSync('groupadd', ['--prefix', root, selfServe]);
    const names = adminGroupNames(undefined, [selfServe]);
    const before = await takeInventory(root, names);
    const gid = before.groupGids['sudo']!;
    const gamesGid = before.primaryGids['games']!;
    const alias = `staff${randomBytes(2).toString('hex')}`;
    // Each is one command for someone who is root until the deadline.
    appendFileSync(join(root, 'etc/group'), `sudo:x:${gid}:daemon\n${alias}:x:0${gid}:bin\n`);
    appendFileSync(join(root, 'etc/passwd'), 'toor:x:00:0::/root:/bin/sh\n');
    appendFileSync(join(root, 'etc/shadow'), 'toor:*:19000:0:99999:7:::\n');
    execFileSync('gpasswd', ['-Q', root, '-a', 'sys', selfServe], { stdio: 'ignore' });
    execFileSync('usermod', ['-P', root, '-g', String(gid), 'games'], { stdio: 'ignore' });

    const after = await takeInventory(root, names, before.watchedGids);
    const drift = diffInventory(before, after, none);
    expect(drift.groupMembers).toEqual(
      expect.arrayContaining([
        { group: 'sudo', user: 'daemon' },
        { group: alias, user: 'bin' },
        { group: selfServe, user: 'sys' },
      ]),
    );
    expect(drift.groupMembers).toHaveLength(3);
    expect(drift.groupLines).toEqual([
      { group: 'sudo', gid, duplicate: true },
      { group: alias, gid },
    ]);
    expect(drift.uid0Accounts).toEqual(['toor']);
    expect(drift.primaryGroups).toEqual([{ user: 'games', gid, was: gamesGid }]);

    const report = await undoDrift(root, drift, before, join(root, 'q'), {
      user: 'sam',
      grantId: 'g_3',
      at: '2026-11-24T10:00:00.000Z',
    });
    expect(report.groupMembers.every((m) => m.undone)).toBe(true);
    expect(report.primaryGroups[0]).toMatchObject({ undone: true });
    expect(report.uid0Accounts[0]).toMatchObject({ undone: true });
    expect(report.groupLines).toEqual([
      { group: 'sudo', gid, duplicate: true, undone: true },
      { group: alias, gid, undone: true },
    ]);
    expect(readFileSync(join(root, 'etc/group'), 'utf8').match(/^sudo:/gm)).toHaveLength(1);
    expect(readFileSync(join(root, 'etc/group'), 'utf8')).not.toMatch(
      new RegExp(`^${alias}:`, 'm'),
    );
    const fixed = await takeInventory(root, names, before.watchedGids);
    const stillThere = diffInventory(before, fixed, none);
    expect(stillThere.groupMembers).toEqual([]);
    expect(stillThere.groupLines).toEqual([]);
    expect(stillThere.primaryGroups).toEqual([]);
    const toor = readFileSync(join(root, 'etc/shadow'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('toor:'))!;
    expect(toor.split(':')[1]).toMatch(/^!/);
    // One sudo line again: gpasswd (every later grant) can add to it.
    execFileSync('gpasswd', ['-Q', root, '-a', 'bin', 'sudo'], { stdio: 'ignore' });
  });

  it('only reports an existing group given an admin gid, and any new line seen by an older inventory', async () => {
    const names = adminGroupNames(undefined);
    const before = await takeInventory(root, names);
    const gid = before.groupGids['sudo']!;
    execFileSync('groupmod', ['-P', root, '-o', '-g', String(gid), 'games'], { stdio: 'ignore' });
    appendFileSync(join(root, 'etc/group'), `late${randomBytes(2).toString('hex')}:x:${gid}:\n`);
    const drift = diffInventory(before, await takeInventory(root, names, before.watchedGids), none);
    expect(drift.groupLines.map((g) => g.group)).toContain('games');
    const note = { user: 'sam', grantId: 'g_4', at: '2026-11-24T10:00:00.000Z' };
    const { groupNames: _, ...older } = before;
    const report = await undoDrift(root, drift, older, join(root, 'q'), note);
    for (const line of report.groupLines) {
      expect(line).toMatchObject({ undone: false, error: expect.stringContaining('groupdel') });
    }
    const group = readFileSync(join(root, 'etc/group'), 'utf8');
    for (const g of drift.groupLines)
      expect(group).toMatch(new RegExp(`^${g.group}:x:${gid}:`, 'm'));
    const current = await undoDrift(root, drift, before, join(root, 'q'), note);
    expect(current.groupLines.find((g) => g.group === 'games')).toMatchObject({ undone: false });
    expect(current.groupLines.filter((g) => g.undone).map((g) => g.group)).toEqual(
      drift.groupLines.map((g) => g.group).filter((g) => g !== 'games'),
    );
  });
});
