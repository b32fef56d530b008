/**
 * Reads ROOT/etc/group and ROOT/etc/passwd directly: a file read is far cheaper than
 * spawning `id` or `getent`, and expiry latency depends on how fast restore() runs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OsCommandError } from '../backend.js';

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
    throw new OsCommandError(
      `The group file ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  const groups: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    const [name, , gid, members] = line.split(':');
    if (!name || gid === undefined || name.startsWith('#')) continue;
    groups.push({
      name,
      gid: Number(gid),
      members: (members ?? '').split(',').filter((m) => m.length > 0),
    });
  }
  return groups;
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
    if (fields[0] === user && fields[3] !== undefined)
      return { uid: Number(fields[2]), gid: Number(fields[3]) };
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
    if (!g)
      throw new OsCommandError(
        `The admin group '${configured}' set in the policy does not exist in ${path}.`,
      );
    return g;
  }
  const g = groups.find((x) => x.name === 'sudo') ?? groups.find((x) => x.name === 'wheel');
  if (!g)
    throw new OsCommandError(
      `${path} has neither a 'sudo' nor a 'wheel' group; set adminGroup in the policy.`,
    );
  return g;
}
