/**
 * The ground-truth half of the end check: after the file-level drift was reported (and, under
 * "remove", undone), asks sudo what each account may run now and compares it with the start.
 * An account that still lists something new kept a right through a route the file-level
 * check does not undo. A new account is locked under "remove" (as a new uid-0 account is);
 * an existing one is reported for an admin, who knows whether the right was meant.
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
  /** What sudo listed for `user` before their grant (null: not known, the start is used). */
  personBefore: string[] | null;
  after: Inventory;
  drift: Drift;
  remove: boolean;
  /** Accounts elevated now: their rights are their grants'. */
  elevated: ReadonlySet<string>;
}

export async function checkSudoRights(c: SudoRightsCheck): Promise<DriftReport['sudoRights']> {
  if (!c.admin.sudoRights || !c.before.sudoRights) return [];
  const now = await c.admin.sudoRights(c.after, [c.user]);
  if (!now) return [];
  const before: SudoRights = { ...c.before.sudoRights };
  if (c.personBefore) before[c.user] = c.personBefore;
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
