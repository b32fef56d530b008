/**
 * Who gets the admin.* methods on Windows: SYSTEM, and the permanent members of Administrators
 * (S-1-5-32-544). Not a person whose membership is Elevate's own grant (or a grant being added
 * or ended): otherwise a few minutes of rights given to install a printer driver would also let
 * that person extend their own grant, approve their own requests, unpair keys or read everyone's
 * records over the pipe. Membership is read at each auth.prove, so a grant's end ends it too.
 * Why not the person's logon token: the agent cannot see the client's token over the pipe, and
 * a token keeps its groups until log-off (docs/design-notes.md, "Admins on Windows").
 */
import type { AdminRule } from '../../auth/admin-rule.js';
import type { UserState } from '../../store/agent-state.js';
import type { PriorState } from '../backend.js';
import { SYSTEM_SID } from './accounts.js';

export interface Win32AdminRuleDeps {
  /** The backend's view of the account's Administrators membership (Win32Backend.inspect). */
  inspect(user: string): Promise<PriorState>;
  /** The person's stored state: a grant or a pending apply/restore. */
  peek(user: string): UserState | undefined;
  log(msg: string): void;
}

export function win32AdminRule(d: Win32AdminRuleDeps): AdminRule {
  return async (account) => {
    if (account.sid === SYSTEM_SID) return true;
    if (!account.sid) return false;
    const state = d.peek(account.name);
    const prior = state?.grant?.prior ?? state?.pending?.prior;
    // Elevate added them (prior state: not a member): their admin rights are the grant's.
    if (prior && !prior.adminGroupMember) return false;
    try {
      return (await d.inspect(account.name)).adminGroupMember;
    } catch (err) {
      d.log(`${account.name} is treated as not an admin: ${(err as Error).message}`);
      return false;
    }
  };
}
