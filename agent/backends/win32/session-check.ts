/**
 * The end-of-session check on Windows. At grant start it records who is in Administrators
 * (`net localgroup`, members whose SID maps to no account are listed as the SID), the local
 * accounts (`net user`) and whether the built-in Administrator (-500) is enabled; at the end
 * it reports what was added meanwhile as `drift.detected` (report only: removing accounts or
 * members on Windows is left to an admin). Local groups that policy rules name are watched the
 * same way: joining one a rule makes self-serve is a way back to admin. Then the programs the person ran elevated during
 * the grant become `privilege.used`, from Security event 4688, which Windows logs only with
 * "Audit Process Creation" on (docs/windows.md says what is reported when it is off).
 * Baselines: STATE/cleanup/win32/GRANTID.json, so a restart mid-grant keeps them.
 */
import { join } from 'node:path';
import * as z from 'zod';
import type { AuditLog } from '../../audit/audit-log.js';
import { BaselineStore, baselineSchema } from '../../cleanup/baseline-store.js';
import type { LastSessionStore } from '../../cleanup/last-session-store.js';
import type { GrantLevel } from '../../protocol/schemas.js';
import { runCommand, toolMessage, type CommandResult } from '../run-command.js';
import { parseAccount, sameAccount } from './accounts.js';
import { elevatedBy, parseBoolean, parseProcessEvents } from './event-parsers.js';
import {
  groupNameOf,
  parseNetLocalGroupMembers,
  parseNetUserList,
  parseTranslated,
} from './parsers.js';
import {
  accountSidPlan,
  administratorsNamePlan,
  anyProcessCreationPlan,
  builtinAdministratorEnabledPlan,
  elevatedProcessesPlan,
  listLocalUsersPlan,
  listMembersPlan,
  translateSidPlan,
  type Command,
} from './plans.js';

const run = (c: Command): Promise<CommandResult> => runCommand(c.file, c.args, 30_000);

const InventorySchema = z.object({
  group: z.string(),
  administrators: z.array(z.string()),
  localUsers: z.array(z.string()),
  builtinAdminEnabled: z.boolean().nullable(),
  /** Local groups policy rules name → their members (absent in baselines from older agents). */
  watched: z.record(z.string(), z.array(z.string())).optional(),
});
type Inventory = z.infer<typeof InventorySchema>;

const BaselineSchema = baselineSchema(InventorySchema);
type Baseline = z.infer<typeof BaselineSchema>;

export interface Win32SessionCheckDeps {
  stateDir: string;
  audit: AuditLog;
  lastSessions: LastSessionStore;
  /** Users elevated by Elevate right now: their membership is the agent's, not drift. */
  elevatedUsers(): string[];
  log(msg: string): void;
  computerName?: string | null;
  /** The groups policy rules name (`rules[].groups`): the local ones among them are watched. */
  policyGroups?(): string[];
}

interface GrantRef {
  id: string;
  level: GrantLevel;
}

export class Win32SessionCheck {
  private readonly baselines: BaselineStore<Baseline>;
  private readonly computerName: string | null;

  constructor(private readonly deps: Win32SessionCheckDeps) {
    this.baselines = new BaselineStore(join(deps.stateDir, 'cleanup', 'win32'), BaselineSchema);
    this.computerName = deps.computerName ?? process.env.COMPUTERNAME ?? null;
  }

  readonly started = async (user: string, grant: GrantRef): Promise<void> => {
    await this.guard(`recording who holds admin as ${user}'s rights start`, async () => {
      await this.baselines.save({
        user,
        grantId: grant.id,
        level: grant.level,
        takenAt: new Date().toISOString(),
        inventory: await this.inventory(),
      });
    });
  };

  readonly ended = async (user: string, grant: GrantRef): Promise<void> => {
    await this.guard(`the end-of-session check for ${user}`, async () => {
      const baseline = await this.baselines.load(grant.id);
      if (!baseline) return;
      const found = await this.reportDrift(baseline);
      await this.recordElevations(baseline);
      await this.deps.lastSessions.set(user, {
        grantId: grant.id,
        endedAt: new Date().toISOString(),
        commands: this.deps.audit.commandsIn(grant.id),
        drift: { found, removed: 0 },
        rootProcesses: { found: 0, ended: 0 },
      });
      await this.baselines.remove(grant.id);
    });
  };

  /** Start-up: finishes the checks of grants that ended while the agent was down. */
  async recover(isActive: (user: string, grantId: string) => boolean): Promise<void> {
    for (const b of await this.baselines.all())
      if (!isActive(b.user, b.grantId)) await this.ended(b.user, { id: b.grantId, level: b.level });
  }

  private async inventory(): Promise<Inventory> {
    const name = await run(administratorsNamePlan());
    if (name.code !== 0) throw new Error(toolMessage('powershell', name));
    const group = groupNameOf(parseTranslated(name.stdout));
    const [members, users, builtin] = await Promise.all([
      run(listMembersPlan(group)),
      run(listLocalUsersPlan()),
      run(builtinAdministratorEnabledPlan()),
    ]);
    if (members.code !== 0) throw new Error(toolMessage('net', members));
    if (users.code !== 0) throw new Error(toolMessage('net', users));
    return {
      group,
      administrators: parseNetLocalGroupMembers(members.stdout),
      localUsers: parseNetUserList(users.stdout),
      builtinAdminEnabled: builtin.code === 0 ? parseBoolean(builtin.stdout) : null,
      watched: await this.watchedGroups(group),
    };
  }

