/**
 * The ground-truth half of the end check: after the file-level drift was reported (and, under
 * "remove", undone), asks sudo what the person and every account that could not use sudo at
 * the start may run now. A right found there was kept through a route the file-level check
 * does not undo. A new account is locked under "remove" (as a new uid-0 account is); an
 * existing one is reported for an admin, who knows whether the right was meant.
 *
 * Only those accounts are asked: each `sudo -l -U` costs 10-60 ms and the check runs inside
 * the agent's lock, so asking every account at each grant start and end delayed other
 * people's expiries by seconds on a machine with many accounts. An account that could use
 * sudo at the start and whose groups or files changed is the file-level check's to find.
 */
import type { Inventory } from './admin-inventory.js';
import type { DriftReport } from './drift-remover.js';
import type { Drift } from './inventory-diff.js';
import type { AdminRightsWatch } from './os-watch.js';
import { newSudoRights, type SudoRights } from './sudo-rights.js';

export interface SudoRightsCheck {
  admin: AdminRightsWatch;
  user: string;
  before: Inventory;
  /** What sudo listed for `user` before their grant (null: not known, they are not asked). */
  personBefore: string[] | null;
  after: Inventory;
  drift: Drift;
  remove: boolean;
  /** Accounts elevated now: their rights are their grants'. */
  elevated: ReadonlySet<string>;
}

export async function checkSudoRights(c: SudoRightsCheck): Promise<DriftReport['sudoRights']> {
  const { sudoAccounts, sudoRights } = c.admin;
  const atStart = c.before.sudoAccounts;
  if (!sudoAccounts || !sudoRights || !atStart) return [];
  const known = new Set(atStart);
  const added = (await sudoAccounts(c.after)).filter((a) => !known.has(a));
  const person = c.personBefore ? [c.user] : [];
  const now = await sudoRights([...person, ...added]);
  if (!now) return [];
  // An account that could not use sudo at the start had nothing it could use then.
  const before: SudoRights = c.personBefore ? { [c.user]: c.personBefore } : {};
  const found = newSudoRights(before, now, c.elevated);
  if (!c.remove) {
    // Reported already as what gives it (the membership, the primary gid, the account).
    const named = new Set([
      ...c.drift.groupMembers.map((m) => m.user),
      ...c.drift.primaryGroups.map((p) => p.user),
      ...c.drift.uid0Accounts,
    ]);
    return found.filter((f) => !named.has(f.user));
  }
  const out: NonNullable<DriftReport['sudoRights']> = [];
  for (const f of found) {
    if (!(f.user in c.before.primaryGids) && c.admin.lockAccount) {
      out.push({ ...f, ...(await c.admin.lockAccount(f.user)) });
      continue;
    }
    out.push({
      ...f,
      undone: false,
      error: `${f.user} can still run ${f.runs.join('; ')} with sudo, through a route the agent does not undo (a directory service, or a rule it could not put back); check "sudo -l -U ${f.user}".`,
    });
  }
  return out;
}
