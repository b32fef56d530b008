/**
 * Takes a user out of every line of ROOT/etc/group that carries a gid, and out of the matching
 * lines of ROOT/etc/gshadow (members and group administrators), by editing the files directly.
 * gpasswd acts on one line found by name and refuses outright when a name appears twice, so one
 * `sed` by a person who is root during a grant would otherwise keep their membership past its
 * end. Writes follow shadow-utils' lock protocol (FILE.lock holding the locker's pid), so
 * gpasswd, useradd and this edit never interleave, and each file is replaced atomically.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../../store/atomic-file.js';
import { OsCommandError } from '../backend.js';
import { parseId } from './etc-group.js';

/** Removes `user` from the lines with `gid`; returns how many lines changed in each file. */
export async function removeMemberFromGid(
  root: string,
  user: string,
  gid: number,
): Promise<{ group: number; gshadow: number }> {
  const groupPath = join(root, 'etc/group');
  const gshadowPath = join(root, 'etc/gshadow');
  const names = new Set<string>();
  const group = await editLocked(groupPath, (line) => {
    const f = line.split(':');
    if (f.length < 4 || parseId(f[2]!) !== gid) return line;
    names.add(f[0]!);
    f[3] = without(f[3]!, user);
    return f.join(':');
  });
  const gshadow = await editLocked(gshadowPath, (line) => {
    const f = line.split(':');
    if (f.length < 4 || !names.has(f[0]!)) return line;
    // A group administrator may add members without being root: that role goes too.
    f[2] = without(f[2]!, user);
    f[3] = without(f[3]!, user);
    return f.join(':');
  }).catch((err: unknown) => {
    // Machines without gshadow exist; group membership is what sudo and polkit read.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  });
  return { group, gshadow };
}

/**
 * Deletes the lines of ROOT/etc/group named `name` with `gid` (a line added during a grant to
 * carry admin rights under another name), and the gshadow line of that name when no group
 * line keeps it. Returns how many group lines went.
 */
export async function removeGroupLines(root: string, name: string, gid: number): Promise<number> {
  const groupPath = join(root, 'etc/group');
  const removed = await editLocked(groupPath, (line) => {
    const f = line.split(':');
    return f.length >= 4 && f[0] === name && parseId(f[2]!) === gid ? null : line;
  });
  const left = (await readFile(groupPath, 'utf8'))
    .split('\n')
    .some((l) => l.startsWith(`${name}:`));
  if (!left) {
    await editLocked(join(root, 'etc/gshadow'), (line) =>
      line.split(':')[0] === name ? null : line,
    ).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
  }
  return removed;
}

function without(list: string, user: string): string {
  return list
    .split(',')
    .filter((m) => m !== user)
    .join(',');
}

/** `edit` returns the line as it should be, or null to delete it; returns lines changed. */
async function editLocked(path: string, edit: (line: string) => string | null): Promise<number> {
  if (applyEdit((await readFile(path, 'utf8')).split('\n'), edit).changed === 0) return 0;
  await lock(path); // outside the try: a lock we did not get is not ours to remove
  try {
    // Read again under the lock: another tool may have written between the read and the lock.
    const { lines: result, changed } = applyEdit((await readFile(path, 'utf8')).split('\n'), edit);
    const info = await stat(path);
    const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.elevate-tmp`);
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.chown(info.uid, info.gid);
      await fh.chmod(info.mode & 0o7777);
      await fh.writeFile(result.join('\n'));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path).catch(async (err: unknown) => {
      await unlink(tmp).catch(() => undefined);
      throw err;
    });
    await fsyncDir(dirname(path));
    return changed;
  } finally {
    await unlink(`${path}.lock`).catch(() => undefined);
  }
}

function applyEdit(
  lines: string[],
  edit: (line: string) => string | null,
): { lines: string[]; changed: number } {
  const out: string[] = [];
  let changed = 0;
  for (const line of lines) {
    const e = edit(line);
    if (e !== line) changed++;
    if (e !== null) out.push(e);
  }
  return { lines: out, changed };
}

/**
 * shadow-utils' lock: write our pid to FILE.PID, hard-link it to FILE.lock (atomic, fails if
 * held). A lock whose pid no longer runs is stale and is taken over, as the tools do.
 */
async function lock(path: string): Promise<void> {
  const mine = `${path}.${process.pid}`;
  await writeFile(mine, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(mine, `${path}.lock`);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = Number((await readFile(`${path}.lock`, 'utf8').catch(() => '')).trim());
      if (holder > 0 && running(holder))
        throw new OsCommandError(
          `${path} is locked by process ${holder} (${path}.lock); the agent will try again.`,
        );
      await unlink(`${path}.lock`).catch(() => undefined);
    }
    throw new OsCommandError(`${path} could not be locked; the agent will try again.`);
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
