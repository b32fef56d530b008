/**
 * The commands and paths each macOS operation uses, as plain values (no I/O), so tests can
 * check them without a Mac. Sources, from Apple's open-source releases:
 * - dseditgroup / dsmemberutil / dscl / dscacheutil: apple-oss-distributions/DSTools
 *   (ugtools/dseditgroup.c, dsmbrutil/dsmbrutil.c, dscl/dscl.m, dscacheutil/dscacheutil.1);
 * - /private/etc/sudoers.d, /var/db/sudo/ts, log_allowed: apple-oss-distributions/sudo
 *   (files/sudoers, sudo/pathnames.h, sudo/NEWS), sudo 1.9.13p2 in sudo-113/114.
 */
import { join } from 'node:path';
import type { GrantLevel } from '../../protocol/schemas.js';
import { sudoLogRule } from '../../usage/sudo-log-path.js';
import { checkAccountName, dropInFileName } from '../linux/account-name.js';

export interface CommandPlan {
  file: string;
  args: string[];
}

/** The group System Settings, installers and sudo's `%admin` rule check; gid 80 on every Mac. */
export const ADMIN_GROUP = 'admin';
export const ADMIN_GID = 80;

/** Attributes that make someone an admin member (SAP Privileges issue 5; puppet mac_admin_users). */
export const GROUP_ATTRIBUTES = [
  'GroupMembership',
  'GroupMembers',
  'NestedGroups',
  'PrimaryGroupID',
  'GeneratedUID',
];
export const USER_ATTRIBUTES = ['UniqueID', 'PrimaryGroupID', 'GeneratedUID', 'NFSHomeDirectory'];

export function readGroupPlan(group: string): CommandPlan {
  return { file: 'dscl', args: ['-plist', '.', '-read', `/Groups/${group}`, ...GROUP_ATTRIBUTES] };
}

export function readUserPlan(user: string): CommandPlan {
  checkAccountName(user);
  return { file: 'dscl', args: ['-plist', '.', '-read', `/Users/${user}`, ...USER_ATTRIBUTES] };
}

/** Every local account with its uid, one "name uid" line each (uid-0 accounts, lookups by uid). */
export function listUidsPlan(): CommandPlan {
  return listAttributePlan('Users', 'UniqueID');
}

/**
 * Every record of a type with the attributes asked for, as a plist array of record dicts
 * (dscl -readall; each dict as -read prints it). One call for the whole end-of-session check.
 */
export function readAllPlan(type: 'Users' | 'Groups', attributes: string[]): CommandPlan {
  return { file: 'dscl', args: ['-plist', '.', '-readall', `/${type}`, ...attributes] };
}

/** One "name value" line per record of the local node (dscl.m -list with a key). */
export function listAttributePlan(type: 'Users' | 'Groups', attribute: string): CommandPlan {
  return { file: 'dscl', args: ['.', '-list', `/${type}`, attribute] };
}

/**
 * ODRecordRemoveMember with a group member: takes the group out of NestedGroups (as
 * `-a NAME -t group` put it there). Used to undo a group nested into admin during a grant.
 */
export function removeNestedGroupPlan(nested: string, group: string): CommandPlan {
  checkAccountName(nested);
  return { file: 'dseditgroup', args: ['-o', 'edit', '-d', nested, '-t', 'group', group] };
}

/** Sets one attribute of a user record (dscl.m -create replaces the value). */
export function setUserAttributePlan(user: string, attribute: string, value: string): CommandPlan {
  checkAccountName(user);
  return { file: 'dscl', args: ['.', '-create', `/Users/${user}`, attribute, value] };
}

/**
 * Every process with the ids that tie it to a person (adv_cmds ps/keyword.c: uid is the
 * effective uid, ruid the real one, svuid the saved one; lstart the start time, 24 fixed
 * characters; comm last, as it may hold spaces). `-A`: all users' processes, with or
 * without a terminal (ps(1)); `-ww`: no width limit.
 */
export function processTablePlan(): CommandPlan {
  return {
    file: 'ps',
    args: ['-A', '-ww', '-o', 'pid=,ppid=,uid=,ruid=,svuid=,state=,tty=,lstart=,comm='],
  };
}

