/**
 * The macOS backend. "admin" is membership of the local `admin` group (what System Settings,
 * installers and sudo's `%admin` rule check), changed with dseditgroup, with the membership
 * and directory caches flushed and the result checked; a sudoers drop-in of our own in
 * /private/etc/sudoers.d carries the sudo log rule and, for "passwordless", NOPASSWD.
 * A permanent admin (direct member, member through a nested group, or primary group 80) is
 * never removed. Every path is under `root`, and the directory tools are found on PATH, so
 * tests run it against stand-in tools (test/standins/darwin) and a private root.
 */
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { GrantLevel, Level } from '../protocol/schemas.js';
import { sudoLogPath } from '../usage/sudo-log-path.js';
import { OsCommandError, type Backend, type PriorState } from './backend.js';
import { readDarwinDeviceId } from './darwin/device-id.js';
import {
  checkAdmin,
  editAdmin,
  flushCaches,
  hasAdminPrimaryGroup,
  isDirectMember,
  readAdminGroup,
  readUser,
} from './darwin/directory.js';
import {
  ADMIN_GID,
  ADMIN_GROUP,
  darwinPaths,
  dropInContent,
  dropInPath,
  timestampPath,
} from './darwin/plans.js';
import { isValidAccountName, dropInFileName } from './linux/account-name.js';
import { readOptional, removeSudoersFile, writeSudoersFile } from './linux/sudoers-file.js';
import { sudoersLevel } from './linux/sudoers-rules.js';

export interface DarwinBackendOptions {
  /** Prefix for every path: "/" on a Mac, a temp dir in tests. */
  root: string;
  /** Where sudo logs each elevated user's commands (the drop-in's log rule); none when unset. */
  sudoLogDir?: string;
  log?: (msg: string) => void;
}

export class DarwinBackend implements Backend {
  readonly os = 'darwin' as const;
  readonly name = 'darwin';
  private readonly root: string;
  private readonly sudoLogDir: string | undefined;
  private readonly log: (msg: string) => void;

  constructor(options: DarwinBackendOptions) {
    this.root = resolve(options.root);
    this.sudoLogDir = options.sudoLogDir && resolve(options.sudoLogDir);
    this.log = options.log ?? (() => undefined);
  }

  async inspect(user: string): Promise<PriorState> {
    const [account, group, dropIn] = await Promise.all([
      readUser(user),
      readAdminGroup(),
      readOptional(dropInPath(this.root, user)),
    ]);
    const direct = account !== null && isDirectMember(group, account);
    const effective =
      direct ||
      (account !== null && hasAdminPrimaryGroup(account)) ||
      (account !== null && (await checkAdmin(user)) === 'member');
    const groups = [
      ...(effective ? [{ name: ADMIN_GROUP, gid: ADMIN_GID }] : []),
      ...(account && account.gid !== ADMIN_GID ? [{ name: '', gid: account.gid }] : []),
    ];
    const ruleLevel = await sudoersLevel(
      darwinPaths(this.root).etcParent,
      { user, uid: account?.uid ?? null, groups },
      dropInFileName(user),
    );
    const permanentLevel: Level =
      ruleLevel === 'passwordless'
        ? 'passwordless'
        : effective || ruleLevel === 'admin'
          ? 'admin'
          : 'none';
    return { permanentLevel, adminGroupMember: direct, dropIn };
  }

  async apply(user: string, level: GrantLevel, _prior: PriorState): Promise<void> {
    const path = dropInPath(this.root, user);
    const before = await readOptional(path);
    let logFile: string | undefined;
    if (this.sudoLogDir) {
      await mkdir(this.sudoLogDir, { recursive: true, mode: 0o700 });
      logFile = sudoLogPath(this.sudoLogDir, user);
    }
    const wanted = dropInContent(user, level, logFile);
    if (before !== wanted) await writeSudoersFile(dirname(path), basename(path), wanted);
    if ((await checkAdmin(user)) === 'member') return;
    try {
      await editAdmin('add', user);
      await this.flush();
      // As SAP Privileges does: trust the change only once the membership API reports it.
      if ((await checkAdmin(user)) !== 'member')
        throw new OsCommandError(
          `${user} was added to the ${ADMIN_GROUP} group but macOS does not report them as a member yet; try again in a moment.`,
        );
    } catch (err) {
      // Nothing may stay half-granted: the drop-in goes back as it was before this call.
      try {
        await this.putDropIn(path, before);
      } catch (undo) {
        throw new OsCommandError(
          `${(err as Error).message} Undoing the sudoers change failed too: ${(undo as Error).message}`,
        );
      }
      throw err;
    }
  }

  /** Removes what can be removed even when one step fails (less, never more); reports all. */
  async restore(user: string, prior: PriorState): Promise<void> {
    const failures: string[] = [];
    const step = async (fn: () => Promise<void>): Promise<void> => {
      try {
        await fn();
      } catch (err) {
        failures.push((err as Error).message);
      }
    };
    await step(() => this.putDropIn(dropInPath(this.root, user), prior.dropIn));
    if (!prior.adminGroupMember) await step(() => this.leaveAdminGroup(user));
    // Cached credentials would let sudo skip the password for a while after the rights end.
    await step(() =>
      rm(timestampPath(this.root, user), { force: true }).catch((err: unknown) => {
        throw new OsCommandError(
          `sudo's cached credentials for ${user} cannot be removed (${String(err)}).`,
        );
      }),
    );
    if (failures.length > 0) throw new OsCommandError(failures.join(' '));
  }

  deviceId(): Promise<string | null> {
    return readDarwinDeviceId();
  }

  async userExists(user: string): Promise<boolean> {
    if (!isValidAccountName(user)) return false;
    return (await readUser(user)) !== null;
  }

  private async leaveAdminGroup(user: string): Promise<void> {
    const account = await readUser(user);
    if (!account) return;
    if (isDirectMember(await readAdminGroup(), account)) await editAdmin('remove', user);
    // Even when the membership is already gone (an end interrupted after dseditgroup ran),
    // the caches may still hold it: flushing is what makes the removal seen at once.
    await this.flush();
  }

  private async flush(): Promise<void> {
    for (const problem of await flushCaches())
      this.log(
        `a directory cache could not be flushed (${problem}); the change shows once it expires`,
      );
  }

  private async putDropIn(path: string, content: string | null): Promise<void> {
    if (content === null) {
      await removeSudoersFile(dirname(path), basename(path));
      return;
    }
    if ((await readOptional(path)) === content) return;
    await writeSudoersFile(dirname(path), basename(path), content);
  }
}
