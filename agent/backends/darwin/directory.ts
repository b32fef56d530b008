/**
 * The runner: executes the plans against the local directory node and reads the results with
 * the parsers. Everything that touches macOS's directory service goes through here.
 */
import { OsCommandError } from '../backend.js';
import { runCommand, type CommandResult } from '../run-command.js';
import {
  isRecordNotFound,
  parseCheckMembership,
  parseDsclRead,
  parseEdit,
  parseUidList,
  describe,
  type Membership,
  type UidEntry,
} from './parsers.js';
import {
  ADMIN_GID,
  ADMIN_GROUP,
  addMemberPlan,
  checkMembershipPlan,
  flushCachePlans,
  listUidsPlan,
  readGroupPlan,
  readUserPlan,
  removeMemberPlan,
  type CommandPlan,
} from './plans.js';

export interface DarwinUser {
  name: string;
  uid: number;
  gid: number;
  guid: string | null;
  home: string;
}

export interface GroupRecord {
  /** Short names (GroupMembership): what dseditgroup -d removes. */
  membership: string[];
  /** GeneratedUIDs of member users and of nested groups. */
  members: string[];
  nested: string[];
}

export function run(plan: CommandPlan): Promise<CommandResult> {
  return runCommand(plan.file, plan.args);
}

export async function readUser(name: string): Promise<DarwinUser | null> {
  const read = parseOrRefuse(await run(readUserPlan(name)), `${name}'s account`);
  if (!read.found) return null;
  const a = read.attributes;
  const uid = Number(a.UniqueID?.[0]);
  const gid = Number(a.PrimaryGroupID?.[0]);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) return null;
  return {
    name,
    uid,
    gid,
    guid: a.GeneratedUID?.[0] ?? null,
    home: a.NFSHomeDirectory?.[0] ?? '/',
  };
}

export async function readAdminGroup(): Promise<GroupRecord> {
  const group = await readGroup(ADMIN_GROUP);
  if (!group)
    throw new OsCommandError(
      `This Mac has no '${ADMIN_GROUP}' group in its local directory; check it with "dscl . -read /Groups/admin".`,
    );
  return group;
}

/** A group of the local node; null when there is none by that name. */
export async function readGroup(name: string): Promise<GroupRecord | null> {
  const read = parseOrRefuse(await run(readGroupPlan(name)), `the ${name} group`);
  if (!read.found) return null;
  const a = read.attributes;
  return {
    membership: a.GroupMembership ?? [],
    members: a.GroupMembers ?? [],
    nested: a.NestedGroups ?? [],
  };
}

/** Direct membership, by short name or by GeneratedUID (what ODRecordAddMember writes). */
export function isDirectMember(group: GroupRecord, user: DarwinUser): boolean {
  return (
    group.membership.includes(user.name) ||
    (user.guid !== null && group.members.includes(user.guid))
  );
}

export function hasAdminPrimaryGroup(user: DarwinUser): boolean {
  return user.gid === ADMIN_GID;
}

export async function checkAdmin(user: string): Promise<Membership> {
  const result = await run(checkMembershipPlan(user));
  try {
    return parseCheckMembership(result);
  } catch (err) {
    throw new OsCommandError(
      `Elevate cannot tell whether ${user} is an administrator (${(err as Error).message}).`,
    );
  }
}

export async function editAdmin(op: 'add' | 'remove', user: string): Promise<void> {
  const plan = op === 'add' ? addMemberPlan(user) : removeMemberPlan(user);
  const outcome = parseEdit(await run(plan));
  if (outcome === 'done') return;
  const verb = op === 'add' ? 'add' : 'remove';
  const why = outcome === 'no-such-record' ? 'the account was not found' : outcome.error;
  throw new OsCommandError(
    `dseditgroup could not ${verb} ${user} ${op === 'add' ? 'to' : 'from'} the ${ADMIN_GROUP} group (${why}).`,
  );
}

/** A failed flush is logged by the caller's result, never fatal: the change itself is done. */
export async function flushCaches(): Promise<string[]> {
  const problems: string[] = [];
  for (const plan of flushCachePlans()) {
    const r = await run(plan);
    if (r.code !== 0) problems.push(describe(plan.file, r));
  }
  return problems;
}

export async function listUids(): Promise<UidEntry[]> {
  const r = await run(listUidsPlan());
  if (r.code !== 0)
    throw new OsCommandError(`The local accounts cannot be listed (${describe('dscl', r)}).`);
  return parseUidList(r.stdout);
}

function parseOrRefuse(result: CommandResult, what: string): ReturnType<typeof parseDsclRead> {
  if (isRecordNotFound(result)) return { found: false };
  try {
    return parseDsclRead(result);
  } catch (err) {
    throw new OsCommandError(`${what} cannot be read (${(err as Error).message}).`);
  }
}