  /**
   * The members of the local groups policy rules name (by bare name, `PC01\Group`, BUILTIN or
   * SID; a domain group cannot be changed from this computer). A name `net localgroup` does
   * not know here (a domain group's bare name) is not watched.
   */
  private async watchedGroups(administrators: string): Promise<Record<string, string[]>> {
    const watched: Record<string, string[]> = {};
    for (const rule of new Set(this.deps.policyGroups?.() ?? [])) {
      let name = rule;
      const account = parseAccount(rule);
      if (account?.kind === 'sid') {
        const r = await run(translateSidPlan(account.sid));
        if (r.code !== 0) continue;
        name = parseTranslated(r.stdout);
        if (account.sid.startsWith('S-1-5-32-')) name = groupNameOf(name);
      }
      const slash = name.indexOf('\\');
      const domain = name.slice(0, Math.max(slash, 0)).toLowerCase();
      const local =
        slash < 0 || domain === 'builtin' || domain === this.computerName?.toLowerCase();
      const group = groupNameOf(name);
      if (!local || group.toLowerCase() === administrators.toLowerCase()) continue;
      const r = await run(listMembersPlan(group));
      if (r.code === 0) watched[group] = parseNetLocalGroupMembers(r.stdout);
    }
    return watched;
  }

  private async reportDrift(b: Baseline): Promise<number> {
    const after = await this.inventory();
    const managed = [b.user, ...this.deps.elevatedUsers()];
    const had = (list: string[], name: string) =>
      list.some((x) => sameAccount(x, name, this.computerName));
    const members = after.administrators.filter(
      (m) => !had(b.inventory.administrators, m) && !managed.some((u) => had([m], u)),
    );
    // A person joining a group a rule makes self-serve is drift, the elevated person too.
    const joined = Object.entries(after.watched ?? {}).flatMap(([group, now]) => {
      const before = b.inventory.watched?.[group];
      return before ? now.filter((m) => !had(before, m)).map((user) => ({ group, user })) : [];
    });
    const accounts = after.localUsers.filter((u) => !had(b.inventory.localUsers, u));
    const builtin = after.builtinAdminEnabled === true && b.inventory.builtinAdminEnabled !== true;
    const found = members.length + joined.length + accounts.length + (builtin ? 1 : 0);
    if (found === 0) return 0;
    await this.deps.audit.append({
      type: 'drift.detected',
      user: b.user,
      level: b.level,
      grantId: b.grantId,
      actor: 'agent',
      detail: {
        kind: 'admin-rights',
        action: 'reported',
        summary: `${found} admin rights were added during the session and are still in place.`,
        groupMembers: [...members.map((user) => ({ group: after.group, user })), ...joined],
        newAccounts: accounts,
        builtinAdministratorEnabled: builtin,
      },
    });
    return found;
  }

  private async recordElevations(b: Baseline): Promise<void> {
    const sid = await this.sidOf(b.user);
    const result = await run(elevatedProcessesPlan(b.takenAt));
    if (result.code !== 0) {
      this.deps.log(
        `${b.user}'s elevated programs cannot be read from the Security log: ${toolMessage('wevtutil', result)}.`,
      );
      return;
    }
    const events = elevatedBy(parseProcessEvents(result.stdout), sid);
    if (events.length === 0) {
      const any = await run(anyProcessCreationPlan(b.takenAt));
      if (any.code === 0 && parseProcessEvents(any.stdout).length === 0)
        this.deps.log(
          `Windows recorded no process creation during ${b.user}'s session, so the programs they ran elevated are unknown; turn "Audit Process Creation" on: auditpol /set /subcategory:"Process Creation" /success:enable.`,
        );
      return;
    }
    const seen = new Set(
      this.deps.audit
        .history(b.user, 500)
        .filter((e) => e.type === 'privilege.used' && e.grantId === b.grantId)
        .map((e) => e.detail?.['eventRecordId']),
    );
    for (const e of events) {
      if (seen.has(e.recordId)) continue;
      await this.deps.audit.append({
        type: 'privilege.used',
        user: b.user,
        level: b.level,
        grantId: b.grantId,
        actor: b.user,
        at: e.at,
        detail: {
          command: e.newProcessName,
          commandLine: e.commandLine,
          parent: e.parentProcessName,
          eventRecordId: e.recordId,
        },
      });
    }
  }

  private async sidOf(user: string): Promise<string> {
    const account = parseAccount(user);
    if (account?.kind === 'sid') return account.sid;
    const r = await run(accountSidPlan(user));
    if (r.code !== 0) throw new Error(`no Windows account is named ${user}`);
    return parseTranslated(r.stdout);
  }

  private async guard(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.deps.log(`${what} failed: ${(err as Error).message}`);
    }
  }
}
