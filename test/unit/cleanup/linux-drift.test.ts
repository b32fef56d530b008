/**
 * Taking the admin inventory and undoing drift with the real tools (gpasswd -Q, usermod -P,
 * visudo) on a private copy of /etc under a temp root prefix.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    };
    const report = await undoDrift(root, drift, before, join(root, 'q'), {
      user: 'sam',
      grantId: 'g_2',
      at: '2026-11-24T10:00:00.000Z',
    });
    expect(report.groupMembers[0]).toMatchObject({
      undone: false,
      error: expect.stringMatching(/^gpasswd could not remove daemon from nosuchgroup: .+\.$/),
    });
    expect(report.sudoersFiles[0]).toMatchObject({ undone: true });
  });
});
