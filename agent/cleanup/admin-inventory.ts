/**
 * Who holds admin on a Linux machine, as files say it: members of the admin groups, uid-0
 * accounts in passwd, and the sudoers files sudo reads. Taken at grant start and again at the
 * end; the difference is what the person may have left behind to keep their rights.
 * Groups are watched by numeric gid over every line (a second line with the admin gid under
 * another name, or a duplicate line, gives the same rights), ids are read as the C library
 * reads them ("00" is root), and the groups policy rules name are watched too (joining a
 * group a rule makes self-serve is a way back to admin), as are the groups sudoers rules and
 * User_Alias lines name (`%ops`, `%#1234`): joining one is a way back to root.
 * Sudoers files are followed as sudo follows them (@include, @includedir, #include…), so a
 * file the main sudoers includes from outside sudoers.d is watched. What the files do not
 * say (directory services: LDAP, sssd) is for the sudo-rights check (sudo-rights.ts).
 */
import { readFile, readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, posix, relative } from 'node:path';
import * as z from 'zod';
import { parseId, readGroups } from '../backends/linux/etc-group.js';
import { sudoReadsName } from '../backends/linux/sudoers-rules.js';
import { sudoersGroupRefs, sudoersIncludes } from '../backends/linux/sudoers-refs.js';

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
  /**
   * Groups not watched at this reading, name → gid and members: a group a sudoers rule starts
   * naming later is compared with this, so its existing members are not taken as additions.
   */
  unwatched: z
    .record(z.string(), z.object({ gid: z.number(), members: z.array(z.string()) }))
    .optional(),
  /** macOS: ROOT/Library/LaunchDaemons plists, relative path → bytes as latin1 (binary ones too). */
  launchDaemons: z.record(z.string(), z.string()).optional(),
  /** macOS: files under ROOT/Library/Preferences/OpenDirectory, relative path → bytes as latin1. */
  directoryConfig: z.record(z.string(), z.string()).optional(),
  /**
   * The accounts that could use a sudo right at this reading (sudo-rights-check.ts asks sudo
   * about the ones added since); absent where sudo cannot be asked.
   */
  sudoAccounts: z.array(z.string()).optional(),
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
  const refs = sudoersGroupRefs(Object.values(sudoers));
  const watched = new Set([...alsoGids, ...refs.gids]);
  const names = new Set([...groupNames, ...refs.names]);
  for (const g of groups) if (names.has(g.name)) watched.add(g.gid);
  const adminGroups: Inventory['adminGroups'] = {};
  const groupGids: Inventory['groupGids'] = {};
  const groupLineCounts: Record<string, number> = {};
  const unwatched: NonNullable<Inventory['unwatched']> = {};
  for (const g of groups) {
    if (!watched.has(g.gid)) {
      const had = unwatched[g.name];
      unwatched[g.name] = {
        gid: had?.gid ?? g.gid,
        members: [...new Set([...(had?.members ?? []), ...g.members])],
      };
      continue;
    }
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
    unwatched,
    nestedIn: {},
  };
}

export const SUDOERS_FILE = 'etc/sudoers';
export const SUDOERS_DIR = 'etc/sudoers.d';

const MAX_INCLUDE_DEPTH = 128; // sudo's own limit

/**
 * ROOT/etc/sudoers, every file in ROOT/etc/sudoers.d that sudo reads, and every file they
 * include, by path relative to `root`. Include paths are absolute as sudo sees them, so they
 * are taken under `includeRoot` (macOS reads ROOT/private/etc but its sudoers names
 * /private/etc/sudoers.d).
 */
export async function readSudoers(
  root: string,
  includeRoot = root,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const host = hostname();
  const asSudoSees = (rel: string): string => `/${relative(includeRoot, join(root, rel))}`;
  const readOne = async (abs: string, depth: number): Promise<void> => {
    const key = relative(root, join(includeRoot, abs));
    if (key in out || depth > MAX_INCLUDE_DEPTH) return;
    const text = await readFile(join(includeRoot, abs), 'utf8').catch(() => null);
    if (text === null) return;
    out[key] = text;
    for (const inc of sudoersIncludes(text, abs, host)) {
      if (!inc.dir) await readOne(inc.path, depth + 1);
      else
        for (const p of await dirEntries(join(includeRoot, inc.path), inc.path))
          await readOne(p, depth + 1);
    }
  };
  await readOne(asSudoSees(SUDOERS_FILE), 0);
  // Read even when the main file does not include it (it is where drop-ins are written).
  const dir = asSudoSees(SUDOERS_DIR);
  for (const p of await dirEntries(join(root, SUDOERS_DIR), dir)) await readOne(p, 1);
  return out;
}

/** Files of an included directory that sudo reads, as absolute paths under `shown`. */
async function dirEntries(real: string, shown: string): Promise<string[]> {
  const names = await readdir(real).catch(() => [] as string[]);
  return names
    .filter(sudoReadsName)
    .sort()
    .map((n) => posix.join(shown, n));
}
