/** What was added to the admin inventory between two readings (removals are not drift). */
import { launchLabel } from '../backends/darwin/launch-label.js';
import type { Inventory } from './admin-inventory.js';

export interface Drift {
  groupMembers: { group: string; user: string }[];
  uid0Accounts: string[];
  sudoersFiles: { path: string; change: 'added' | 'modified' }[];
  /**
   * Group lines that appeared carrying a watched gid (e.g. a second line with sudo's gid);
   * macOS: groups newly nested in admin (`in`: the group they were nested in).
   */
  groupLines: { group: string; gid: number; in?: string; duplicate?: true }[];
  /** Accounts whose primary gid became a watched gid. */
  primaryGroups: { user: string; gid: number; was: number | null }[];
  /** macOS: LaunchDaemon plists added or changed (a root job that outlives the grant). */
  launchDaemons: { path: string; change: 'added' | 'modified'; label: string }[];
  /** macOS: Open Directory configuration files added or changed (which directories, whose admins). */
  directoryConfig: { path: string; change: 'added' | 'modified' }[];
}

export interface DriftExclusions {
  /** Accounts whose admin group membership the agent itself manages (elevated users). */
  users: ReadonlySet<string>;
  /** Sudoers files the agent itself manages (relative paths of elevated users' drop-ins). */
  files: ReadonlySet<string>;
}

export function diffInventory(
  before: Inventory,
  after: Inventory,
  exclude: DriftExclusions,
): Drift {
  const groupMembers: Drift['groupMembers'] = [];
  const groupLines: Drift['groupLines'] = [];
  for (const [group, members] of Object.entries(after.adminGroups)) {
    const existed = group in before.adminGroups;
    const gid = after.groupGids[group];
    const parent = after.nestedIn[group];
    // Watched only now, with the gid it had: a rule started naming it (the rule is the drift).
    const unwatched = existed ? undefined : before.unwatched?.[group];
    const sameLine = unwatched !== undefined && unwatched.gid === gid;
    if (!existed && !sameLine && gid !== undefined)
      groupLines.push({ group, gid, ...(parent && { in: parent }) });
    const [lines, linesBefore] = [after.groupLineCounts?.[group], before.groupLineCounts?.[group]];
    if (existed && gid !== undefined && lines && linesBefore && lines > linesBefore)
      groupLines.push({ group, gid, duplicate: true });
    const was = new Set(before.adminGroups[group] ?? (sameLine ? unwatched.members : []));
    for (const user of members) {
      if (!was.has(user) && !exclude.users.has(user)) groupMembers.push({ group, user });
    }
  }
  const wasRoot = new Set(before.uid0Accounts);
  const uid0Accounts = after.uid0Accounts.filter((a) => !wasRoot.has(a));
  const sudoersFiles: Drift['sudoersFiles'] = [];
  for (const [path, content] of Object.entries(after.sudoers)) {
    if (exclude.files.has(path)) continue;
    const was = before.sudoers[path];
    if (was === undefined) sudoersFiles.push({ path, change: 'added' });
    else if (was !== content) sudoersFiles.push({ path, change: 'modified' });
  }
  const watched = new Set(after.watchedGids);
  const primaryGroups: Drift['primaryGroups'] = [];
  for (const [user, gid] of Object.entries(after.primaryGids)) {
    const was = before.primaryGids[user] ?? null;
    if (watched.has(gid) && was !== gid) primaryGroups.push({ user, gid, was });
  }
  const launchDaemons: Drift['launchDaemons'] = [];
  if (before.launchDaemons && after.launchDaemons) {
    for (const [path, content] of Object.entries(after.launchDaemons)) {
      const was = before.launchDaemons[path];
      if (was === content) continue;
      const label = launchLabel(content, path);
      launchDaemons.push({ path, change: was === undefined ? 'added' : 'modified', label });
    }
  }
  const directoryConfig: Drift['directoryConfig'] = [];
  for (const [path, content] of Object.entries(after.directoryConfig ?? {})) {
    if (!before.directoryConfig) break;
    const was = before.directoryConfig[path];
    if (was !== content)
      directoryConfig.push({ path, change: was === undefined ? 'added' : 'modified' });
  }
  return {
    groupMembers,
    uid0Accounts,
    sudoersFiles,
    groupLines,
    primaryGroups,
    launchDaemons,
    directoryConfig,
  };
}

export function driftCount(d: Drift): number {
  return (
    d.groupMembers.length +
    d.uid0Accounts.length +
    d.sudoersFiles.length +
    d.groupLines.length +
    d.primaryGroups.length +
    d.launchDaemons.length +
    d.directoryConfig.length
  );
}
