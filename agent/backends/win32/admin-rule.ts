/**
 * Who gets the admin.* methods on Windows: SYSTEM, and the permanent members of Administrators
 * (S-1-5-32-544), directly or through a group (CONTOSO\Domain Admins listed in Administrators,
 * the person in it, also nested). Not a person whose direct membership is Elevate's own grant
 * (or a grant being added or ended): otherwise a few minutes of rights given to install a
 * printer driver would also let that person extend their own grant, approve their own requests,
 * unpair keys or read everyone's records over the pipe. Elevate only ever adds the person's own
 * account, never a group, so a membership through a group is never Elevate's. Membership is read
 * at each auth.prove (groups are remembered for a minute), so a grant's end ends it too.
 * Why not the person's logon token: the agent cannot see the client's token over the pipe, and
 * a token keeps its groups until log-off (docs/design-notes.md, "Admins on Windows").
 */
import type { AdminRule } from '../../auth/admin-rule.js';
import type { UserState } from '../../store/agent-state.js';
import type { Account } from '../../users/user-directory.js';
import { SYSTEM_SID, sameAccount } from './accounts.js';
import { adminThroughGroup, type WindowsGroup } from './group-memberships.js';

export interface Win32AdminRuleDeps {
  /** Administrators' members as `net localgroup` prints them (Win32Backend.administratorMembers). */
  administratorMembers(): Promise<string[]>;
  /** The person's groups, transitive for a domain account ([] when unknown). */
  memberships(account: Account): Promise<WindowsGroup[]>;
  /** The person's stored state: a grant or a pending apply/restore. */
  peek(user: string): UserState | undefined;
  computerName: string | null;
  log(msg: string): void;
}

export function win32AdminRule(d: Win32AdminRuleDeps): AdminRule {
  return async (account) => {
    if (account.sid === SYSTEM_SID) return true;
    if (!account.sid) return false;
    const state = d.peek(account.name);
    const prior = state?.grant?.prior ?? state?.pending?.prior;
    // Elevate added them (prior state: not a member): their direct membership is the grant's.
    const elevated = prior !== undefined && !prior.adminGroupMember;
    try {
      // Both at once: a hello must be answered within the unauthenticated deadline.
      const groups = d.memberships(account).catch((): WindowsGroup[] => []);
      const members = await d.administratorMembers();
      if (!elevated && members.some((m) => sameAccount(m, account.name, d.computerName))) {
        return true;
      }
      return adminThroughGroup(await groups, members, d.computerName);
    } catch (err) {
      d.log(`${account.name} is treated as not an admin: ${(err as Error).message}`);
      return false;
    }
  };
}
