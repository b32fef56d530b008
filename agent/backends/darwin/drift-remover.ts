/**
 * cleanupOnEnd "remove" on a Mac: undoes, each on its own, what a grant added to who holds
 * admin (drift found by takeDarwinInventory), then flushes the directory caches so the
 * removal is seen at once:
 * - a group newly nested in admin (or in a nested group) is taken out (dseditgroup -d -t
 *   group), which also ends its members' rights (the group itself is left as it is);
 * - a new member of admin or of a group nested in it before leaves that group (dseditgroup -d);
 * - an account whose PrimaryGroupID became an admin gid gets its old one back (dscl -create);
 * - sudoers files as on Linux (quarantine, or the content at grant start);
 * - LaunchDaemon plists: booted out and quarantined, or put back (launch-daemons.ts);
 * - Open Directory configuration changes are reported only (directory-config.ts);
 * - a new uid-0 account, or a new account with an admin primary group, is reported with the
 *   command that disables it: deleting or disabling an account is an admin's decision.
 */
import { join } from 'node:path';
import type { Inventory } from '../../cleanup/admin-inventory.js';
import {
  emptyReport,
  undoSudoersDrift,
  type DriftReport,
  type Outcome,
  type QuarantineNote,
} from '../../cleanup/drift-remover.js';
import type { Drift } from '../../cleanup/inventory-diff.js';
import { flushCaches, run } from './directory.js';
import { reportDirectoryConfig } from './directory-config.js';
import { undoLaunchDaemons } from './launch-daemons.js';
import { describe, parseEdit } from './parsers.js';
import {
  ADMIN_GROUP,
  removeMemberPlan,
  removeNestedGroupPlan,
  setUserAttributePlan,
  type CommandPlan,
} from './plans.js';

export async function undoDarwinDrift(
  root: string,
  drift: Drift,
  before: Inventory,
  quarantineDir: string,
  note: QuarantineNote,
): Promise<DriftReport> {
  const report: DriftReport = {
    ...emptyReport(),
    // Deleting or disabling an account is an admin's decision: say how instead.
    uid0Accounts: drift.uid0Accounts.map((name) => ({
      name,
      undone: false,
      error: `${name} has uid 0; disable it with "pwpolicy -u ${name} -disableuser" or delete it with "sysadminctl -deleteUser ${name}" if nobody needs it.`,
    })),
  };
  const unnested = new Map<string, Outcome>();
  for (const g of drift.groupLines) {
    const parent = g.in ?? ADMIN_GROUP;
    const outcome = await edit(
      removeNestedGroupPlan(g.group, parent),
      `take group ${g.group} out of ${parent}`,
    );
    unnested.set(g.group, outcome);
    report.groupLines.push({ ...g, ...outcome });
  }
  for (const m of drift.groupMembers) {
    // A newly nested group may be an existing team's: taking it out of admin undoes its
    // members' rights; emptying the group itself would break what it is for.
    const outcome =
      unnested.get(m.group) ??
      (await edit(removeMemberPlan(m.user, m.group), `remove ${m.user} from ${m.group}`));
    report.groupMembers.push({ ...m, ...outcome });
  }
  for (const p of drift.primaryGroups) {
    if (p.was === null) {
      report.primaryGroups.push({
        ...p,
        undone: false,
        error: `${p.user} is a new account whose primary group carries admin rights; delete it with "sysadminctl -deleteUser ${p.user}" if nobody needs it.`,
      });
      continue;
    }
    const r = await run(setUserAttributePlan(p.user, 'PrimaryGroupID', String(p.was)));
    report.primaryGroups.push({
      ...p,
      ...(r.code === 0
        ? { undone: true }
        : {
            undone: false,
            error: `${p.user}'s primary group could not be put back: ${describe('dscl', r)}.`,
          }),
    });
  }
  report.sudoersFiles = await undoSudoersDrift(
    join(root, 'private'),
    drift,
    before,
    quarantineDir,
    note,
  );
  if (drift.directoryConfig.length > 0) report.directoryConfig = reportDirectoryConfig(drift);
  if (drift.launchDaemons.length > 0)
    report.launchDaemons = await undoLaunchDaemons(root, drift, before, quarantineDir, note);
  // Failing to flush leaves the removal unseen until the caches expire; it is still made.
  await flushCaches();
  return report;
}

async function edit(plan: CommandPlan, what: string): Promise<Outcome> {
  let outcome;
  try {
    outcome = parseEdit(await run(plan));
  } catch (err) {
    return { undone: false, error: `dseditgroup could not ${what}: ${(err as Error).message}.` };
  }
  if (outcome === 'done') return { undone: true };
  const why = outcome === 'no-such-record' ? 'the record was not found' : outcome.error;
  return { undone: false, error: `dseditgroup could not ${what} (${why}).` };
}
