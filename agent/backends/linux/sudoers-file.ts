/**
 * Writes and removes files in sudoers.d so that sudo never sees a half-written or invalid
 * file: an invalid sudoers.d file makes sudo refuse everyone, locking admins out too.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../../store/atomic-file.js';
import { osError } from '../backend.js';
import { runCommand, toolMessage } from '../run-command.js';

/** The file's content, or null when it does not exist. */
export async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw osError((m) => m.linux.sudoersUnreadable(path, code));
  }
}

/**
 * Replaces dir/name with `content`: a temp file whose name sudo ignores (it has a '.'),
 * mode 0440 root:root, fsynced, checked with `visudo -c -f`, then renamed over the target.
 * On any failure the temp file is removed and the target is left as it was.
 */
export async function writeSudoersFile(dir: string, name: string, content: string): Promise<void> {
  const target = join(dir, name);
  const tmp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', 0o440);
    try {
      await fh.chown(0, 0);
      // open()'s mode is filtered by the umask; sudo wants exactly 0440.
      await fh.chmod(0o440);
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw osError((m) => m.linux.sudoersUnwritable(target, code));
  }
  const check = await runCommand('visudo', ['-c', '-f', tmp]);
  if (check.code !== 0) {
    await unlink(tmp).catch(() => undefined);
    const why = toolMessage('visudo', check).split(tmp).join(target);
    throw osError((m) => m.linux.visudoRefused(target, why));
  }
  try {
    await rename(tmp, target);
    await fsyncDir(dir);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw osError((m) => m.linux.sudoersUnreplaceable(target, code));
  }
}

/** Removes dir/name; a file already gone is fine. */
export async function removeSudoersFile(dir: string, name: string): Promise<void> {
  const target = join(dir, name);
  try {
    await unlink(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw osError((m) => m.linux.sudoersUnremovable(target, code));
  }
  await fsyncDir(dir).catch(() => undefined);
}
