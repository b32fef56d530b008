/**
 * Who gets the admin.* methods once authenticated (PROTOCOL.md, auth.prove `admin`). On Linux
 * and macOS: root, or the agent's own account (an unprivileged agent in tests). Windows has its
 * own rule (backends/win32/admin-rule.ts).
 */
import type { Account } from '../users/user-directory.js';

export type AdminRule = (account: Account) => Promise<boolean>;

export function posixAdminRule(agentUid: number): AdminRule {
  return (account) =>
    Promise.resolve(account.uid !== null && (account.uid === 0 || account.uid === agentUid));
}
