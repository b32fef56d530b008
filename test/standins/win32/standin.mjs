#!/usr/bin/env node
// STAND-IN for Windows tools (net, powershell, quser, logoff, reg, whoami, ...), for tests on Linux only; never
// shipped. It replays the outputs recorded in test/fixtures/win32/ (see their sources) against a
// pretend machine kept in $ELEVATE_WIN32_STANDIN_DIR/machine.json:
// { language: "en"|"de", computerName, accounts: {NAME: SID}, administrators: [NAME|SID],
//   sessions: [{user, id, logonTime}], denyChanges?: boolean, policies?: {NAME: [TYPE, DATA]} }
//   acls?: {PATH: [[SID, RIGHTS, inherited?]]}, icaclsDenied?: boolean, builtinAdminEnabled?,
//   processEvents?: [{recordId, at, subjectSid, targetSid, elevation, name, commandLine, parent}]
//   (Security event 4688; none at all means "Audit Process Creation" is off),
//   noProfile?: [NAME] (no profile here), domainUnreachable?: boolean,
//   groups?: {NAME: {sid, members}} (groups.mjs), signedIn?: NAME (whom whoami answers for) }
// Every call is appended to calls.log there, so tests see what the agent ran.
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupMemberships, localGroupName } from './groups.mjs';

const dir = process.env.ELEVATE_WIN32_STANDIN_DIR;
if (!dir) {
  process.stderr.write('stand-in: ELEVATE_WIN32_STANDIN_DIR is not set\n');
  process.exit(99);
}
const [tool, ...args] = process.argv.slice(2);
const file = join(dir, 'machine.json');
const machine = JSON.parse(readFileSync(file, 'utf8'));
appendFileSync(join(dir, 'calls.log'), JSON.stringify([tool, ...args]) + '\n');

const de = machine.language === 'de';
const DASHES = '-'.repeat(79);
const DONE = de
  ? 'Der Befehl wurde erfolgreich ausgeführt.'
  : 'The command completed successfully.';
const GROUP = de ? 'Administratoren' : 'Administrators';
const BUILTIN = de ? 'VORDEFINIERT' : 'BUILTIN';

const save = () => {
  writeFileSync(file + '.tmp', JSON.stringify(machine, null, 2));
  renameSync(file + '.tmp', file);
};
const out = (text, code = 0) => {
  process.stdout.write(text.replace(/\n/g, '\r\n'));
  process.exit(code);
};
const fail = (text, code = 2) => {
  process.stderr.write(text.replace(/\n/g, '\r\n'));
  process.exit(code);
};
const systemError = (n, message) =>
  fail(
    de
      ? `Systemfehler ${n} aufgetreten.\n\n${message}\n\n`
      : `System error ${n} has occurred.\n\n${message}\n\n`,
  );
// net lists local accounts without the computer name.
const canonical = (name) => {
  const lower = name.toLowerCase();
  const i = lower.indexOf('\\');
  if (i < 0) return lower;
  const d = lower.slice(0, i);
  return d === '.' || d === machine.computerName.toLowerCase() ? lower.slice(i + 1) : lower;
};
const known = (name) => Object.keys(machine.accounts).find((a) => canonical(a) === canonical(name));

