/**
 * Windows account names as the agent accepts them (PROTOCOL.md: `DOMAIN\name` or a SID):
 * a local name (`alice`), a domain name (`CONTOSO\bob`), a Microsoft Entra ID name
 * (`AzureAD\bob@contoso.com`) or a SID (`S-1-5-21-…`). Checked before any reaches a command
 * line: no quotes, no switch-like first character, nothing `net` or PowerShell would re-read.
 */

/** BUILTIN\Administrators; its name is localised ("Administratoren"), its SID is not. */
export const ADMINISTRATORS_SID = 'S-1-5-32-544';
export const SYSTEM_SID = 'S-1-5-18';
/** BUILTIN\Users: every local account. */
export const USERS_SID = 'S-1-5-32-545';

const SID = /^S-1-\d{1,13}(-\d{1,10}){1,15}$/;
// Characters Windows forbids in user names ("/\[]:;|=,+*?<>), plus quotes and control characters.
const NAME = /^[^\s\-/\\[\]:;|=,+*?<>"'`$%\p{Cc}][^/\\[\]:;|=,+*?<>"'`$%\p{Cc}]{0,255}$/u;
const DOMAIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export type WindowsAccount =
  { kind: 'sid'; sid: string } | { kind: 'name'; domain: string | null; name: string };

export function parseAccount(user: string): WindowsAccount | null {
  if (SID.test(user)) return { kind: 'sid', sid: user };
  const parts = user.split('\\');
  if (parts.length > 2) return null;
  const [domain, name] = parts.length === 2 ? parts : [null, parts[0]];
  if (!name || !NAME.test(name) || name.endsWith(' ')) return null;
  if (domain !== null && !DOMAIN.test(domain)) return null;
  return { kind: 'name', domain, name };
}

/**
 * Whether a member line of `net localgroup` names the account. `net` lists local accounts
 * without the computer name and others as DOMAIN\name; names compare case-insensitively, as
 * Windows compares them.
 */
export function sameAccount(member: string, user: string, computerName: string | null): boolean {
  return canonical(member, computerName) === canonical(user, computerName);
}

function canonical(name: string, computerName: string | null): string {
  const lower = name.trim().toLowerCase();
  const slash = lower.indexOf('\\');
  if (slash < 0) return lower;
  const domain = lower.slice(0, slash);
  const local = domain === '.' || (computerName !== null && domain === computerName.toLowerCase());
  return local ? lower.slice(slash + 1) : lower;
}
