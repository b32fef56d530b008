/**
 * Who holds admin on a Linux machine, as files say it: members of the admin groups, uid-0
 * accounts in passwd, and the sudoers files sudo reads. Taken at grant start and again at the
 * end; the difference is what the person may have left behind to keep their rights.
 * Groups are watched by numeric gid over every line (a second line with the admin gid under
 * another name, or a duplicate line, gives the same rights), ids are read as the C library
 * reads them ("00" is root), and the groups policy rules name are watched too (joining a
 * group a rule makes self-serve is a way back to admin).
 * Deliberately file-level: files that @include/#includedir name outside sudoers.d, directory
 * services (LDAP, sssd) and groups granted rights only through sudoers %group rules beyond
 * the admin groups are not covered.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseId, readGroups } from '../backends/linux/etc-group.js';
import { sudoReadsName } from '../backends/linux/sudoers-rules.js';

export const InventorySchema = z.object({
  /** Name of every group line with a watched gid → its members (duplicate lines merged). */
  adminGroups: z.record(z.string(), z.array(z.string())),
  /** Name → gid of those lines. */
  groupGids: z.record(z.string(), z.number()).default({}),
  /**
   * Every group name in the group file. A line carrying a watched gid under a name not in it
   * was added during the grant and is deleted under "remove" (absent: taken by an older agent).
   */
  groupNames: z.array(z.string()).optional(),
  /** Lines of each of those names (a second line of a name is folded back under "remove"). */
  groupLineCounts: z.record(z.string(), z.number()).optional(),
  /** The watched gids: admin groups' and policy-named groups'. */
  watchedGids: z.array(z.number()).default([]),
  /** Account name → primary gid, for every passwd line. */
  primaryGids: z.record(z.string(), z.number()).default({}),
  /** Account names whose uid is 0. */
  uid0Accounts: z.array(z.string()),
  /** Path relative to the root ("etc/sudoers", "etc/sudoers.d/NAME") → content. */
  sudoers: z.record(z.string(), z.string()),
  /** macOS: nested group → the group it is nested in (what undoing the nesting edits). */
  nestedIn: z.record(z.string(), z.string()).default({}),
});
export type Inventory = z.infer<typeof InventorySchema>;

/**
 * Groups that make their members admins on common distributions, the configured one, and the
 * groups policy rules name.
 */
export function adminGroupNames(
  configured: string | undefined,
  ruleGroups: string[] = [],
): string[] {
  const names = ['sudo', 'wheel', 'admin'];
  if (configured && !names.includes(configured)) names.unshift(configured);
  for (const g of ruleGroups) if (!names.includes(g)) names.push(g);
  return names;
}

/** `alsoGids`: gids watched at grant start, still watched if the group was renamed since. */
export async function takeInventory(
  root: string,
  groupNames: string[],
  alsoGids: number[] = [],
): Promise<Inventory> {
  const [groups, passwd, sudoers] = await Promise.all([
    readGroups(root),
    readFile(join(root, 'etc/passwd'), 'utf8'),
    readSudoers(root),
  ]);
  const watched = new Set(alsoGids);
  for (const g of groups) if (groupNames.includes(g.name)) watched.add(g.gid);
  const adminGroups: Inventory['adminGroups'] = {};
  const groupGids: Inventory['groupGids'] = {};
  const groupLineCounts: Record<string, number> = {};
  for (const g of groups) {
    if (!watched.has(g.gid)) continue;
    groupLineCounts[g.name] = (groupLineCounts[g.name] ?? 0) + 1;
    adminGroups[g.name] = [...new Set([...(adminGroups[g.name] ?? []), ...g.members])];
    groupGids[g.name] = g.gid;
  }
  const uid0Accounts: string[] = [];
  const primaryGids: Inventory['primaryGids'] = {};
  for (const f of passwd.split('\n').map((line) => line.split(':'))) {
    if (f.length < 4 || !f[0]) continue;
    if (parseId(f[2]!) === 0 && !uid0Accounts.includes(f[0])) uid0Accounts.push(f[0]);
    const gid = parseId(f[3]!);
    if (gid !== null && !(f[0] in primaryGids)) primaryGids[f[0]] = gid;
  }
  return {
    adminGroups,
    groupGids,
    groupNames: [...new Set(groups.map((g) => g.name))],
    groupLineCounts,
    watchedGids: [...watched].sort((a, b) => a - b),
    primaryGids,
    uid0Accounts,
    sudoers,
    nestedIn: {},
  };
}

export const SUDOERS_FILE = 'etc/sudoers';
export const SUDOERS_DIR = 'etc/sudoers.d';

/** ROOT/etc/sudoers and every file in ROOT/etc/sudoers.d that sudo reads, by relative path. */
export async function readSudoers(root: string): Promise<Record<string, string>> {
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
