/**
 * Undoes admin rights added during a grant (policy cleanupOnEnd "remove"), each step on its
 * own so that one refusal does not keep the others in place:
 * - a new admin group member leaves the group (gpasswd -d);
 * - a new sudoers.d file moves to STATE/quarantine/ with a note saying where it came from;
 * - a changed sudoers file goes back to its content at grant start (checked with visudo
 *   before it replaces the file); the changed version is kept in quarantine too;
 * - a new uid-0 account is locked and expired (usermod -L -e 1), not deleted: deleting an
 *   account and its files is an admin's decision;
 * - an account whose primary gid became an admin gid gets its old one back (usermod -g), or
 *   is locked when it is new;
 * - a group line carrying an admin gid under a name the group file did not have at grant start
 *   is deleted (edited out under the file's lock: groupdel would act on the first line of a
 *   name, and a user's primary gid keeps it from working at all); an existing group that now
 *   carries an admin gid is only reported, as deleting it would take more than was added;
 * - a second line of an admin group's name is folded back into the first (gpasswd refuses a
 *   group written twice, so every later grant would fail).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { removeSudoersFile, writeSudoersFile } from '../backends/linux/sudoers-file.js';
import { readGroups } from '../backends/linux/etc-group.js';
import {
  mergeGroupLines,
  removeGroupLines,
  removeMemberFromGid,
} from '../backends/linux/group-file-edit.js';
import { runCommand, toolMessage } from '../backends/run-command.js';
import type { Inventory } from './admin-inventory.js';
import type { Drift } from './inventory-diff.js';

export interface Outcome {
  undone: boolean;
  /** Why it could not be undone (one sentence), when it was not. */
  error?: string;
}

export interface DriftReport {
  groupMembers: ({ group: string; user: string } & Partial<Outcome>)[];
  uid0Accounts: ({ name: string } & Partial<Outcome>)[];
  sudoersFiles: ({
    path: string;
    change: 'added' | 'modified';
    quarantinedTo?: string;
  } & Partial<Outcome>)[];
  groupLines: ({ group: string; gid: number; in?: string } & Partial<Outcome>)[];
  primaryGroups: ({ user: string; gid: number; was: number | null } & Partial<Outcome>)[];
  /** macOS: LaunchDaemon plists added or changed (backends/darwin/launch-daemons.ts). */
  launchDaemons?: ({
    path: string;
    change: 'added' | 'modified';
    label: string;
    quarantinedTo?: string;
  } & Partial<Outcome>)[];
  /** macOS: Open Directory configuration changed (reported only: directory-config.ts). */
  directoryConfig?: ({ path: string; change: 'added' | 'modified' } & Partial<Outcome>)[];
  /** What `sudo -l -U` lists for an account that it did not at grant start (sudo-rights.ts). */
  sudoRights?: ({ user: string; runs: string[] } & Partial<Outcome>)[];
}

export interface QuarantineNote {
  user: string;
  grantId: string;
  at: string;
}

/** A report with nothing undone yet, which each OS's undo fills in. */
export function emptyReport(): DriftReport {
  return {
    groupMembers: [],
    uid0Accounts: [],
    sudoersFiles: [],
    groupLines: [],
    primaryGroups: [],
  };
}

export function reportOnly(drift: Drift): DriftReport {
  return {
    groupMembers: drift.groupMembers.map((m) => ({ ...m })),
    uid0Accounts: drift.uid0Accounts.map((name) => ({ name })),
    sudoersFiles: drift.sudoersFiles.map((f) => ({ ...f })),
    groupLines: drift.groupLines.map((g) => ({ ...g })),
    primaryGroups: drift.primaryGroups.map((p) => ({ ...p })),
    ...(drift.directoryConfig.length > 0 && {
      directoryConfig: drift.directoryConfig.map((d) => ({ ...d })),
    }),
    ...(drift.launchDaemons.length > 0 && {
      launchDaemons: drift.launchDaemons.map((d) => ({ ...d })),
    }),
  };
}

export async function undoDrift(
  root: string,
  drift: Drift,
  before: Inventory,
  quarantineDir: string,
  note: QuarantineNote,
): Promise<DriftReport> {
  const report = emptyReport();
  for (const m of drift.groupMembers) report.groupMembers.push({ ...m, ...(await leave(root, m)) });
  for (const g of drift.groupLines) {
    report.groupLines.push({ ...g, ...(await deleteGroupLine(root, g, before.groupNames)) });
  }
  for (const p of drift.primaryGroups) {
    const args = p.was === null ? ['-L', '-e', '1', p.user] : ['-g', String(p.was), p.user];
    const r = await runCommand('usermod', prefixed(root, '-P', args));
    report.primaryGroups.push({
      ...p,
      ...(r.code === 0
        ? { undone: true }
        : {
            undone: false,
            error: `usermod could not change ${p.user}: ${toolMessage('usermod', r)}.`,
          }),
    });
  }
  for (const name of drift.uid0Accounts) {
    report.uid0Accounts.push({ name, ...(await lockAccount(root, name)) });
  }
  report.sudoersFiles = await undoSudoersDrift(root, drift, before, quarantineDir, note);
  return report;
}

