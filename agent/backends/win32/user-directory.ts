/**
 * Who is who on Windows, for `auth.hello` and the admin methods (the Linux agent reads
 * /etc/passwd, the macOS one dscl). A person names themselves `alice`, `CONTOSO\bob`,
 * `AzureAD\bob@contoso.com` or by SID (PROTOCOL.md); the answer is their SID, the name Windows
 * prints for that SID (the one key under which grants, pairings and records are kept, so the
 * same person reached by two spellings is one person) and their profile folder. One PowerShell
 * start answers a batch of names (win32/plans.ts, lookupAccountsPlan); answers are remembered
 * and strangers' names paced as on Linux (users/directory-lookups.ts), since every unknown name
 * in an unauthenticated hello would otherwise start a process. A person's groups (policy rules
 * by group, admins through a group) come the same way, by SID (win32/group-memberships.ts).
 *
 * Only a person authenticates: a local or domain account (S-1-5-21-…) or a Microsoft Entra ID
 * one (S-1-12-1-…) with a profile on this computer, or SYSTEM (the agent's own account, for
 * elevatectl run as SYSTEM). A group's SID never has a profile; naming one must fail, because
 * its cookie directory would be ACL'd to the group and readable by every member.
 */
import { runCommand, toolMessage } from '../run-command.js';
import type { Account, UserDirectory } from '../../users/user-directory.js';
import {
  DEFAULT_LOOKUP_LIMITS,
  DirectoryLookups,
  type LookupLimits,
} from '../../users/directory-lookups.js';
import { SYSTEM_SID, parseAccount } from './accounts.js';
import {
  groupMembershipsPlan,
  groupNameKey,
  groupNames,
  parseGroupMemberships,
  type WindowsGroup,
} from './group-memberships.js';
import { parseAccountLookups, type AccountLookup } from './parsers.js';
import { lookupAccountsPlan } from './plans.js';

type Found = Extract<AccountLookup, { kind: 'found' }>;

/** Local and domain accounts (and their groups), then Entra ID users (and groups). */
const PERSON_SID = /^S-1-(5-21|12-1)-/;

export interface Win32UserDirectoryOptions {
  /** This computer's name: a local account's key is its bare name, as `net` prints it. */
  computerName?: string | null;
  log?: (msg: string) => void;
  limits?: LookupLimits;
}

export class Win32UserDirectory implements UserDirectory {
  private readonly computerName: string | null;
  private readonly log: (msg: string) => void;
  /** Keys: SIDs as given, names lower-cased (Windows compares names without case). */
  private readonly lookups: DirectoryLookups<Found>;
  /** A person's groups by SID, paced and batched like the names. */
  private readonly groups: DirectoryLookups<WindowsGroup[]>;

  constructor(options: Win32UserDirectoryOptions = {}) {
    this.computerName = options.computerName ?? process.env.COMPUTERNAME ?? null;
    this.log = options.log ?? (() => undefined);
    this.lookups = new DirectoryLookups<Found>(
      (keys) => this.load(keys),
      options.limits ?? DEFAULT_LOOKUP_LIMITS,
    );
    this.groups = new DirectoryLookups<WindowsGroup[]>(
      (sids) => this.loadGroups(sids),
      options.limits ?? DEFAULT_LOOKUP_LIMITS,
    );
  }

  async lookup(name: string): Promise<Account | null> {
    const found = await this.find(name);
    if (!found) return null;
    const person = PERSON_SID.test(found.sid) && found.profile !== null;
    if (!person && found.sid !== SYSTEM_SID) return null;
    return {
      name: this.canonical(found.name),
      uid: null,
      gid: null,
      sid: found.sid,
      home: found.profile ?? '',
    };
  }

  /**
   * The key an admin's `user` param is kept under: the canonical name of any user SID, profile
   * or not (an admin may grant to someone before their first logon here); as given otherwise.
   */
  async canonicalName(name: string): Promise<string> {
    const found = await this.find(name);
    return found && PERSON_SID.test(found.sid) ? this.canonical(found.name) : name;
  }

  /** Windows has no uids: a peer is never named by one here. */
  lookupUid(): Promise<Account | null> {
    return Promise.resolve(null);
  }

  /**
   * For policy `rules[].groups`: every name a rule may use for the person's groups (SID,
   * DOMAIN\Group, a local group's bare name), lower-cased; none when they cannot be looked up.
   */
  async groupsOf(account: Account): Promise<string[]> {
    return groupNames(await this.memberships(account), this.computerName);
  }

  /**
   * Policy rules name people and groups as Windows compares them: without case, and a local
   * one with or without this computer's name (`PC01\alice` = `alice`).
   */
  nameKey(name: string): string {
    return groupNameKey(this.canonical(name.trim()));
  }

  /** The person's groups with their SIDs (win32/group-memberships.ts); [] when unknown. */
  async memberships(account: Account): Promise<WindowsGroup[]> {
    if (!account.sid || !PERSON_SID.test(account.sid)) return [];
    return (await this.groups.get(account.sid)) ?? [];
  }

  private find(name: string): Promise<Found | null> {
    const account = parseAccount(name);
    if (!account) return Promise.resolve(null);
    return this.lookups.get(account.kind === 'sid' ? account.sid : name.toLowerCase());
  }

  /** "PC01\alice" → "alice": how `net` lists a local account, and how people name it. */
  private canonical(name: string): string {
    const slash = name.indexOf('\\');
    const domain = name.slice(0, slash).toLowerCase();
    const local = slash > 0 && this.computerName && domain === this.computerName.toLowerCase();
    return local ? name.slice(slash + 1) : name;
  }

  private async load(keys: string[]): Promise<Map<string, Found>> {
    const plan = lookupAccountsPlan(keys);
    const result = await runCommand(plan.file, plan.args, 20_000);
    if (result.code !== 0) {
      this.log(
        `Windows accounts cannot be looked up, so nobody new can authenticate now: ${toolMessage('powershell', result)}.`,
      );
      return new Map();
    }
    const found = new Map<string, Found>();
    const errors: string[] = [];
    parseAccountLookups(result.stdout, keys.length).forEach((answer, i) => {
      if (answer.kind === 'found') found.set(keys[i]!, answer);
      if (answer.kind === 'error') errors.push(`${keys[i]} (${answer.message})`);
    });
    // One line per batch: a flood of hellos while the domain is out of reach stays one line.
    if (errors.length > 0) {
      this.log(
        `${errors.length} Windows account name(s) could not be looked up, so they cannot authenticate now: ${errors.slice(0, 3).join('; ')}`,
      );
    }
    return found;
  }

  private async loadGroups(sids: string[]): Promise<Map<string, WindowsGroup[]>> {
    const plan = groupMembershipsPlan(sids);
    const result = await runCommand(plan.file, plan.args, 30_000);
    const answers =
      result.code === 0
        ? parseGroupMemberships(result.stdout, sids.length)
        : sids.map(() => ({ kind: 'error' as const, message: toolMessage('powershell', result) }));
    const found = new Map<string, WindowsGroup[]>();
    const errors: string[] = [];
    answers.forEach((answer, i) => {
      if (answer.kind === 'groups') found.set(sids[i]!, answer.groups);
      else errors.push(`${sids[i]} (${answer.message})`);
    });
    // One line per batch; "no groups" then: no rule by group applies, no admin through a group.
    if (errors.length > 0) {
      this.log(
        `The Windows groups of ${errors.length} account(s) could not be looked up, so policy rules by group do not apply to them and no group makes them an admin for now: ${errors.slice(0, 3).join('; ')}`,
      );
    }
    return found;
  }
}
