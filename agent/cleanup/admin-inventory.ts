/**
 * Who holds admin on a Linux machine, as files say it: members of the admin groups, uid-0
 * accounts in passwd, and the sudoers files sudo reads. Taken at grant start and again at the
 * end; the difference is what the person may have left behind to keep their rights.
 * Deliberately file-level: files that @include/#includedir name outside sudoers.d, directory
 * services (LDAP, sssd) and groups granted rights only through sudoers %group rules beyond
 * the admin groups are not covered.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readGroups } from '../backends/linux/etc-group.js';
import { sudoReadsName } from '../backends/linux/sudoers-rules.js';

export const InventorySchema = z.object({
  /** Admin group name → its members. */
  adminGroups: z.record(z.string(), z.array(z.string())),
  /** Account names whose uid is 0. */
  uid0Accounts: z.array(z.string()),
  /** Path relative to the root ("etc/sudoers", "etc/sudoers.d/NAME") → content. */
  sudoers: z.record(z.string(), z.string()),
});
export type Inventory = z.infer<typeof InventorySchema>;

/** Groups that make their members admins on common distributions, plus the configured one. */
export function adminGroupNames(configured: string | undefined): string[] {
  const names = ['sudo', 'wheel', 'admin'];
  if (configured && !names.includes(configured)) names.unshift(configured);
  return names;
}

export async function takeInventory(root: string, groupNames: string[]): Promise<Inventory> {
  const [groups, passwd, sudoers] = await Promise.all([
    readGroups(root),
    readFile(join(root, 'etc/passwd'), 'utf8'),
    readSudoers(root),
  ]);
  const adminGroups: Inventory['adminGroups'] = {};
  for (const g of groups) if (groupNames.includes(g.name)) adminGroups[g.name] = [...g.members];
  const uid0Accounts = passwd
    .split('\n')
    .map((line) => line.split(':'))
    .filter((f) => f.length >= 4 && f[2] === '0' && f[0])
    .map((f) => f[0]!);
  return { adminGroups, uid0Accounts, sudoers };
}

export const SUDOERS_FILE = 'etc/sudoers';
export const SUDOERS_DIR = 'etc/sudoers.d';

async function readSudoers(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const main = await readFile(join(root, SUDOERS_FILE), 'utf8').catch(() => null);
  if (main !== null) out[SUDOERS_FILE] = main;
  const names = await readdir(join(root, SUDOERS_DIR)).catch(() => [] as string[]);
  for (const name of names.filter(sudoReadsName).sort()) {
    const rel = `${SUDOERS_DIR}/${name}`;
    const text = await readFile(join(root, rel), 'utf8').catch(() => null);
    if (text !== null) out[rel] = text;
  }
  return out;
}
