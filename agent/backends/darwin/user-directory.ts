/**
 * Accounts on a Mac come from the directory service, not /etc/passwd (which lists only a few
 * system accounts there), so the agent's user lookups go through dscl on macOS.
 */
import { runCommand } from '../run-command.js';
import type { Account, UserDirectory } from '../../users/user-directory.js';
import { isValidAccountName } from '../linux/account-name.js';
import { listUids, readUser } from './directory.js';

export class DarwinUserDirectory implements UserDirectory {
  async lookup(name: string): Promise<Account | null> {
    if (!isValidAccountName(name)) return null;
    const u = await readUser(name).catch(() => null);
    return u && { name: u.name, uid: u.uid, gid: u.gid, home: u.home };
  }

  async lookupUid(uid: number): Promise<Account | null> {
    const entry = (await listUids().catch(() => [])).find((e) => e.uid === uid);
    return entry ? this.lookup(entry.name) : null;
  }

  /** BSD `id -Gn` resolves memberships through the same API as sudo (nested groups included). */
  async groupsOf(account: Account): Promise<string[]> {
    const r = await runCommand('id', ['-Gn', account.name], 5_000);
    return r.code === 0 ? r.stdout.trim().split(/\s+/).filter(Boolean) : [];
  }
}
