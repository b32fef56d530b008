/**
 * The commands the Windows backend runs, computed by plain functions (no I/O) so tests can
 * check them as data. Sources for each command are cited beside it; ../shared/PLATFORMS.md
 * collects them.
 *
 * Why `net localgroup` and not `Get-LocalGroupMember`: the cmdlet throws "Failed to compare
 * two elements in the array." for the whole group as soon as one member is an orphaned SID
 * or a Microsoft Entra ID group or role (S-1-12-1-…), which is every Entra-joined laptop
 * (PowerShell/PowerShell#2996, #15585, #21617). `net localgroup` lists such members as their
 * SID and goes on, accepts `DOMAIN\name` and `AzureAD\upn` (windows-itpro-docs#5137), runs
 * without PowerShell and the same on every Windows version; its error numbers (1377, 1378)
 * are the same in every language. Only the group's name needs PowerShell: it is localised,
 * so it is looked up from the well-known SID S-1-5-32-544, as MakeMeAdmin does.
 */
import { ADMINISTRATORS_SID, SYSTEM_SID, USERS_SID } from './accounts.js';

export interface Command {
  file: string;
  args: string[];
}

/** Windows PowerShell 5.1 is on every supported Windows; no profile, no prompts. */
export function powershell(script: string): Command {
  return {
    file: 'powershell',
    args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', script],
  };
}

/** Callers pass only names and SIDs accepted by parseAccount (no quotes); doubled anyway. */
export function psQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * SID → DOMAIN\name (SecurityIdentifier.Translate). Exit 2 when the SID maps to no account.
 * Prints e.g. "BUILTIN\Administrators" or "VORDEFINIERT\Administratoren".
 */
export function translateSidPlan(sid: string): Command {
  return powershell(
    `try { ([Security.Principal.SecurityIdentifier]${psQuote(sid)}).Translate([Security.Principal.NTAccount]).Value } catch { exit 2 }`,
  );
}

/** name → SID (NTAccount.Translate): the account exists. Exit 2 when it does not. */
export function accountSidPlan(name: string): Command {
  return powershell(
    `try { ([Security.Principal.NTAccount]${psQuote(name)}).Translate([Security.Principal.SecurityIdentifier]).Value } catch { exit 2 }`,
  );
}

/**
 * name → its SID, then the name Windows prints for it ("PC01\alice" for "alice"): one
 * PowerShell start instead of two where both are needed. Exit 2 when there is no such account.
 */
export function accountSidAndNamePlan(name: string): Command {
  return powershell(
    `try { $s = ([Security.Principal.NTAccount]${psQuote(name)}).Translate([Security.Principal.SecurityIdentifier]); $s.Value; $s.Translate([Security.Principal.NTAccount]).Value } catch { exit 2 }`,
  );
}

/**
 * The agent's user directory (win32/user-directory.ts): for each key (a name as the person gave
 * it, or a SID), one line "INDEX<TAB>found<TAB>SID<TAB>DOMAIN\name<TAB>PROFILE",
 * "INDEX<TAB>unknown" or "INDEX<TAB>error<TAB>MESSAGE", from one PowerShell start for the batch.
 * - name → SID: NTAccount.Translate (LookupAccountName: well-known, built-in and local accounts,
 *   then the primary domain, then trusted domains; `AzureAD\upn` on Entra-joined computers).
 *   learn.microsoft.com/dotnet/api/system.security.principal.ntaccount.translate,
 *   learn.microsoft.com/windows/win32/api/winbase/nf-winbase-lookupaccountnamew
 * - SID → the name Windows prints (the canonical spelling): SecurityIdentifier.Translate.
 *   learn.microsoft.com/dotnet/api/system.security.principal.securityidentifier.translate
 * - profile: ProfileImagePath under HKLM\…\ProfileList\SID, which exists once the account
 *   has logged on to this computer (a group never has one).
 *   learn.microsoft.com/windows/win32/shell/about-user-profiles
 * An unmapped account throws IdentityNotMappedException (wrapped by PowerShell's method call,
 * hence the walk to the innermost exception); anything else (a domain controller out of reach:
 * "The trust relationship … failed.", PSAppDeployToolkit#1095) is an error, not "unknown".
 * Output is UTF-8 so that names outside the console's code page arrive intact.
 */
export function lookupAccountsPlan(keys: readonly string[]): Command {
  const profiles = 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\';
  // One line, statements separated by ";": nothing depends on how -Command joins lines.
  return powershell(
    [
      '[Console]::OutputEncoding = New-Object Text.UTF8Encoding $false;',
      `$keys = @(${keys.map(psQuote).join(',')});`,
      'for ($i = 0; $i -lt $keys.Count; $i++) { $k = $keys[$i]; try {',
      "if ($k -cmatch '^S-1-[0-9-]+$') { $s = [Security.Principal.SecurityIdentifier]$k }",
      'else { $s = ([Security.Principal.NTAccount]$k).Translate([Security.Principal.SecurityIdentifier]) };',
      '$n = $s.Translate([Security.Principal.NTAccount]).Value;',
      `$p = (Get-ItemProperty -LiteralPath ('${profiles}' + $s.Value) -ErrorAction SilentlyContinue).ProfileImagePath;`,
      '"$i`tfound`t$($s.Value)`t$n`t$p"',
      '} catch { $e = $_.Exception; while ($e.InnerException) { $e = $e.InnerException };',
      'if ($e -is [Security.Principal.IdentityNotMappedException]) { "$i`tunknown" }',
      "else { \"$i`terror`t$($e.Message -replace '\\s+', ' ')\" } } }",
    ].join(' '),
  );
}