function net() {
  if (args[0] === 'user' && args.length === 1) {
    const locals = Object.keys(machine.accounts).filter((a) => !a.includes('\\'));
    const rows = [];
    for (let i = 0; i < locals.length; i += 3)
      rows.push(
        locals
          .slice(i, i + 3)
          .map((n) => n.padEnd(25))
          .join(''),
      );
    out(
      `\nUser accounts for \\\\${machine.computerName}\n\n${DASHES}\n${rows.join('\n')}\n${DONE}\n\n`,
    );
  }
  if (args[0] !== 'localgroup') fail('stand-in: unsupported net command\n', 1);
  // Administrators, or a local group of machine.groups (groups.mjs).
  const local = localGroupName(machine, args[1]);
  if (args[1] !== GROUP && !local) systemError(1376, 'The specified local group does not exist.');
  const members = local ? machine.groups[local].members : machine.administrators;
  if (args.length === 2) {
    const comment = local
      ? ''
      : de
        ? 'Administratoren haben uneingeschränkten Vollzugriff auf den Computer bzw. die Domäne.'
        : 'Administrators have complete and unrestricted access to the computer/domain';
    const header = de
      ? `Aliasname     ${local ?? GROUP}\nBeschreibung  ${comment}\n\nMitglieder\n\n`
      : `Alias name     ${local ?? GROUP}\nComment        ${comment}\n\nMembers\n\n`;
    out(`${header}${DASHES}\n${members.map((m) => m + '\n').join('')}${DONE}\n\n`);
  }
  const [, , user, op] = args;
  if (machine.denyChanges) systemError(5, de ? 'Zugriff verweigert' : 'Access is denied.');
  const account = known(user);
  if (!account)
    fail(
      `There is no such global user or group: ${user}.\n\nMore help is available by typing NET HELPMSG 3783.\n\n`,
    );
  const display = account.includes('\\') ? account : canonical(account);
  const at = members.findIndex((m) => canonical(m) === canonical(account));
  if (op === '/add') {
    if (at >= 0)
      systemError(
        1378,
        de
          ? 'Der angegebene Kontoname ist bereits ein Mitglied der Gruppe.'
          : 'The specified account name is already a member of the group.',
      );
    members.push(display);
  } else if (op === '/delete') {
    if (at < 0) systemError(1377, 'The specified account name is not a member of the group.');
    members.splice(at, 1);
  } else fail('stand-in: unsupported net localgroup operation\n', 1);
  save();
  out(`${DONE}\n\n`);
}

// The user directory's batch (lookupAccountsPlan): name or SID → SID, the name Windows prints,
// the profile folder. machine.noProfile: names that never logged on here (or groups);
// machine.domainUnreachable: CONTOSO accounts fail as with no domain controller in reach.
function lookupAccounts(script) {
  const list = /\$keys = @\(((?:'(?:[^']|'')*',?)*)\);/.exec(script);
  if (!list) fail('stand-in: unreadable account lookup\n', 1);
  const keys = [...list[1].matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
  const wellKnownSid = (name) =>
    Object.keys(WELL_KNOWN).find((sid) => WELL_KNOWN[sid].toLowerCase() === name.toLowerCase());
  const nameOf = (sid) => {
    if (WELL_KNOWN[sid]) return WELL_KNOWN[sid];
    const a = Object.keys(machine.accounts).find((n) => machine.accounts[n] === sid);
    return a && (a.includes('\\') ? a : `${machine.computerName}\\${a}`);
  };
  const lines = keys.map((key, i) => {
    const sid = /^S-1-[0-9-]+$/.test(key)
      ? key
      : (machine.accounts[known(key)] ?? wellKnownSid(key));
    const name = sid && nameOf(sid);
    if (!name) return `${i}\tunknown`;
    if (machine.domainUnreachable && /^contoso\\/i.test(name))
      return `${i}\terror\tThe trust relationship between this workstation and the primary domain failed.`;
    const noProfile = (machine.noProfile ?? []).some((n) => canonical(n) === canonical(name));
    const person = /^S-1-(5-21|12-1)-/.test(sid) && !noProfile;
    const bare = name.slice(name.indexOf('\\') + 1).replace(/@.*/, '');
    const profile =
      sid === 'S-1-5-18'
        ? 'C:\\WINDOWS\\system32\\config\\systemprofile'
        : person
          ? `C:\\Users\\${bare}`
          : '';
    return `${i}\tfound\t${sid}\t${name}\t${profile}`;
  });
  out(lines.join('\n') + '\n');
}

function powershell() {
  const script = args[args.indexOf('-Command') + 1] ?? '';
  if (script.includes('ProfileList') && script.includes('$keys = @(')) lookupAccounts(script);
  if (script.includes('WindowsIdentity') && script.includes('$sids = @(')) {
    const json = groupMemberships(script, machine, { canonical, wellKnown: WELL_KNOWN, de });
    if (json) out(json + '\n');
  }
  const unquote = (s) => s.replace(/''/g, "'");
  const toName = /\[Security\.Principal\.SecurityIdentifier\]'((?:[^']|'')*)'\)\.Translate/.exec(
    script,
  );
  if (toName) {
    const sid = unquote(toName[1]);
    if (WELL_KNOWN[sid]) out(`${WELL_KNOWN[sid]}\n`);
    const name = Object.keys(machine.accounts).find((a) => machine.accounts[a] === sid);
    if (!name) process.exit(2);
    out(`${name.includes('\\') ? name : `${machine.computerName}\\${name}`}\n`);
  }
  const toSid = /\[Security\.Principal\.NTAccount\]'((?:[^']|'')*)'\)\.Translate/.exec(script);
  if (toSid) {
    const account = known(unquote(toSid[1]));
    if (!account) process.exit(2);
    if (script.includes('$s.Translate('))
      out(
        `${machine.accounts[account]}\n${account.includes('\\') ? account : `${machine.computerName}\\${account}`}\n`,
      );
    out(`${machine.accounts[account]}\n`);
  }
  if (script.includes('Get-LocalUser') && script.includes("-like 'S-1-5-21-*-500'"))
    out(`${machine.builtinAdminEnabled ? 'True' : 'False'}\n`);
  fail('stand-in: unsupported PowerShell script\n', 1);
}