/** The full command lines of a few processes, for the report. */
export function commandLinesPlan(pids: number[]): CommandPlan {
  return { file: 'ps', args: ['-ww', '-o', 'pid=,command=', '-p', pids.join(',')] };
}

/** One process's state and start time; exit 1 and no line once it is gone. */
export function processStartPlan(pid: number): CommandPlan {
  return { file: 'ps', args: ['-o', 'state=,lstart=', '-p', String(pid)] };
}

/** Resolves nested groups and the primary group (mbr_check_membership), as sudo and authd do. */
export function checkMembershipPlan(user: string, group = ADMIN_GROUP): CommandPlan {
  checkAccountName(user);
  return { file: 'dsmemberutil', args: ['checkmembership', '-U', user, '-G', group] };
}

/** ODRecordAddMember: updates GroupMembership and GroupMembers together (dscl -append would not). */
export function addMemberPlan(user: string, group = ADMIN_GROUP): CommandPlan {
  checkAccountName(user);
  return { file: 'dseditgroup', args: ['-o', 'edit', '-a', user, '-t', 'user', group] };
}

export function removeMemberPlan(user: string, group = ADMIN_GROUP): CommandPlan {
  checkAccountName(user);
  return { file: 'dseditgroup', args: ['-o', 'edit', '-d', user, '-t', 'user', group] };
}

/**
 * After a membership change: the membership cache (mbr_reset_cache) that sudo and the
 * authorization prompts consult, then the directory cache, so the change is seen at once.
 */
export function flushCachePlans(): CommandPlan[] {
  return [
    { file: 'dsmemberutil', args: ['flushcache'] },
    { file: 'dscacheutil', args: ['-flushcache'] },
  ];
}

export interface DarwinPaths {
  sudoersDir: string;
  /** What sudoersLevel/inventory call ROOT for ROOT/etc/sudoers: /etc is /private/etc. */
  etcParent: string;
  timestampDir: string;
}

export function darwinPaths(root: string): DarwinPaths {
  return {
    sudoersDir: join(root, 'private/etc/sudoers.d'),
    etcParent: join(root, 'private'),
    timestampDir: join(root, 'var/db/sudo/ts'),
  };
}

/** sudo's cached credentials for the user (pathnames.h _PATH_SUDO_TIMEDIR); `sudo -K` has no user argument. */
export function timestampPath(root: string, user: string): string {
  checkAccountName(user);
  return join(darwinPaths(root).timestampDir, user);
}

export function dropInPath(root: string, user: string): string {
  return join(darwinPaths(root).sudoersDir, dropInFileName(user));
}

/**
 * The user's drop-in. Apple's /etc/sudoers has `Defaults !log_allowed` (sudo-113), so the
 * user's own `log_allowed` is needed for sudo to log their commands to our JSON file.
 * "admin" also carries the rule itself, so sudo works even before the group change is seen.
 */
export function dropInContent(user: string, level: GrantLevel, logFile?: string): string {
  checkAccountName(user);
  const rule =
    level === 'passwordless' ? `${user} ALL=(ALL:ALL) NOPASSWD: ALL` : `${user} ALL=(ALL:ALL) ALL`;
  const log = logFile ? `Defaults:${user} log_allowed\n${sudoLogRule(user, logFile)}\n` : '';
  return `# Elevate: temporary ${level} rights for ${user}; removed when the grant ends. Do not edit.\n${log}${rule}\n`;
}

/** The preference domain an MDM configures: the daemon's label (packaging/macos). */
export const MANAGED_DOMAIN = 'com.elevate.agent';

/** Where macOS puts a configuration profile's forced settings for the domain (root-owned). */
export function managedPreferencesPath(root: string): string {
  return join(root, 'Library/Managed Preferences', `${MANAGED_DOMAIN}.plist`);
}

/**
 * Any plist (the file is usually binary) as XML on stdout. xml1 rather than json: plutil's
 * json refuses <date> and <data> values ("invalid object in plist for destination format").
 */
export function plistToXmlPlan(path: string): CommandPlan {
  return { file: 'plutil', args: ['-convert', 'xml1', '-o', '-', path] };
}
