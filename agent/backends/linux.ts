/**
 * The real Linux backend. "admin" is a sudoers drop-in of our own (ROOT/etc/sudoers.d/
 * elevate-USER, for sudo at once, without a new login) plus membership of the admin group
 * (sudo/wheel, for polkit and GUI prompts); "passwordless" is the same with NOPASSWD.
 * Every path is under `root`, so tests run the real tools against a private copy of /etc.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { GrantLevel } from '../protocol/schemas.js';
import { OsCommandError, type Backend, type PriorState } from './backend.js';
import { checkAccountName, dropInFileName } from './linux/account-name.js';
import { readLinuxDeviceId } from './linux/device-id.js';
import { findAdminGroup, readGroups, readPasswdEntry, type GroupEntry } from './linux/etc-group.js';
import { removeMemberFromGid } from './linux/group-file-edit.js';
import { readOptional, removeSudoersFile, writeSudoersFile } from './linux/sudoers-file.js';
import { sudoersLevel } from './linux/sudoers-rules.js';
import { sudoLogPath, sudoLogRule } from '../usage/sudo-log-path.js';
import { runCommand, toolMessage, type CommandResult } from './run-command.js';

export interface LinuxBackendOptions {
  /** Prefix for every path: "/" in production, a temp dir holding a copy of /etc in tests. */
  root: string;
  /** The policy's adminGroup; when unset, "sudo" or else "wheel" from ROOT/etc/group. */
  adminGroup?: string;
  /** Where sudo logs each elevated user's commands (the drop-in's log rule); none when unset. */
  sudoLogDir?: string;
}

/** Where sudo keeps cached credentials (sudo 1.8+ /run, older /var/run and /var/lib). */
const TIMESTAMP_DIRS = ['run/sudo/ts', 'var/run/sudo/ts', 'var/lib/sudo/ts'];

/** gpasswd gives up at once when another tool holds /etc/group's lock; a short retry rides that out. */
const LOCK_RETRIES = 5;
const LOCK_RETRY_DELAY_MS = 50;

export function dropInContent(user: string, level: GrantLevel, logFile?: string): string {
  const rule =
    level === 'passwordless' ? `${user} ALL=(ALL:ALL) NOPASSWD: ALL` : `${user} ALL=(ALL:ALL) ALL`;
  const log = logFile ? `${sudoLogRule(user, logFile)}\n` : '';
  return `# Elevate: temporary ${level} rights for ${user}; removed when the grant ends. Do not edit.\n${log}${rule}\n`;
}

export class LinuxBackend implements Backend {
  readonly os = 'linux' as const;
  readonly name = 'linux';
  private readonly root: string;
  private readonly sudoersDir: string;
  private readonly adminGroup: string | undefined;
  private readonly sudoLogDir: string | undefined;

  constructor(options: LinuxBackendOptions) {
    this.root = resolve(options.root);
    this.sudoersDir = join(this.root, 'etc/sudoers.d');
    this.adminGroup = options.adminGroup;
    this.sudoLogDir = options.sudoLogDir && resolve(options.sudoLogDir);
  }

  async inspect(user: string): Promise<PriorState> {
    const fileName = dropInFileName(user);
    const [groups, account, dropIn] = await Promise.all([
      readGroups(this.root),
      readPasswdEntry(this.root, user),
      readOptional(join(this.sudoersDir, fileName)),
    ]);
    const adminGroup = findAdminGroup(groups, this.adminGroup, this.root);
    const adminGroupMember = adminGroup.members.includes(user);
    const userGroups = groups.filter((g) => g.members.includes(user) || g.gid === account?.gid);
    const ruleLevel = await sudoersLevel(
      this.root,
      { user, uid: account?.uid ?? null, groups: userGroups },
      fileName,
    );
    const permanentLevel =
      ruleLevel === 'passwordless'
        ? 'passwordless'
        : adminGroupMember || ruleLevel === 'admin'
          ? 'admin'
          : 'none';
    return { permanentLevel, adminGroupMember, dropIn, adminGroup: adminGroup.name };
  }

  async apply(user: string, level: GrantLevel, _prior: PriorState): Promise<void> {
    const fileName = dropInFileName(user);
    const group = findAdminGroup(await readGroups(this.root), this.adminGroup, this.root);
    const before = await readOptional(join(this.sudoersDir, fileName));
    let logFile: string | undefined;
    if (this.sudoLogDir) {
      checkAccountName(user);
      await mkdir(this.sudoLogDir, { recursive: true, mode: 0o700 });
      logFile = sudoLogPath(this.sudoLogDir, user);
    }
    const wanted = dropInContent(user, level, logFile);
    if (before !== wanted) await writeSudoersFile(this.sudoersDir, fileName, wanted);
    if (group.members.includes(user)) return;

    const added = await this.gpasswd('-a', user, group.name);
    if (added.code === 0) return;
    // Nothing may stay half-granted: put the drop-in back as it was before this call.
    const refusal = `gpasswd could not add ${user} to group ${group.name}: ${toolMessage('gpasswd', added)}.`;
    if (before !== wanted) {
      try {
        await this.putDropIn(fileName, before);
      } catch (err) {
        throw new OsCommandError(
          `${refusal} Undoing the sudoers change failed too: ${(err as Error).message}`,
        );
      }
    }
    throw new OsCommandError(refusal);
  }

