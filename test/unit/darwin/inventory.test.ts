/** Who holds admin on a Mac, read from `dscl -readall` outputs (test/fixtures/darwin). */
import { describe, expect, it } from 'vitest';
import {
  GROUP_INVENTORY_ATTRIBUTES,
  USER_INVENTORY_ATTRIBUTES,
  inventoryOf,
} from '../../../agent/backends/darwin/admin-inventory.js';
import { parseDsclReadAll } from '../../../agent/backends/darwin/parsers.js';
import { readAllPlan } from '../../../agent/backends/darwin/plans.js';
import { diffInventory } from '../../../agent/cleanup/inventory-diff.js';
import { fixture } from './fixtures.js';

const argv = (p: { file: string; args: string[] }): string => [p.file, ...p.args].join(' ');
const users = parseDsclReadAll(fixture('dscl-readall-users'));
const groups = parseDsclReadAll(fixture('dscl-readall-groups'));
const NETWORK_GROUP = 'C0FFEE00-1111-2222-3333-444455556666';

describe('darwin admin inventory', () => {
  it('reads every record with the attributes asked for, RecordName aliases included', () => {
    expect(argv(readAllPlan('Users', USER_INVENTORY_ATTRIBUTES))).toBe(
      fixture('dscl-readall-users').command,
    );
    expect(argv(readAllPlan('Groups', GROUP_INVENTORY_ATTRIBUTES))).toBe(
      fixture('dscl-readall-groups').command,
    );
    expect(users[0]).toEqual({
      GeneratedUID: ['FFFFEEEE-DDDD-CCCC-BBBB-AAAA00000053'],
      PrimaryGroupID: ['83'],
      RecordName: ['_amavisd', 'amavisd'],
      UniqueID: ['83'],
    });
  });

  it('lists admin members, nested groups with theirs, primary groups and uid-0 accounts', () => {
    expect(inventoryOf(users, groups)).toEqual({
      adminGroups: {
        admin: ['root', 'yayusernameyay'],
        'it-admins': ['helpdesk'],
        [NETWORK_GROUP]: [],
      },
      groupGids: { admin: 80, 'it-admins': 701, [NETWORK_GROUP]: 80 },
      watchedGids: [80, 701],
      primaryGids: { _amavisd: 83, root: 0, yayusernameyay: 20, helpdesk: 20 },
      uid0Accounts: ['root'],
      nestedIn: { 'it-admins': 'admin', [NETWORK_GROUP]: 'admin' },
    });
  });

  it('finds a group nested during a grant, with the group it went into', () => {
    const before = inventoryOf(users, groups.slice(0));
    const team = {
      RecordName: ['design'],
      PrimaryGroupID: ['702'],
      GeneratedUID: ['D0D0D0D0-0000-4000-8000-000000000702'],
      GroupMembership: ['yayusernameyay'],
    };
    const itAdmins = { ...groups[1]!, NestedGroups: [team.GeneratedUID[0]!] };
    const after = inventoryOf(users, [groups[0]!, itAdmins, groups[2]!, team], before.watchedGids);
    const drift = diffInventory(
      { ...before, sudoers: {} },
      { ...after, sudoers: {} },
      { users: new Set(), files: new Set() },
    );
    expect(drift.groupLines).toEqual([{ group: 'design', gid: 702, in: 'it-admins' }]);
    expect(drift.groupMembers).toEqual([{ group: 'design', user: 'yayusernameyay' }]);
  });

  it('refuses a directory without an admin group, saying how to check', () => {
    expect(() => inventoryOf(users, groups.slice(1))).toThrow(/dscl \. -read \/Groups\/admin/);
  });
});
