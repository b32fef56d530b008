/**
 * Who holds admin on a Mac, as the local directory node says it, in the same shape as the
 * Linux inventory (cleanup/admin-inventory.ts) so the same diff finds what a grant added:
 * - `admin`'s members by short name (GroupMembership) and by GeneratedUID (GroupMembers; a
 *   GUID of another directory node stays a GUID);
 * - every group nested in admin, at any depth (NestedGroups), with its members:
 *   mbr_check_membership(3) and `dsmemberutil checkmembership` count them as admins; a nested
 *   GUID the local node does not know (a network group) is kept by its GUID, members unknown;
 * - each account's PrimaryGroupID (80, or a nested group's gid, makes an admin) and the
 *   uid-0 accounts;
 * - /private/etc/sudoers and the sudoers.d files sudo reads (and the files they include);
 * - the plists in /Library/LaunchDaemons (launch-daemons.ts) and Open Directory's
 *   configuration (directory-config.ts: bindings, a network group made admin).
 * Two dscl calls read it all (-readall), so a grant's start is not held up on a slow Mac.
 */
import { join } from 'node:path';
import { readSudoers, type Inventory } from '../../cleanup/admin-inventory.js';
import { OsCommandError } from '../backend.js';
import { run } from './directory.js';
import { readDirectoryConfig } from './directory-config.js';
import { readLaunchDaemons } from './launch-daemons.js';
import { parseDsclReadAll } from './parsers.js';
import { ADMIN_GID, ADMIN_GROUP, readAllPlan } from './plans.js';

type DsRecord = Record<string, string[]>;

export const USER_INVENTORY_ATTRIBUTES = [
  'RecordName',
  'UniqueID',
  'PrimaryGroupID',
  'GeneratedUID',
];
export const GROUP_INVENTORY_ATTRIBUTES = [
  'RecordName',
  'PrimaryGroupID',
  'GeneratedUID',
  'GroupMembership',
  'GroupMembers',
  'NestedGroups',
];

async function readAll(type: 'Users' | 'Groups', attributes: string[]): Promise<DsRecord[]> {
  try {
    return parseDsclReadAll(await run(readAllPlan(type, attributes)));
  } catch (err) {
    throw new OsCommandError(
      `The local ${type.toLowerCase()} cannot be read (${(err as Error).message}).`,
    );
  }
}

const first = (r: DsRecord, attr: string): string | undefined => r[attr]?.[0];

export async function takeDarwinInventory(
  root: string,
  alsoGids: number[] = [],
): Promise<Inventory> {
  const [users, groups, sudoers, launchDaemons, directoryConfig] = await Promise.all([
    readAll('Users', USER_INVENTORY_ATTRIBUTES),
    readAll('Groups', GROUP_INVENTORY_ATTRIBUTES),
    readSudoers(join(root, 'private'), root),
    readLaunchDaemons(root),
    readDirectoryConfig(root),
  ]);
  return { ...inventoryOf(users, groups, alsoGids), sudoers, launchDaemons, directoryConfig };
}

/** The directory part of the inventory, from the two -readall results (pure). */
export function inventoryOf(
  users: DsRecord[],
  groups: DsRecord[],
  alsoGids: number[] = [],
): Omit<Inventory, 'sudoers'> {
  const userByGuid = new Map<string, string>();
  const primaryGids: Inventory['primaryGids'] = {};
  const uid0Accounts: string[] = [];
  for (const u of users) {
    const name = first(u, 'RecordName');
    if (!name) continue;
    const guid = first(u, 'GeneratedUID');
    if (guid) userByGuid.set(guid, name);
    const gid = first(u, 'PrimaryGroupID');
    if (gid && /^-?\d+$/.test(gid)) primaryGids[name] = Number(gid);
    if (/^0+$/.test(first(u, 'UniqueID') ?? '')) uid0Accounts.push(name);
  }
  const byName = new Map(groups.map((g) => [first(g, 'RecordName'), g]));
  const groupByGuid = new Map(groups.map((g) => [first(g, 'GeneratedUID'), g]));
  const admin = byName.get(ADMIN_GROUP);
  if (!admin)
    throw new OsCommandError(
      `This Mac has no '${ADMIN_GROUP}' group in its local directory; check it with "dscl . -read /Groups/admin".`,
    );
  const adminGroups: Inventory['adminGroups'] = {};
  const groupGids: Inventory['groupGids'] = {};
  const nestedIn: Inventory['nestedIn'] = {};
  const queue: { group: DsRecord | undefined; key: string; parent: string | null }[] = [
    { group: admin, key: ADMIN_GROUP, parent: null },
  ];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { group, key, parent } = next;
    if (key in adminGroups) continue;
    if (parent) nestedIn[key] = parent;
    const byGuid = (group?.GroupMembers ?? []).map((g) => userByGuid.get(g) ?? g);
    adminGroups[key] = [...new Set([...(group?.GroupMembership ?? []), ...byGuid])];
    const gid = Number(first(group ?? {}, 'PrimaryGroupID'));
    groupGids[key] = Number.isInteger(gid) ? gid : ADMIN_GID;
    for (const guid of group?.NestedGroups ?? []) {
      const nested = groupByGuid.get(guid);
      queue.push({
        group: nested,
        key: (nested && first(nested, 'RecordName')) ?? guid,
        parent: key,
      });
    }
  }
  const watched = new Set([ADMIN_GID, ...Object.values(groupGids), ...alsoGids]);
  return {
    adminGroups,
    groupGids,
    watchedGids: [...watched].sort((a, b) => a - b),
    primaryGids,
    uid0Accounts,
    nestedIn,
  };
}
