/** The Linux end-of-session check: files under the backend's root prefix, sudo, and /proc. */
import { readFile } from 'node:fs/promises';
import { dropInFileName } from '../backends/linux/account-name.js';
import { sudoersGroupRefs } from '../backends/linux/sudoers-refs.js';
import { runCommand } from '../backends/run-command.js';
import { SUDOERS_DIR, adminGroupNames, takeInventory, type Inventory } from './admin-inventory.js';
import { lockAccount, undoDrift } from './drift-remover.js';
import type { SessionWatches } from './os-watch.js';
import { findSudoRootProcesses, finishEnding, terminate } from './root-processes.js';
import { readSudoRights } from './sudo-rights.js';

export function linuxWatches(
  root: string,
  adminGroup: () => string | undefined,
  ruleGroups: () => string[],
): SessionWatches {
  return {
    admin: {
      take: (alsoGids) =>
        takeInventory(root, adminGroupNames(adminGroup(), ruleGroups()), alsoGids),
      undo: (drift, before, dir, note) => undoDrift(root, drift, before, dir, note),
      dropInKey: (user) => `${SUDOERS_DIR}/${dropInFileName(user)}`,
      // sudo reads the machine's own /etc: it cannot be asked about a root prefix.
      ...(root === '/' && {
        sudoAccounts: (inv: Inventory) => accountsToAsk(inv),
        sudoRights: (names: string[]) => readSudoRights(names),
      }),
      lockAccount: (name) => lockAccount(root, name),
    },
    processes: {
      find: (uid) => findSudoRootProcesses(uid),
      terminate: (list) => terminate(list),
      finishEnding: (list, signalled, graceMs) => finishEnding(list, signalled, graceMs),
    },
  };
}

/**
 * Every account in passwd that can log in (loginAccounts), every member of a watched group, and every member NSS gives for
 * the groups sudoers names: `getent group` asks the directory (LDAP, sssd) too, so a directory
 * account in a sudoers group is asked about even though no local file lists it. Directory
 * accounts in no such group stay unseen (sssd does not enumerate by default).
 */
async function accountsToAsk(inv: Inventory): Promise<string[]> {
  const passwd = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const names = new Set([...loginAccounts(passwd), ...Object.values(inv.adminGroups).flat()]);
  const groups = [
    ...new Set([
      ...Object.keys(inv.adminGroups),
      ...sudoersGroupRefs(Object.values(inv.sudoers)).names,
    ]),
  ];
  if (groups.length > 0) {
    const r = await runCommand('getent', ['group', ...groups]);
    for (const m of nssGroupMembers(r.stdout)) names.add(m);
  }
  return [...names];
}

/**
 * Accounts in passwd that can log in: a right held by an account whose shell is nologin or
 * false cannot be used without root, and skipping them keeps the check short (each sudo -l
 * costs 10-60 ms, inside the agent's lock). An account given a shell during the grant is
 * asked about at the end, and a right it had then counts as new.
 */
export function loginAccounts(passwd: string): string[] {
  return passwd
    .split('\n')
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 7 && f[0] && !/\/(nologin|false)$/.test(f[6]!.trim()))
    .map((f) => f[0]!);
}

/** Members of `getent group` lines (NAME:PASSWORD:GID:MEMBERS, glibc's group(5) format). */
export function nssGroupMembers(stdout: string): string[] {
  return stdout
    .split('\n')
    .flatMap((l) => (l.split(':')[3] ?? '').split(','))
    .map((m) => m.trim())
    .filter(Boolean);
}
