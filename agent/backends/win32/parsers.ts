/**
 * Reads what the Windows tools print, with plain functions. Windows localises the tools'
 * sentences, so these parsers rely on what does not change with the language: layout
 * (the dashed line of `net`, the columns of `quser`), error numbers, SIDs and exit codes.
 * Fixtures: test/fixtures/win32/ (each cites where its text comes from).
 */

/** winerror.h: ERROR_MEMBER_NOT_IN_ALIAS / ERROR_MEMBER_IN_ALIAS, as `net` reports them. */
export const ERROR_MEMBER_NOT_IN_ALIAS = 1377;
export const ERROR_MEMBER_IN_ALIAS = 1378;
/** NET HELPMSG 3783: "There is no such global user or group: NAME." */
export const NERR_NO_SUCH_USER_OR_GROUP = 3783;
export const ERROR_ACCESS_DENIED = 5;

const nonEmptyLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim().length > 0);

/**
 * The error number `net` reported: "System error 1378 has occurred." (German: "Systemfehler
 * 1378 aufgetreten.") or "… NET HELPMSG 3783." Null when it printed no number.
 */
export function netErrorNumber(output: string): number | null {
  const help = /HELPMSG\s+(\d+)/i.exec(output);
  if (help) return Number(help[1]);
  const first = nonEmptyLines(output)[0] ?? '';
  const numbers = first.match(/\d+/g);
  return numbers ? Number(numbers[numbers.length - 1]) : null;
}

/**
 * Members of `net localgroup NAME`: the lines between the dashed line and the closing
 * sentence ("The command completed successfully.", localised). Members whose SID maps to no
 * account (deleted, or Entra ID groups and roles) are listed as the SID itself.
 */
export function parseNetLocalGroupMembers(stdout: string): string[] {
  const lines = nonEmptyLines(stdout);
  const dashes = lines.findIndex((l) => /^-{10,}$/.test(l.trim()));
  if (dashes < 0) throw new Error('net localgroup printed no member list.');
  return lines
    .slice(dashes + 1, -1)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** `net user`: account names in columns 25 characters wide after the dashed line. */
export function parseNetUserList(stdout: string): string[] {
  const lines = stdout.split(/\r?\n/);
  const dashes = lines.findIndex((l) => /^-{10,}$/.test(l.trim()));
  if (dashes < 0) throw new Error('net user printed no account list.');
  const body = lines.slice(dashes + 1).filter((l) => l.trim().length > 0);
  const names: string[] = [];
  for (const line of body.slice(0, -1)) {
    for (let i = 0; i < line.length; i += 25) {
      const name = line.slice(i, i + 25).trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** The one line PowerShell printed for a Translate() plan. */
export function parseTranslated(stdout: string): string {
  const line = nonEmptyLines(stdout)[0]?.trim();
  if (!line) throw new Error('PowerShell printed nothing.');
  return line;
}

/** "BUILTIN\Administrators" → "Administrators": `net localgroup` wants the bare name. */
export function groupNameOf(account: string): string {
  return account.slice(account.lastIndexOf('\\') + 1);
}

export interface QuserSession {
  /** As quser prints it: the name without the domain, cut to 20 characters. */
  user: string;
  id: string;
  /** Active, Disc… (localised). */
  state: string;
  /** As printed, in the computer's date format; compared, never converted. */
  logonTime: string;
}

/**
 * `quser` rows: " USERNAME  SESSIONNAME  ID  STATE  IDLE TIME  LOGON TIME" (header localised),
 * ">" marks the caller's own session; a disconnected session has no session name.
 */
export function parseQuser(stdout: string): QuserSession[] {
  const lines = nonEmptyLines(stdout).slice(1);
  const sessions: QuserSession[] = [];
  for (const line of lines) {
    const m = /^[ >]?(\S.*?)\s{2,}(?:\S+\s+)?(\d+)\s+(\S+)\s+(\S+)\s+(\S.*)$/.exec(line);
    if (!m) continue;
    sessions.push({ user: m[1]!, id: m[2]!, state: m[3]!, logonTime: m[5]!.trim() });
  }
  return sessions;
}

/** Whether a quser row is the account's: quser shows the name without domain, cut to 20. */
export function quserMatches(row: string, account: string): boolean {
  const bare = account.slice(account.lastIndexOf('\\') + 1).toLowerCase();
  return row.toLowerCase() === bare.slice(0, 20);
}

/** `whoami /user /fo csv /nh` → `"DOMAIN\user","S-1-5-21-…"`: only the SID is read. */
export function parseWhoamiSid(stdout: string): string {
  const m = /"(S-1-[\d-]+)"\s*$/.exec(stdout.trim());
  if (!m) throw new Error('whoami printed no SID.');
  return m[1]!;
}

export interface RegistryValue {
  name: string;
  type: string;
  data: string;
}

/**
 * `reg query KEY`: the key's path, then "    NAME    REG_TYPE    DATA" per value. A key that
 * does not exist is exit 1 with "ERROR: The system was unable to find…" (caller's concern).
 */
export function parseRegQuery(stdout: string): RegistryValue[] {
  const values: RegistryValue[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (m) values.push({ name: m[1]!, type: m[2]!, data: m[3] ?? '' });
  }
  return values;
}

export type AccountLookup =
  | { kind: 'found'; sid: string; name: string; profile: string | null }
  | { kind: 'unknown' }
  | { kind: 'error'; message: string };

/**
 * lookupAccountsPlan's lines, one answer per key in the order asked. A key with no line (the
 * script stopped early) is an error: only IdentityNotMappedException means "no such account".
 */
export function parseAccountLookups(stdout: string, count: number): AccountLookup[] {
  const answers: AccountLookup[] = Array.from({ length: count }, () => ({
    kind: 'error',
    message: 'PowerShell printed no answer',
  }));
  for (const line of stdout.split(/\r?\n/)) {
    const [index, kind, ...rest] = line.replace(/^\uFEFF/, '').split('\t');
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= count || index === '') continue;
    if (kind === 'unknown') answers[i] = { kind: 'unknown' };
    else if (kind === 'error') answers[i] = { kind: 'error', message: rest.join(' ').trim() };
    else if (kind === 'found') {
      const [sid, name, profile] = rest.map((f) => f.trim());
      if (!sid || !/^S-1-[\d-]+$/.test(sid) || !name) continue;
      answers[i] = { kind: 'found', sid, name, profile: profile || null };
    }
  }
  return answers;
}