function quser() {
  if (machine.sessions.length === 0)
    fail(de ? 'Kein Benutzer für * vorhanden\n' : 'No User exists for *\n', 1);
  const rows = machine.sessions.map(
    (s) =>
      ` ${s.user.slice(0, 20).padEnd(22)}${'console'.padEnd(19)}${String(s.id).padStart(2)}  ${'Active'.padEnd(8)}${'none'.padStart(8)}  ${s.logonTime}`,
  );
  out(
    ` USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\n${rows.join('\n')}\n`,
  );
}

function logoff() {
  const at = machine.sessions.findIndex((s) => String(s.id) === args[0]);
  if (at < 0) fail(`Invalid session identifier ${args[0]}\n`, 1);
  machine.loggedOff = [...(machine.loggedOff ?? []), machine.sessions[at]];
  machine.sessions.splice(at, 1);
  save();
  process.exit(0);
}

// `reg query HKLM\SOFTWARE\Policies\Elevate`: machine.policies is {NAME: [REG_TYPE, DATA]}.
function reg() {
  const policies = Object.entries(machine.policies ?? {});
  if (args[0] !== 'query' || policies.length === 0)
    fail('ERROR: The system was unable to find the specified registry key or value.\n', 1);
  const lines = policies.map(([name, [type, data]]) => `    ${name}    ${type}    ${data}`);
  out(`\n${args[1].replace(/^HKLM/, 'HKEY_LOCAL_MACHINE')}\n${lines.join('\n')}\n\n`);
}

