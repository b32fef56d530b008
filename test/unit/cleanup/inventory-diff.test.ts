import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../agent/cleanup/admin-inventory.js';
import { diffInventory, driftCount } from '../../../agent/cleanup/inventory-diff.js';

const before: Inventory = {
  adminGroups: { sudo: ['alice', 'sam'] },
  groupGids: { sudo: 27 },
  watchedGids: [27],
  primaryGids: { root: 0, alice: 1000, sam: 1001 },
  uid0Accounts: ['root'],
  sudoers: {
    'etc/sudoers': 'root ALL=(ALL:ALL) ALL\n',
    'etc/sudoers.d/README': '# readme\n',
    'etc/sudoers.d/elevate-sam': 'sam ALL=(ALL:ALL) NOPASSWD: ALL\n',
  },
  nestedIn: {},
};
const none = { users: new Set<string>(), files: new Set<string>() };

describe('diffInventory', () => {
  it('finds nothing when nothing changed', () => {
    expect(driftCount(diffInventory(before, before, none))).toBe(0);
  });

  it('takes a group a new sudoers rule names as the rule, its existing members as before', () => {
    const withOps: Inventory = { ...before, unwatched: { ops: { gid: 4242, members: ['alice'] } } };
    const after: Inventory = {
      ...before,
      adminGroups: { ...before.adminGroups, ops: ['alice', 'mallory'] },
      groupGids: { ...before.groupGids, ops: 4242 },
      watchedGids: [27, 4242],
      sudoers: { ...before.sudoers, 'etc/sudoers.d/ops': '%ops ALL=(ALL) ALL\n' },
    };
    const d = diffInventory(withOps, after, none);
    expect(d.groupMembers).toEqual([{ group: 'ops', user: 'mallory' }]);
    expect(d.groupLines).toEqual([]);
    expect(d.sudoersFiles).toEqual([{ path: 'etc/sudoers.d/ops', change: 'added' }]);
  });

  it('reports additions and changes, not removals', () => {
    const after: Inventory = {
      adminGroups: { sudo: ['sam', 'mallory'], wheel: ['eve'] },
      groupGids: { sudo: 27, wheel: 10 },
      watchedGids: [10, 27],
      primaryGids: { root: 0, alice: 1000, sam: 27, eve: 10 },
      uid0Accounts: ['root', 'toor'],
      sudoers: {
        'etc/sudoers': 'root ALL=(ALL:ALL) ALL\nmallory ALL=(ALL) ALL\n',
        'etc/sudoers.d/zz-keep': 'mallory ALL=(ALL) NOPASSWD: ALL\n',
        'etc/sudoers.d/elevate-sam': before.sudoers['etc/sudoers.d/elevate-sam']!,
      },
      nestedIn: {},
    };
    expect(diffInventory(before, after, none)).toEqual({
      groupMembers: [
        { group: 'sudo', user: 'mallory' },
        { group: 'wheel', user: 'eve' },
      ],
      uid0Accounts: ['toor'],
      sudoersFiles: [
        { path: 'etc/sudoers', change: 'modified' },
        { path: 'etc/sudoers.d/zz-keep', change: 'added' },
      ],
      groupLines: [{ group: 'wheel', gid: 10 }],
      primaryGroups: [
        { user: 'sam', gid: 27, was: 1001 },
        { user: 'eve', gid: 10, was: null },
      ],
      launchDaemons: [],
      directoryConfig: [],
    });
  });

  it('finds LaunchDaemon plists added or changed, by their Label (the file name for a binary plist)', () => {
    // launchd.plist(5)'s minimal job, as Apple's examples write it.
    const job = (label: string, program: string): string =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n\t<key>Label</key>\n\t<string>${label}</string>\n\t<key>Program</key>\n\t<string>${program}</string>\n\t<key>RunAtLoad</key>\n\t<true/>\n</dict>\n</plist>\n`;
    const mac: Inventory = {
      ...before,
      launchDaemons: {
        'Library/LaunchDaemons/com.vendor.helper.plist': job('com.vendor.helper', '/opt/v'),
      },
    };
    const after: Inventory = {
      ...mac,
      launchDaemons: {
        'Library/LaunchDaemons/com.vendor.helper.plist': job('com.vendor.helper', '/tmp/sh'),
        'Library/LaunchDaemons/keep.plist': job('com.apple.keep', '/bin/sh'),
        'Library/LaunchDaemons/bin.plist': 'bplist00\u00d1\u0001\u0002ULabel',
      },
    };
    expect(diffInventory(mac, after, none).launchDaemons).toEqual([
      {
        path: 'Library/LaunchDaemons/com.vendor.helper.plist',
        change: 'modified',
        label: 'com.vendor.helper',
      },
      { path: 'Library/LaunchDaemons/keep.plist', change: 'added', label: 'com.apple.keep' },
      { path: 'Library/LaunchDaemons/bin.plist', change: 'added', label: 'bin' },
    ]);
    // An inventory without them (Linux, or taken by an older agent) compares nothing.
    expect(diffInventory(before, after, none).launchDaemons).toEqual([]);
  });

  it("leaves out what the agent manages: elevated users' membership and drop-ins", () => {
    const after: Inventory = {
      ...before,
      adminGroups: { sudo: ['alice', 'sam', 'bob'] },
      sudoers: {
        ...before.sudoers,
        'etc/sudoers.d/elevate-sam': 'sam ALL=(ALL:ALL) ALL\n',
        'etc/sudoers.d/elevate-bob': 'bob ALL=(ALL:ALL) ALL\n',
      },
    };
    const drift = diffInventory(before, after, {
      users: new Set(['bob']),
      files: new Set(['etc/sudoers.d/elevate-sam', 'etc/sudoers.d/elevate-bob']),
    });
    expect(driftCount(drift)).toBe(0);
  });
});
