/**
 * The Windows backend. "admin" (and "passwordless", the same on Windows: UAC asks either
 * way) is membership of the Administrators group, found by its SID S-1-5-32-544 because its
 * name is localised. Commands come from win32/plans.ts (why `net localgroup`: see there),
 * outputs are read by win32/parsers.ts. A person who was a member before the grant is a
 * permanent admin and is never removed. Rights reach a logon token only at the next logon,
 * hence `logonSessions` (the log-out hint, docs/windows.md).
 */
import type { GrantLevel } from '../protocol/schemas.js';
import { OsCommandError, type Backend, type LogonSession, type PriorState } from './backend.js';
import { runCommand, toolMessage, type CommandResult } from './run-command.js';
import { parseAccount, sameAccount } from './win32/accounts.js';
import { readWin32DeviceId } from './win32/device-id.js';
import {
  ERROR_MEMBER_IN_ALIAS,
  ERROR_MEMBER_NOT_IN_ALIAS,
  groupNameOf,
  netErrorNumber,
  parseNetLocalGroupMembers,
  parseQuser,
  parseTranslated,
  quserMatches,
} from './win32/parsers.js';
import {
  accountSidPlan,
  addMemberPlan,
  administratorsNamePlan,
  listMembersPlan,
  logoffPlan,
  removeMemberPlan,
  sessionsPlan,
  translateSidPlan,
  type Command,
} from './win32/plans.js';

export interface Win32BackendOptions {
  /** This computer's name: `net` lists local accounts without it (default: %COMPUTERNAME%). */
  computerName?: string | null;
}

const run = (c: Command): Promise<CommandResult> => runCommand(c.file, c.args, 20_000);

export class Win32Backend implements Backend {
  readonly os = 'win32' as const;
  readonly name = 'win32';
  private readonly computerName: string | null;
  private groupName: Promise<string> | null = null;

  constructor(options: Win32BackendOptions = {}) {
    this.computerName = options.computerName ?? process.env.COMPUTERNAME ?? null;
  }

  async inspect(user: string): Promise<PriorState> {
    const [group, name] = await Promise.all([this.administrators(), this.accountName(user)]);
    const member = (await this.members(group)).some((m) => sameAccount(m, name, this.computerName));
    return {
      permanentLevel: member ? 'admin' : 'none',
      adminGroupMember: member,
      adminGroup: group,
      dropIn: null,
    };
  }

  async apply(user: string, _level: GrantLevel, prior: PriorState): Promise<void> {
    const group = prior.adminGroup ?? (await this.administrators());
    const name = await this.accountName(user);
    const result = await run(addMemberPlan(group, name));
    if (result.code === 0) return;
    if (netErrorNumber(result.stderr + result.stdout) === ERROR_MEMBER_IN_ALIAS) return;
    throw new OsCommandError(
      `Windows refused to add ${name} to ${group}: ${toolMessage('net', result)}.`,
    );
  }

  /** A permanent member stays; otherwise the membership the grant added goes, and is checked gone. */
  async restore(user: string, prior: PriorState): Promise<void> {
    if (prior.adminGroupMember) return;
    const group = prior.adminGroup ?? (await this.administrators());
    const name = await this.accountName(user);
    const result = await run(removeMemberPlan(group, name));
    const gone =
      result.code === 0 ||
      netErrorNumber(result.stderr + result.stdout) === ERROR_MEMBER_NOT_IN_ALIAS;
    if (!gone) {
      throw new OsCommandError(
        `Windows refused to remove ${name} from ${group}: ${toolMessage('net', result)}.`,
      );
    }
    if ((await this.members(group)).some((m) => sameAccount(m, name, this.computerName))) {
      throw new OsCommandError(`${name} is still a member of ${group} after its removal.`);
    }
  }

  /** Administrators' members as `net localgroup` prints them (names, or unmapped SIDs). */
  async administratorMembers(): Promise<string[]> {
    return this.members(await this.administrators());
  }

  deviceId(): Promise<string | null> {
    return readWin32DeviceId();
  }

  async userExists(user: string): Promise<boolean> {
    const account = parseAccount(user);
    if (!account) return false;
    const plan = account.kind === 'sid' ? translateSidPlan(account.sid) : accountSidPlan(user);
    const result = await run(plan);
    if (result.code === 0) return true;
    if (result.code === 2) return false;
    throw new OsCommandError(
      `The account ${user} cannot be looked up: ${toolMessage('powershell', result)}.`,
    );
  }

  readonly logonSessions = {
    list: async (user: string): Promise<LogonSession[]> => {
      const name = await this.accountName(user);
      const result = await run(sessionsPlan());
      // quser exits 1 with "No User exists for *" (localised) when nobody is logged on.
      if (result.code !== 0 && result.stdout.trim() === '' && result.failure === null) return [];
      if (result.code !== 0) {
        throw new OsCommandError(
          `Logon sessions cannot be listed: ${toolMessage('quser', result)}.`,
        );
      }
      return parseQuser(result.stdout)
        .filter((s) => quserMatches(s.user, name))
        .map((s) => ({ id: s.id, key: `${s.id}|${s.logonTime}` }));
    },
    logoff: async (id: string): Promise<void> => {
      const result = await run(logoffPlan(id));
      if (result.code !== 0) {
        throw new OsCommandError(
          `Session ${id} could not be logged off: ${toolMessage('logoff', result)}.`,
        );
      }
    },
  };

  /** The localised name of S-1-5-32-544, looked up once ("Administrators", "Administratoren"). */
  private administrators(): Promise<string> {
    this.groupName ??= (async () => {
      const result = await run(administratorsNamePlan());
      if (result.code !== 0) {
        this.groupName = null;
        throw new OsCommandError(
          `The Administrators group (S-1-5-32-544) cannot be found: ${toolMessage('powershell', result)}.`,
        );
      }
      return groupNameOf(parseTranslated(result.stdout));
    })();
    return this.groupName;
  }

  /** The name `net` takes: the account as given, or the name its SID maps to. */
  private async accountName(user: string): Promise<string> {
    const account = parseAccount(user);
    if (!account) throw new OsCommandError(`${user} is not a Windows account name or SID.`);
    if (account.kind === 'name') return user;
    const result = await run(translateSidPlan(account.sid));
    if (result.code !== 0) throw new OsCommandError(`No account has the SID ${account.sid}.`);
    return parseTranslated(result.stdout);
  }

  private async members(group: string): Promise<string[]> {
    const result = await run(listMembersPlan(group));
    if (result.code !== 0) {
      throw new OsCommandError(
        `The members of ${group} cannot be read: ${toolMessage('net', result)}.`,
      );
    }
    return parseNetLocalGroupMembers(result.stdout);
  }
}
