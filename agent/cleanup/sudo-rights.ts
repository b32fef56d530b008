/**
 * What sudo itself says each account may run (`sudo -l -U NAME`, as root), the ground truth
 * behind the file-level inventory: it follows every route sudo follows (groups from NSS,
 * LDAP/sssd included, User_Alias, #uid, @include, sudoers rules from a directory) without this
 * agent having to understand them. Taken as a grant starts (the person's own before their
 * rights are given), and again at the end after the undo: an entry an account did not have
 * then is a right kept past the deadline.
 */
import { runCommand, type CommandResult } from '../backends/run-command.js';

/** Account name → the entries sudo lists for it ("(ALL : ALL) NOPASSWD: ALL"); [] for none. */
export type SudoRights = Record<string, string[]>;

export function sudoListArgs(user: string): string[] {
  return ['-n', '-l', '-U', user];
}

/**
 * The entries of `sudo -l -U NAME` (display_privs() in sudo's plugins/sudoers/parse.c): the
 * indented lines after "User NAME may run the following commands on HOST:"; [] for "is not
 * allowed to run sudo"; null when sudo said neither (unknown user, sudo missing or broken).
 */
export function parseSudoList(r: Pick<CommandResult, 'code' | 'stdout'>): string[] | null {
  if (r.code !== 0) return null;
  const lines = r.stdout.split('\n');
  if (lines.some((l) => /^User \S+ is not allowed to run sudo on /.test(l))) return [];
  const out: string[] = [];
  let listing = false;
  for (const line of lines) {
    if (/^User \S+ may run the following commands on .*:$/.test(line)) listing = true;
    else if (listing && /^\s+\S/.test(line)) out.push(line.trim());
    else if (listing && line.trim() !== '' && !/^\s/.test(line)) listing = false;
  }
  return listing || out.length > 0 ? out : null;
}

const CONCURRENCY = 4;

/** `sudo -l -U` for each name, a few at a time; names sudo does not know are left out. */
export async function readSudoRights(
  names: Iterable<string>,
  run: (args: string[]) => Promise<CommandResult> = (args) => runCommand('sudo', args),
): Promise<SudoRights> {
  const queue = [...new Set(names)].sort();
  const out: SudoRights = {};
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const entries = parseSudoList(await run(sudoListArgs(name)));
      if (entries) out[name] = entries;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export interface NewSudoRight {
  user: string;
  /** Entries sudo lists now that it did not list for the account before. */
  runs: string[];
}

/** Entries in `after` an account did not have `before` (an account unknown before had none). */
export function newSudoRights(
  before: SudoRights,
  after: SudoRights,
  exclude: ReadonlySet<string>,
): NewSudoRight[] {
  const out: NewSudoRight[] = [];
  for (const [user, entries] of Object.entries(after)) {
    if (exclude.has(user)) continue;
    const had = new Set(before[user] ?? []);
    const runs = entries.filter((e) => !had.has(e));
    if (runs.length > 0) out.push({ user, runs });
  }
  return out;
}
