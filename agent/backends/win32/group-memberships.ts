/**
 * A person's groups on Windows, for policy `rules[].groups` and for admins through a group
 * (CONTOSO\Domain Admins nested in BUILTIN\Administrators). One PowerShell start answers a batch
 * of account SIDs (win32/user-directory.ts), printing JSON read here with zod:
 * - a domain account: the groups of a token Windows builds for it, transitive (nested domain
 *   groups, and the local groups of this computer those are in): `WindowsIdentity(UPN).Groups`,
 *   an S4U logon (KERB_S4U_LOGON; domain-joined computers only, a domain controller in reach).
 *   learn.microsoft.com/dotnet/api/system.security.principal.windowsidentity.-ctor#system-security-principal-windowsidentity-ctor(system-string)
 *   The UPN is read from the directory by SID (`LDAP://<SID=…>`,
 *   learn.microsoft.com/windows/win32/ad/binding-to-an-object-using-a-sid); without one, the
 *   account's bare name is tried.
 * - a local or Microsoft Entra ID account: the local groups listing its SID as a member.
 *   `Get-LocalGroup` (learn.microsoft.com/powershell/module/microsoft.powershell.localaccounts/get-localgroup)
 *   names the groups; their members are read through ADSI (IADsGroup::Members,
 *   learn.microsoft.com/windows/win32/api/iads/nf-iads-iadsgroup-members, each member's
 *   objectSid), not Get-LocalGroupMember, which fails for the whole group on an orphaned or
 *   Entra ID member (PowerShell issues #2996, #15585, #21617). Entra ID groups are not known
 *   on the computer: a person is not seen in them.
 * Each group keeps its SID; its name is the one Windows prints (`CONTOSO\Domain Admins`,
 * `BUILTIN\Administrators`, localised: `VORDEFINIERT\Administratoren`), null when the SID maps
 * to no account.
 */
import * as z from 'zod';
import { ADMINISTRATORS_SID, sameAccount } from './accounts.js';
import { powershell, psQuote, type Command } from './plans.js';

export interface WindowsGroup {
  sid: string;
  name: string | null;
}

export type MembershipAnswer =
  { kind: 'groups'; groups: WindowsGroup[] } | { kind: 'error'; message: string };

const SID = /^S-1-[\d-]+$/;

export function groupMembershipsPlan(sids: readonly string[]): Command {
  for (const sid of sids) if (!SID.test(sid)) throw new Error(`${sid} is not a SID.`);
  const nm =
    'function nm($x) { try { $x.Translate([Security.Principal.NTAccount]).Value } catch { $null } };';
  const objectSid =
    "(New-Object Security.Principal.SecurityIdentifier ([byte[]]$_.GetType().InvokeMember('objectSid', 'GetProperty', $null, $_, $null)), 0).Value";
  // One line, statements separated by ";": nothing depends on how -Command joins lines.
  return powershell(
    [
      '[Console]::OutputEncoding = New-Object Text.UTF8Encoding $false;',
      nm,
      `$sids = @(${sids.map(psQuote).join(',')}); $pc = $env:COMPUTERNAME; $local = $null;`,
      '$out = @(for ($i = 0; $i -lt $sids.Count; $i++) { try {',
      '$k = $sids[$i]; $s = [Security.Principal.SecurityIdentifier]$k; $n = nm $s;',
      'if ($s.Value -like \'S-1-5-21-*\' -and $n -and $n -notlike "$pc\\*") {',
      '$u = ([adsi]"LDAP://<SID=$($s.Value)>").Properties[\'userPrincipalName\'].Value;',
      "if (-not $u) { $u = $n.Split('\\')[1] };",
      '$g = @(([Security.Principal.WindowsIdentity]::new($u)).Groups | ForEach-Object { @{ sid = $_.Value; name = (nm $_) } })',
      '} else {',
      'if ($null -eq $local) { $local = @(Get-LocalGroup | ForEach-Object { $grp = $_;',
      `$m = @(([adsi]"WinNT://$pc/$($grp.Name),group").Invoke('Members') | ForEach-Object { ${objectSid} });`,
      '@{ sid = $grp.SID.Value; name = (nm $grp.SID); members = $m } }) };',
      '$g = @($local | Where-Object { $_.members -contains $s.Value } | ForEach-Object { @{ sid = $_.sid; name = $_.name } })',
      '}; @{ i = $i; groups = $g }',
      '} catch { $e = $_.Exception; while ($e.InnerException) { $e = $e.InnerException };',
      "@{ i = $i; error = ($e.Message -replace '\\s+', ' ') } } });",
      'ConvertTo-Json -InputObject $out -Depth 4 -Compress',
    ].join(' '),
  );
}

