/**
 * Edits ROOT/etc/group and ROOT/etc/gshadow directly where gpasswd cannot: it acts on one line
 * found by name and refuses outright when a name appears twice, so one `sed` by a person who
 * is root during a grant would otherwise keep their membership past its end, or make every
 * later grant fail. Takes a user out of every line that carries a gid (members and group
 * administrators), deletes lines added under a new name, folds duplicate lines into one.
 * Writes follow shadow-utils' lock protocol (FILE.lock holding the locker's pid), so gpasswd,
 * useradd and these edits never interleave, and each file is replaced atomically.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../../store/atomic-file.js';
import { osError } from '../backend.js';
import { parseId } from './etc-group.js';

/** Removes `user` from the lines with `gid`. */
export async function removeMemberFromGid(root: string, user: string, gid: number): Promise<void> {
  const names = new Set<string>();
  await editLocked(
    join(root, 'etc/group'),
    perLine((line) => {
      const f = line.split(':');
      if (f.length < 4 || parseId(f[2]!) !== gid) return line;
      names.add(f[0]!);
      f[3] = without(f[3]!, user);
      return f.join(':');
    }),
  );
  await editLocked(
    join(root, 'etc/gshadow'),
    perLine((line) => {
      const f = line.split(':');
      if (f.length < 4 || !names.has(f[0]!)) return line;
      // A group administrator may add members without being root: that role goes too.
      f[2] = without(f[2]!, user);
      f[3] = without(f[3]!, user);
      return f.join(':');
    }),
  ).catch(ignoreMissing);
}

/**
 * Deletes the lines of ROOT/etc/group named `name` with `gid` (a line added during a grant to
 * carry admin rights under another name), and the gshadow line of that name when no group
 * line keeps it.
 */
export async function removeGroupLines(root: string, name: string, gid: number): Promise<void> {
  const groupPath = join(root, 'etc/group');
  await editLocked(
    groupPath,
    perLine((line) => {
      const f = line.split(':');
      return f.length >= 4 && f[0] === name && parseId(f[2]!) === gid ? null : line;
    }),
  );
  const text = await readFile(groupPath, 'utf8');
  if (!text.split('\n').some((l) => l.startsWith(`${name}:`))) {
    await editLocked(
      join(root, 'etc/gshadow'),
      perLine((line) => (line.split(':')[0] === name ? null : line)),
    ).catch(ignoreMissing);
  }
}

/**
 * Folds every line named `name` into the first one (the members of all of them; in gshadow
 * the administrators too): a second line of a name makes gpasswd refuse that group from then
 * on, so every later grant would fail.
 */
export async function mergeGroupLines(root: string, name: string): Promise<void> {
  await editLocked(join(root, 'etc/group'), (lines) => foldNamed(lines, name, [3]));
  await editLocked(join(root, 'etc/gshadow'), (lines) => foldNamed(lines, name, [2, 3])).catch(
    ignoreMissing,
  );
}

function foldNamed(lines: string[], name: string, listFields: number[]): string[] {
  let first: string[] | null = null;
  const out: (string | string[])[] = [];
  for (const line of lines) {
    const f = line.split(':');
    if (f.length < 4 || f[0] !== name) {
      out.push(line);
    } else if (!first) {
      first = f;
      out.push(f);
    } else {
      for (const i of listFields) {
        const all = [...first[i]!.split(','), ...f[i]!.split(',')].filter(Boolean);
        first[i] = [...new Set(all)].join(',');
      }
    }
  }
  return out.map((l) => (typeof l === 'string' ? l : l.join(':')));
}

function without(list: string, user: string): string {
  return list
    .split(',')
    .filter((m) => m !== user)
    .join(',');
}

/** Machines without gshadow exist; group membership is what sudo and polkit read. */
function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
}

/** Each line as it should be, or null to delete it. */
function perLine(edit: (line: string) => string | null): (lines: string[]) => string[] {
  return (lines) =>
    lines.flatMap((l) => {
      const e = edit(l);
      return e === null ? [] : [e];
    });
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

/** Rewrites `path` as `transform` says, under the file's lock (nothing to do: no lock). */
async function editLocked(path: string, transform: (lines: string[]) => string[]): Promise<void> {
  const first = (await readFile(path, 'utf8')).split('\n');
  if (same(first, transform(first))) return;
  await lock(path); // outside the try: a lock we did not get is not ours to remove
  try {
    // Read again under the lock: another tool may have written between the read and the lock.
    const fresh = (await readFile(path, 'utf8')).split('\n');
    const result = transform(fresh);
    if (same(fresh, result)) return;
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
  } finally {
    await unlink(`${path}.lock`).catch(() => undefined);
  }
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
        throw osError((m) => m.linux.groupFileLocked(path, holder));
      await unlink(`${path}.lock`).catch(() => undefined);
    }
    throw osError((m) => m.linux.groupFileUnlockable(path));
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