/**
 * New sudoers files move to quarantine; changed ones go back to their content at grant start
 * (checked with visudo first), the changed version kept in quarantine. Paths are relative to
 * `root` (the Linux prefix, or macOS's ROOT/private).
 */
export async function undoSudoersDrift(
  root: string,
  drift: Pick<Drift, 'sudoersFiles'>,
  before: Inventory,
  quarantineDir: string,
  note: QuarantineNote,
): Promise<DriftReport['sudoersFiles']> {
  const out: DriftReport['sudoersFiles'] = [];
  for (const f of drift.sudoersFiles) {
    const path = join(root, f.path);
    try {
      const content = await readFile(path, 'utf8');
      const quarantinedTo = await quarantine(quarantineDir, path, content, f.change, note);
      const original = before.sudoers[f.path];
      if (f.change === 'added' || original === undefined) {
        await removeSudoersFile(dirname(path), basename(path));
      } else {
        await writeSudoersFile(dirname(path), basename(path), original);
      }
      out.push({ ...f, quarantinedTo, undone: true });
    } catch (err) {
      out.push({
        ...f,
        undone: false,
        error: `${path} could not be put back: ${(err as Error).message}`,
      });
    }
  }
  return out;
}

/** Locks and expires an account (usermod -L -e 1): it can no longer log in or be switched to. */
export async function lockAccount(root: string, name: string): Promise<Outcome> {
  const r = await runCommand('usermod', prefixed(root, '-P', ['-L', '-e', '1', name]));
  return r.code === 0
    ? { undone: true }
    : { undone: false, error: `usermod could not lock ${name}: ${toolMessage('usermod', r)}.` };
}

export function undoneCount(r: DriftReport): number {
  return [
    ...r.groupMembers,
    ...r.uid0Accounts,
    ...r.sudoersFiles,
    ...r.groupLines,
    ...r.primaryGroups,
    ...(r.sudoRights ?? []),
    ...(r.launchDaemons ?? []),
    ...(r.directoryConfig ?? []),
  ].filter((x) => x.undone).length;
}

/**
 * gpasswd first. It acts on the first line with the name only (and refuses outright when the
 * name is written twice), so any line with that name still listing the user is then edited
 * directly, with every other line carrying the same gid.
 */
async function leave(root: string, m: { group: string; user: string }): Promise<Outcome> {
  const r = await runCommand('gpasswd', prefixed(root, '-Q', ['-d', m.user, m.group]));
  const refused =
    r.code === 0 || /is not a member/.test(r.stderr)
      ? ''
      : ` (gpasswd: ${toolMessage('gpasswd', r)})`;
  try {
    const lines = (await readGroups(root)).filter((g) => g.name === m.group);
    const left = lines.find((g) => g.members.includes(m.user));
    if (left) await removeMemberFromGid(root, m.user, left.gid);
    else if (refused && lines.length === 0) throw new Error(`group ${m.group} is gone`);
    return { undone: true };
  } catch (err) {
    return {
      undone: false,
      error: `${m.user} could not be removed from ${m.group}${refused}: ${(err as Error).message}`,
    };
  }
}

async function deleteGroupLine(
  root: string,
  g: { group: string; gid: number; duplicate?: true },
  namesBefore: string[] | undefined,
): Promise<Outcome> {
  if (g.duplicate) {
    try {
      await mergeGroupLines(root, g.group);
      return { undone: true };
    } catch (err) {
      return {
        undone: false,
        error: `The group ${g.group} is written twice and could not be made one line again: ${(err as Error).message}`,
      };
    }
  }
  if (!namesBefore || namesBefore.includes(g.group)) {
    return {
      undone: false,
      error: `Group ${g.group} now carries admin rights (gid ${g.gid}); give it back its own gid, or remove it with groupdel if nobody needs it.`,
    };
  }
  try {
    await removeGroupLines(root, g.group, g.gid);
    return { undone: true };
  } catch (err) {
    return {
      undone: false,
      error: `The group line ${g.group} (gid ${g.gid}) could not be deleted: ${(err as Error).message}`,
    };
  }
}

function prefixed(root: string, flag: string, args: string[]): string[] {
  return root === '/' ? args : [flag, root, ...args];
}

/** Keeps `content` in the quarantine dir with a note saying where it came from. */
export async function quarantine(
  dir: string,
  path: string,
  content: string | Buffer,
  change: 'added' | 'modified',
  note: QuarantineNote,
): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stamp = note.at.replace(/[:.]/g, '-');
  const target = join(dir, `${stamp}-${basename(path)}-${randomBytes(3).toString('hex')}`);
  await writeFile(target, content, { mode: 0o600, flag: 'wx' });
  const what =
    change === 'added'
      ? `was added to ${path} during ${note.user}'s elevation and was removed from there`
      : `is the changed version of ${path} found after ${note.user}'s elevation; the file was put back as it was when the elevation started`;
  await writeFile(
    `${target}.note`,
    `This file ${what} by the Elevate agent at ${note.at} (grant ${note.grantId}).\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return target;
}