export function administratorsNamePlan(): Command {
  return translateSidPlan(ADMINISTRATORS_SID);
}

/** Members of a local group, one a line (WC/net-localgroup). */
export function listMembersPlan(group: string): Command {
  return { file: 'net', args: ['localgroup', group] };
}

export function addMemberPlan(group: string, user: string): Command {
  return { file: 'net', args: ['localgroup', group, user, '/add'] };
}

export function removeMemberPlan(group: string, user: string): Command {
  return { file: 'net', args: ['localgroup', group, user, '/delete'] };
}

/** Local accounts, for the end-of-session check (new accounts made while elevated). */
export function listLocalUsersPlan(): Command {
  return { file: 'net', args: ['user'] };
}

/** Sessions with their logon time (WC/quser; same as `query user`). */
export function sessionsPlan(): Command {
  return { file: 'quser', args: [] };
}

/** Ends a session: its programs close without saving (WC/logoff). */
export function logoffPlan(sessionId: string): Command {
  if (!/^\d{1,5}$/.test(sessionId)) throw new Error(`Session id ${sessionId} is not a number.`);
  return { file: 'logoff', args: [sessionId] };
}

/** The calling account's SID, for a client naming itself by SID (WC/whoami). */
export function whoamiSidPlan(): Command {
  return { file: 'whoami', args: ['/user', '/fo', 'csv', '/nh'] };
}

/**
 * A person's cookie directory (PROTOCOL.md): inheritance removed, full control for SYSTEM and
 * the person's SID only; `*` marks a numeric SID for icacls (WC/icacls).
 */
export function cookieDirAclPlan(dir: string, userSid: string): Command {
  return {
    file: 'icacls',
    args: [dir, '/inheritance:r', '/grant:r', `*${SYSTEM_SID}:(OI)(CI)F`, `*${userSid}:(OI)(CI)F`],
  };
}

/**
 * The state directory: SYSTEM and Administrators full control; Users may traverse it (and read
 * the folder itself, not its files) so their cookie directory's path resolves.
 */
export function stateDirAclPlan(dir: string): Command {
  return {
    file: 'icacls',
    args: [
      dir,
      '/inheritance:r',
      '/grant:r',
      `*${SYSTEM_SID}:(OI)(CI)F`,
      `*${ADMINISTRATORS_SID}:(OI)(CI)F`,
      `*${USERS_SID}:(X,RD)`,
    ],
  };
}

/** Security event 4688, process creation (WC/wevtutil; XPath over the event's XML). */
const PROCESS_CREATION = 'EventID=4688';

/**
 * Programs started with an elevated token (TokenElevationType %%1937) since `since` (ISO):
 * logged only when "Audit Process Creation" is on (`auditpol /set /subcategory:"Process
 * Creation" /success:enable`), which is not the default. Whose they were is read from the XML.
 */
export function elevatedProcessesPlan(since: string): Command {
  const query = `*[System[(${PROCESS_CREATION}) and TimeCreated[@SystemTime>='${isoTime(since)}']] and EventData[Data[@Name='TokenElevationType']='%%1937']]`;
  return { file: 'wevtutil', args: ['qe', 'Security', `/q:${query}`, '/f:xml'] };
}

/** Any process creation since `since`: none on a busy Windows means the audit is off. */
export function anyProcessCreationPlan(since: string): Command {
  const query = `*[System[(${PROCESS_CREATION}) and TimeCreated[@SystemTime>='${isoTime(since)}']]]`;
  return { file: 'wevtutil', args: ['qe', 'Security', `/q:${query}`, '/c:1', '/f:xml'] };
}

/** Agent-made timestamps only; checked so nothing else reaches the XPath. */
function isoTime(iso: string): string {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(iso))
    throw new Error(`${iso} is not a UTC time.`);
  return iso;
}

/**
 * Whether the built-in Administrator (the local account whose SID ends in -500; its name is
 * localised and often changed) is enabled: True or False.
 */
export function builtinAdministratorEnabledPlan(): Command {
  return powershell(
    "Get-LocalUser | Where-Object { $_.SID.Value -like 'S-1-5-21-*-500' } | ForEach-Object { $_.Enabled }",
  );
}

/** A directory's access list as icacls prints it, to check what the two plans above set. */
export function showAclPlan(dir: string): Command {
  return { file: 'icacls', args: [dir] };
}

/** Group Policy / Intune settings (packaging/windows/policy/elevate.admx). */
export const POLICY_KEY = 'HKLM\\SOFTWARE\\Policies\\Elevate';

export function policyRegistryPlan(): Command {
  return { file: 'reg', args: ['query', POLICY_KEY] };
}