/** Windows PowerShell 5.1 may print a one-element list as the element itself, an empty one as null. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === null ? [] : Array.isArray(v) || v === undefined ? v : [v]),
    z.array(item),
  );

const Group = z.object({
  sid: z.string().regex(SID),
  name: z.string().min(1).nullable().optional(),
});
const Answer = z.union([
  z.object({ i: z.number().int().nonnegative(), error: z.string() }),
  z.object({ i: z.number().int().nonnegative(), groups: list(Group) }),
]);
const Output = list(Answer);

/**
 * groupMembershipsPlan's JSON, one answer per SID in the order asked. A SID with no answer (the
 * script stopped early) or output that is not the expected JSON is an error, never "no groups".
 */
export function parseGroupMemberships(stdout: string, count: number): MembershipAnswer[] {
  const answers: MembershipAnswer[] = Array.from({ length: count }, () => ({
    kind: 'error',
    message: 'PowerShell printed no answer',
  }));
  let json: unknown;
  try {
    json = JSON.parse(stdout.replace(/^\uFEFF/, '').trim() || 'null');
  } catch {
    return answers.map(() => ({ kind: 'error', message: 'PowerShell printed no JSON' }));
  }
  const parsed = Output.safeParse(json);
  if (!parsed.success) {
    return answers.map(() => ({ kind: 'error', message: 'PowerShell printed unexpected JSON' }));
  }
  for (const a of parsed.data) {
    if (a.i >= count) continue;
    answers[a.i] =
      'groups' in a
        ? { kind: 'groups', groups: a.groups.map((g) => ({ sid: g.sid, name: g.name ?? null })) }
        : { kind: 'error', message: a.error.trim() };
  }
  return answers;
}

/**
 * The names a policy rule may use for these groups (POLICY.md `rules[].groups`): each SID,
 * each name as Windows prints it ("CONTOSO\Domain Admins") and, for this computer's own and
 * built-in groups, the bare name ("Administrators"). Lower-cased: Windows compares names
 * without case, and the policy side folds its names the same way (Win32UserDirectory.nameKey).
 */
export function groupNames(groups: readonly WindowsGroup[], computerName: string | null): string[] {
  const names = new Set<string>();
  const pc = computerName?.toLowerCase() ?? null;
  for (const g of groups) {
    names.add(groupNameKey(g.sid));
    if (!g.name) continue;
    const full = groupNameKey(g.name);
    names.add(full);
    const slash = full.indexOf('\\');
    const local = g.sid.startsWith('S-1-5-32-') || (pc !== null && full.slice(0, slash) === pc);
    if (slash > 0 && local) names.add(full.slice(slash + 1));
  }
  return [...names];
}

export function groupNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Whether the person is an admin through a group: one of their groups (never Administrators
 * itself, which a grant from Elevate puts in their token too) is listed in Administrators, as
 * `net localgroup` prints its members (names, or SIDs that map to no account). Elevate only ever
 * adds the person's own account, so this never counts Elevate's rights.
 */
export function adminThroughGroup(
  groups: readonly WindowsGroup[],
  administrators: readonly string[],
  computerName: string | null,
): boolean {
  return groups.some(
    (g) =>
      g.sid !== ADMINISTRATORS_SID &&
      administrators.some(
        (m) =>
          m.trim().toUpperCase() === g.sid.toUpperCase() ||
          (g.name !== null && sameAccount(m, g.name, computerName)),
      ),
  );
}
