/**
 * How many login sessions a person has now, for revokeAt "logout". Where systemd-logind runs
 * (ROOT/run/systemd/system exists, as sd_booted(3) checks) its per-user file
 * /run/systemd/users/UID is the truth; elsewhere the utmp file /run/utmp (see utmp(5)).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** utmp(5) on Linux (glibc, 64-bit and 32-bit alike): 384-byte records. */
const UTMP_RECORD = 384;
const USER_PROCESS = 7;

export interface UtmpEntry {
  type: number;
  pid: number;
  line: string;
  user: string;
}

export function parseUtmp(buf: Buffer): UtmpEntry[] {
  const out: UtmpEntry[] = [];
  for (let off = 0; off + UTMP_RECORD <= buf.length; off += UTMP_RECORD) {
    out.push({
      type: buf.readInt32LE(off),
      pid: buf.readInt32LE(off + 4),
      line: cString(buf, off + 8, 32),
      user: cString(buf, off + 44, 32),
    });
  }
  return out;
}

/**
 * logind's /run/systemd/users/UID (written by user_save() in systemd's logind-user.c):
 * KEY=VALUE lines; ONLINE_SESSIONS lists the sessions not yet closing (older versions only
 * write SESSIONS).
 */
export function parseLogindUser(text: string): number {
  return logindUserSessions(text).length;
}

/** The session ids in that file (ONLINE_SESSIONS, else SESSIONS). */
export function logindUserSessions(text: string): string[] {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  const list = vars.get('ONLINE_SESSIONS') ?? vars.get('SESSIONS') ?? '';
  return list.split(/\s+/).filter(Boolean);
}

export type SessionSource = 'logind' | 'utmp';

/** Counts the person's login sessions under `root`; null when neither source can be read. */
export async function countLoginSessions(
  root: string,
  account: { name: string; uid: number },
): Promise<{ source: SessionSource; sessions: number } | null> {
  if (await exists(join(root, 'run/systemd/system'))) {
    const text = await readFile(join(root, 'run/systemd/users', String(account.uid)), 'utf8').catch(
      (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : null),
    );
    return text === null ? null : { source: 'logind', sessions: parseLogindUser(text) };
  }
  for (const path of ['run/utmp', 'var/run/utmp']) {
    const buf = await readFile(join(root, path)).catch(() => null);
    if (!buf) continue;
    const live = await Promise.all(
      parseUtmp(buf)
        .filter((e) => e.type === USER_PROCESS && e.user === account.name)
        // A crash can leave a record behind; only a running login process counts (the pids
        // are this kernel's, whatever the root).
        .map((e) => exists(join('/proc', String(e.pid)))),
    );
    return { source: 'utmp', sessions: live.filter(Boolean).length };
  }
  return null;
}

function cString(buf: Buffer, off: number, len: number): string {
  const raw = buf.subarray(off, off + len);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? len : nul).toString('utf8');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