  /**
   * Unlike apply, a failing step does not roll the others back: removing what can be removed
   * leaves the user with less, never more. The drop-in goes first, so sudo ends on time even
   * when the group file fights back. Every failure is reported after all steps ran, also one
   * the agent worked around, so the tampering behind it reaches the audit trail.
   */
  async restore(user: string, prior: PriorState): Promise<void> {
    const fileName = dropInFileName(user);
    const failures: string[] = [];
    try {
      await this.putDropIn(fileName, prior.dropIn);
    } catch (err) {
      failures.push((err as Error).message);
    }
    if (!prior.adminGroupMember) failures.push(...(await this.leaveAdminGroup(user, prior)));
    // Cached credentials would let sudo skip the password for a while after the rights end.
    const cleared = await Promise.allSettled(
      TIMESTAMP_DIRS.map((d) => rm(join(this.root, d, user), { force: true })),
    );
    for (const c of cleared) {
      if (c.status === 'rejected')
        failures.push(
          `sudo's cached credentials for ${user} cannot be removed (${String(c.reason)}).`,
        );
    }
    if (failures.length > 0) throw new OsCommandError(failures.join(' '));
  }

  deviceId(): Promise<string | null> {
    return readLinuxDeviceId(this.root);
  }

  async userExists(user: string): Promise<boolean> {
    // Never hand getent something it would read as an option or a second field.
    if (!/^[^-:\s/][^:\s/]*$/.test(user)) return false;
    if (await readPasswdEntry(this.root, user)) return true;
    if (this.root !== '/') return false;
    return (await runCommand('getent', ['passwd', user], 5_000)).code === 0;
  }

  private async putDropIn(fileName: string, content: string | null): Promise<void> {
    if (content === null) {
      await removeSudoersFile(this.sudoersDir, fileName);
      return;
    }
    if ((await readOptional(join(this.sudoersDir, fileName))) === content) return;
    await writeSudoersFile(this.sudoersDir, fileName, content);
  }

  /**
   * Takes the user out of the group the grant added them to (the one named in `prior`, even if
   * the policy names another one now) and out of every other line carrying its gid: a second
   * line, under the same name or another, gives the same rights. Returns what failed.
   */
  private async leaveAdminGroup(user: string, prior: PriorState): Promise<string[]> {
    // An unreadable group file must fail the restore (the user may still be a member);
    // only a machine without the admin group means there is nothing to leave.
    let groups: GroupEntry[];
    try {
      groups = await readGroups(this.root);
    } catch (err) {
      return [(err as Error).message];
    }
    let gid: number;
    try {
      gid = findAdminGroup(groups, prior.adminGroup ?? this.adminGroup, this.root).gid;
    } catch {
      return [];
    }
    const holding = (list: GroupEntry[]): GroupEntry[] =>
      list.filter((g) => g.gid === gid && g.members.includes(user));
    const failures: string[] = [];
    for (const name of new Set(holding(groups).map((g) => g.name))) {
      const removed = await this.gpasswd('-d', user, name);
      if (removed.code === 0 || /is not a member/.test(removed.stderr)) continue;
      failures.push(
        `gpasswd could not remove ${user} from group ${name}: ${toolMessage('gpasswd', removed)}.`,
      );
    }
    try {
      if (holding(await readGroups(this.root)).length === 0) return failures;
      await removeMemberFromGid(this.root, user, gid);
      failures.push(
        `The agent removed ${user} itself from every line of the group file with gid ${gid}.`,
      );
    } catch (err) {
      failures.push(
        `${user} could not be removed from the lines with gid ${gid}: ${(err as Error).message}`,
      );
    }
    return failures;
  }

  private async gpasswd(op: '-a' | '-d', user: string, group: string): Promise<CommandResult> {
    checkAccountName(user);
    const args = this.root === '/' ? [op, user, group] : ['-Q', this.root, op, user, group];
    for (let attempt = 0; ; attempt++) {
      const result = await runCommand('gpasswd', args);
      if (result.code === 0 || attempt >= LOCK_RETRIES || !/cannot lock/i.test(result.stderr))
        return result;
      await new Promise((r) => setTimeout(r, LOCK_RETRY_DELAY_MS));
    }
  }
}
