/**
 * Reads what the directory tools print, as plain functions over recorded results. Each
 * reading names the source line that prints it (apple-oss-distributions/DSTools); the
 * fixtures under test/fixtures/darwin/ are those outputs.
 */
import { parsePlistXml } from '../../shared/plist-xml.js';
import type { CommandResult } from '../run-command.js';

const STANDARD_PREFIX = 'dsAttrTypeStandard:';

export type DsclRead = { found: true; attributes: Record<string, string[]> } | { found: false };

/**
 * dscl prints "<dscl_cmd> DS Error: -14136 (eDSRecordNotFound)" on stderr and exits with
 * -status truncated to 8 bits, 56 (dscl.m, end of the command dispatch).
 */
export function isRecordNotFound(result: CommandResult): boolean {
  return result.code !== 0 && /eDSRecordNotFound|-14136/.test(result.stderr + result.stdout);
}

/**
 * `dscl -plist . -read PATH ATTR...`: a dict of "dsAttrTypeStandard:NAME" → array of strings
 * (PathItem.m printDictionary with gPlistMode, CFPropertyListCreateXMLData). Attributes the
 * record lacks are simply absent. Keys come back without the prefix.
 */
export function parseDsclRead(result: CommandResult): DsclRead {
  if (isRecordNotFound(result)) return { found: false };
  if (result.code !== 0) throw new Error(describe('dscl', result));
  const value = plistOf(result);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('dscl printed a property list that is not a record');
  return { found: true, attributes: attributesOf(value) };
}

/**
 * `dscl -plist . -readall /TYPE ATTR...`: an array of record dicts, each as -read prints it
 * (read that way by public scripts: `dscl -plist . -readall /Users RecordName UniqueID`).
 * RecordName may hold aliases after the short name.
 */
export function parseDsclReadAll(result: CommandResult): Record<string, string[]>[] {
  if (result.code !== 0) throw new Error(describe('dscl', result));
  const value = plistOf(result);
  if (!Array.isArray(value)) throw new Error('dscl printed a property list that is not a list');
  return value
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    .map(attributesOf);
}

function plistOf(result: CommandResult): unknown {
  try {
    return parsePlistXml(result.stdout);
  } catch (err) {
    throw new Error(
      `dscl printed something that is not a property list (${(err as Error).message})`,
    );
  }
}

function attributesOf(value: object): Record<string, string[]> {
  const attributes: Record<string, string[]> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = key.startsWith(STANDARD_PREFIX) ? key.slice(STANDARD_PREFIX.length) : key;
    const list = Array.isArray(v) ? v : [v];
    attributes[name] = list.filter((x): x is string => typeof x === 'string');
  }
  return attributes;
}

export type Membership = 'member' | 'not-member' | 'no-such-user';

/**
 * `dsmemberutil checkmembership -U USER -G GROUP` (dsmbrutil.c checkmembership): exit 0 with
 * "user is a member of the group" / "user is not a member of the group"; "User not found" /
 * "Group not found" with exit 7 (EXISTENCE) for unknown names.
 */
export function parseCheckMembership(result: CommandResult): Membership {
  const out = result.stdout.trim();
  if (result.code === 0 && out === 'user is a member of the group') return 'member';
  if (result.code === 0 && out === 'user is not a member of the group') return 'not-member';
  if (result.code === 7 && /User not found/.test(out)) return 'no-such-user';
  throw new Error(describe('dsmemberutil', result));
}

export type EditOutcome = 'done' | 'no-such-record' | { error: string };

/**
 * `dseditgroup -o edit -a|-d USER -t user GROUP` (dseditgroup.c): exit 0 and no output when
 * done; "Record was not found." (eDSRecordNotFound, -14136 → exit 200) for an unknown member;
 * "Group not found." (EX_USAGE 64) for an unknown group; "Could not add/remove member from
 * group." with the Open Directory error otherwise.
 */
export function parseEdit(result: CommandResult): EditOutcome {
  if (result.code === 0 && !result.failure) return 'done';
  if (/Record was not found/.test(result.stdout + result.stderr)) return 'no-such-record';
  return { error: describe('dseditgroup', result) };
}

export interface UidEntry {
  name: string;
  uid: number;
}

/** `dscl . -list /Users UniqueID`: one "name   uid" line per account, padded with spaces. */
export function parseUidList(stdout: string): UidEntry[] {
  const out: UidEntry[] = [];
  for (const { name, value } of parseAttributeList(stdout)) {
    if (/^-?\d+$/.test(value)) out.push({ name, uid: Number(value) });
  }
  return out;
}

/**
 * `dscl . -list /TYPE ATTR`: "name<spaces>value" per record (values of a multi-valued
 * attribute separated by spaces); a record without the attribute prints its name alone and
 * is left out.
 */
export function parseAttributeList(stdout: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(\S+)\s+(\S.*?)\s*$/.exec(line);
    if (m) out.push({ name: m[1]!, value: m[2]! });
  }
  return out;
}

/** A tool's own words as one sentence fragment (stderr, else stdout; no trailing period). */
export function describe(tool: string, result: CommandResult): string {
  if (result.failure) return result.failure;
  const text = (result.stderr.trim() || result.stdout.trim())
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('; ')
    .replace(/[.\s]+$/, '');
  return text ? `${tool}: ${text}` : `${tool} exited with status ${result.code}`;
}