// icacls DIR [/inheritance:r] [/grant:r *SID:(FLAGS)RIGHTS ...] and `icacls DIR` (layout of
// test/fixtures/win32/icacls-*.json). A path never set shows the entries a new folder under
// C:\ProgramData inherits; explicit entries stay until a /grant:r for the same SID.
const WELL_KNOWN = {
  'S-1-5-18': 'NT AUTHORITY\\SYSTEM',
  'S-1-5-32-544': `${BUILTIN}\\${GROUP}`,
  'S-1-5-32-545': de ? 'VORDEFINIERT\\Benutzer' : 'BUILTIN\\Users',
  'S-1-1-0': de ? 'Jeder' : 'Everyone',
  'S-1-5-11': de ? 'NT-AUTORITÄT\\Authentifizierte Benutzer' : 'NT AUTHORITY\\Authenticated Users',
};
const INHERITED = [
  ['S-1-5-18', '(OI)(CI)(F)', true],
  ['S-1-5-32-544', '(OI)(CI)(F)', true],
  ['S-1-5-32-545', '(OI)(CI)(RX)', true],
];
function icacls() {
  const [path, ...ops] = args;
  if (machine.icaclsDenied) {
    process.stdout.write('Successfully processed 0 files; Failed processing 1 files\r\n');
    fail(`${path}: Access is denied.\n`, 5);
  }
  machine.acls ??= {};
  let acl = machine.acls[path] ?? INHERITED;
  if (ops.length === 0) {
    const nameOf = (sid) => {
      if (WELL_KNOWN[sid]) return WELL_KNOWN[sid];
      const name = Object.keys(machine.accounts).find((a) => machine.accounts[a] === sid);
      if (!name) return sid;
      return name.includes('\\') ? name : `${machine.computerName}\\${name}`;
    };
    const lines = acl.map(
      ([sid, rights, inherited]) => `${nameOf(sid)}:${inherited ? '(I)' : ''}${rights}`,
    );
    const pad = ' '.repeat(path.length + 1);
    out(
      `${path} ${lines.map((l, i) => (i ? pad + l : l)).join('\n')}\n\nSuccessfully processed 1 files; Failed processing 0 files\n`,
    );
  }
  for (let i = 0; i < ops.length; i++) {
    if (ops[i] === '/inheritance:r') acl = acl.filter(([, , inherited]) => !inherited);
    else if (ops[i] === '/grant:r') {
      while (ops[i + 1]?.startsWith('*')) {
        const m = /^\*(S-[\d-]+):((?:\([A-Z]+\))*)([A-Z,()]+)$/.exec(ops[++i]);
        if (!m) fail(`Invalid parameter "${ops[i]}"\n`, 87);
        const rights = m[3].startsWith('(') ? m[3] : `(${m[3]})`;
        acl = [...acl.filter(([sid]) => sid !== m[1]), [m[1], `${m[2]}${rights}`, false]];
      }
    } else fail(`stand-in: unsupported icacls option ${ops[i]}\n`, 1);
  }
  machine.acls[path] = acl;
  save();
  out(`processed file: ${path}\nSuccessfully processed 1 files; Failed processing 0 files\n`);
}

// wevtutil qe Security /q:XPATH [/c:N] /f:xml: the 4688 events since the query's time, in the
// layout of test/fixtures/win32/wevtutil-4688.json; only elevated ones when the query asks.
function wevtutil() {
  const query = args.find((a) => a.startsWith('/q:')) ?? '';
  const since = /@SystemTime>='([^']+)'/.exec(query)?.[1] ?? '';
  const count = Number(args.find((a) => a.startsWith('/c:'))?.slice(3) ?? Infinity);
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const events = (machine.processEvents ?? [])
    .filter((e) => e.at >= since)
    .filter((e) => !query.includes('TokenElevationType') || e.elevation === '%%1937')
    .slice(0, count)
    .map(
      (e) =>
        `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4688</EventID><Version>2</Version><Level>0</Level><Task>13312</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='${e.at}'/><EventRecordID>${e.recordId}</EventRecordID><Correlation/><Execution ProcessID='4' ThreadID='100'/><Channel>Security</Channel><Computer>${machine.computerName}</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>${e.subjectSid}</Data><Data Name='NewProcessName'>${esc(e.name)}</Data><Data Name='TokenElevationType'>${e.elevation}</Data><Data Name='CommandLine'>${esc(e.commandLine)}</Data><Data Name='TargetUserSid'>${e.targetSid}</Data><Data Name='ParentProcessName'>${esc(e.parent)}</Data></EventData></Event>`,
    );
  out(events.map((e) => e + '\n').join(''));
}

// whoami /user /fo csv /nh: the signed-in account, as test/fixtures/win32/whoami-user-csv.json.
function whoami() {
  if (args.join(' ') !== '/user /fo csv /nh') fail(`stand-in: unsupported whoami ${args}\n`, 1);
  const name = machine.signedIn;
  const shown = name.includes('\\') ? name : `${machine.computerName}\\${name}`;
  out(`"${shown.toLowerCase()}","${machine.accounts[name]}"\n`);
}

const tools = { net, powershell, quser, logoff, reg, icacls, wevtutil, whoami };
if (!tools[tool]) fail(`stand-in: unknown tool ${tool}\n`, 1);
tools[tool]();
