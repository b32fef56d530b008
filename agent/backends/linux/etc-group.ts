/**
 * Reads ROOT/etc/group and ROOT/etc/passwd directly: a file read is far cheaper than
 * spawning `id` or `getent`, and expiry latency depends on how fast restore() runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { osError } from '../backend.js';

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

export async function readGroups(root: string): Promise<GroupEntry[]> {
  const path = join(root, 'etc/group');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw osError((m) => m.linux.groupFileUnreadable(path, code));
  }
  const groups: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    const [name, , gid, members] = line.split(':');
    const id = gid === undefined ? null : parseId(gid);
    if (!name || id === null || name.startsWith('#')) continue;
    groups.push({
      name,
      gid: id,
      members: (members ?? '').split(',').filter((m) => m.length > 0),
    });
  }
  return groups;
}

/**
 * A uid or gid field read the way the C library reads it (strtoul, then the 32-bit id type),
 * so that "00", "+0", " 0" or "-4294967296" are all 0, as they are for login and sudo. An
 * attacker writes ids in whatever form still works; comparing text would miss them.
 * Null when the field holds no number at all (the C library skips such a line).
 */
export function parseId(field: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(field);
  if (!m) return null;
  const ULONG = 1n << 64n;
  let v = BigInt(m[2]!);
  // strtoul saturates on overflow, and negates in unsigned arithmetic.
  if (v >= ULONG) v = ULONG - 1n;
  else if (m[1] === '-') v = (ULONG - v) % ULONG;
  return Number(v & 0xffffffffn);
}

export interface PasswdEntry {
  uid: number;
  gid: number;
}

/** The user's uid and primary gid from ROOT/etc/passwd, or null when the file does not list them. */
export async function readPasswdEntry(root: string, user: string): Promise<PasswdEntry | null> {
  const text = await readFile(join(root, 'etc/passwd'), 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields[0] !== user || fields[3] === undefined) continue;
    const uid = parseId(fields[2] ?? '');
    const gid = parseId(fields[3]);
    if (uid !== null && gid !== null) return { uid, gid };
  }
  return null;
}

/**
 * The admin group: the configured one, else "sudo" (Debian, Ubuntu), else "wheel" (Fedora,
 * Arch), as the group file lists them.
 */
export function findAdminGroup(
  groups: GroupEntry[],
  configured: string | undefined,
  root: string,
): GroupEntry {
  const path = join(root, 'etc/group');
  if (configured) {
    const g = groups.find((x) => x.name === configured);
    if (!g) throw osError((m) => m.linux.noSuchAdminGroup(configured, path));
    return g;
  }
  const g = groups.find((x) => x.name === 'sudo') ?? groups.find((x) => x.name === 'wheel');
  if (!g) throw osError((m) => m.linux.noAdminGroup(path));
  return g;
}
