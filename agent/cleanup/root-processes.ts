/**
 * Root processes left from a person's sudo use. A process counts only if it is root through
 * and through (real, effective and saved uid 0: a setuid program the person merely started is
 * not) and something the person cannot forge ties it to them:
 * - parentage: going up through root ancestors, the first non-root one is a `sudo` whose real
 *   uid is theirs (sudo keeps the caller's real uid, and parents cannot be chosen);
 * - session: its session leader is one of their processes (sessions cannot be joined);
 * - login: its audit login uid is theirs (set at login by pam_loginuid, kept across sudo, not
 *   changeable without CAP_AUDIT_CONTROL).
 * Environment variables such as SUDO_UID are not evidence: anyone can set them on anything.
 * Ending them: SIGTERM, then SIGKILL after a grace period; a process is only signalled while
 * its start time still matches, so a reused pid is never hit.
 */
import { readFile, readdir } from 'node:fs/promises';

export interface RootProcess {
  pid: number;
  command: string;
  /**
   * With the pid, identifies the process across pid reuse: field 22 of /proc/PID/stat on
   * Linux, ps's `lstart` on macOS.
   */
  startTime: string;
}

export interface EndedProcess {
  pid: number;
  command: string;
  ended: boolean;
  signal: 'SIGTERM' | 'SIGKILL' | null;
}

export async function findSudoRootProcesses(
  uid: number,
  procDir = '/proc',
): Promise<RootProcess[]> {
  const names = await readdir(procDir).catch(() => [] as string[]);
  const found: RootProcess[] = [];
  await Promise.all(
    names
      .filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid)
      .map(async (n) => {
        const p = await inspect(procDir, Number(n), uid).catch(() => null);
        if (p) found.push(p);
      }),
  );
  return found.sort((a, b) => a.pid - b.pid);
}

async function inspect(procDir: string, pid: number, uid: number): Promise<RootProcess | null> {
  const ids = await uids(procDir, pid);
  if (!ids || ids.some((id, i) => i < 3 && id !== 0)) return null;
  const stat = await procStat(procDir, pid);
  if (!stat || stat.state === 'Z') return null;
  if (!(await tiedTo(procDir, pid, stat, uid))) return null;
  const cmdline = await readFile(`${procDir}/${pid}/cmdline`, 'utf8').catch(() => '');
  const command = cmdline.split('\0').filter(Boolean).join(' ') || `[${stat.comm}]`;
  return { pid, command, startTime: stat.startTime };
}

/** Real, effective, saved and filesystem uid from /proc/PID/status. */
async function uids(procDir: string, pid: number): Promise<number[] | null> {
  const status = await readFile(`${procDir}/${pid}/status`, 'utf8').catch(() => null);
  const m = status && /^Uid:\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(status);
  return m ? m.slice(1, 5).map(Number) : null;
}

const UNSET_LOGIN_UID = '4294967295';
const MAX_DEPTH = 64;

async function tiedTo(procDir: string, pid: number, stat: ProcStat, uid: number): Promise<boolean> {
  const loginUid = (await readFile(`${procDir}/${pid}/loginuid`, 'utf8').catch(() => '')).trim();
  if (loginUid !== UNSET_LOGIN_UID && loginUid === String(uid)) return true;
  const leader = await uids(procDir, stat.session);
  if (leader && leader[0] === uid) return true;
  // Up through root ancestors to the first that is not root: it must be their sudo.
  let parent = stat.ppid;
  for (let depth = 0; parent > 1 && depth < MAX_DEPTH; depth++) {
    const [ids, ps] = await Promise.all([uids(procDir, parent), procStat(procDir, parent)]);
    if (!ids || !ps) return false;
    if (ids[0] !== 0) return ids[0] === uid && ps.comm === 'sudo';
    parent = ps.ppid;
  }
  return false;
}

interface ProcStat {
  comm: string;
  state: string;
  ppid: number;
  session: number;
  startTime: string;
}

async function procStat(procDir: string, pid: number): Promise<ProcStat | null> {
  const text = await readFile(`${procDir}/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  // comm is in parentheses and may itself hold spaces and ')'; the fields follow the last ')'.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    comm: text.slice(text.indexOf('(') + 1, close),
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    session: Number(fields[3]),
    startTime: fields[19] ?? '',
  };
}

/** Whether the process found is still running: same pid and start time, not a zombie. */
export type IsAlive = (p: RootProcess) => Promise<boolean>;

async function procAlive(p: RootProcess): Promise<boolean> {
  const s = await procStat('/proc', p.pid);
  return !!s && s.state !== 'Z' && s.startTime === p.startTime;
}

function signal(p: RootProcess, sig: 'SIGTERM' | 'SIGKILL'): void {
  try {
    process.kill(p.pid, sig);
  } catch {
    // Gone already (ESRCH): nothing to end.
  }
}

/** Sends SIGTERM now to every process that is still the one found. */
export async function terminate(
  list: RootProcess[],
  alive: IsAlive = procAlive,
): Promise<RootProcess[]> {
  const signalled: RootProcess[] = [];
  for (const p of list) {
    if (await alive(p)) {
      signal(p, 'SIGTERM');
      signalled.push(p);
    }
  }
  return signalled;
}

/** Waits up to `graceMs` for SIGTERMed processes to exit, then SIGKILLs the rest. */
export async function finishEnding(
  list: RootProcess[],
  signalled: RootProcess[],
  graceMs: number,
  alive: IsAlive = procAlive,
): Promise<EndedProcess[]> {
  const deadline = Date.now() + graceMs;
  let remaining = [...signalled];
  // A bounded wait for a handful of processes, not a standing poll: it ends with the grace.
  while (remaining.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    remaining = (
      await Promise.all(remaining.map(async (p) => ((await alive(p)) ? p : null)))
    ).filter((p): p is RootProcess => p !== null);
  }
  const killed = new Set<number>();
  for (const p of remaining) {
    signal(p, 'SIGKILL');
    killed.add(p.pid);
  }
  const killDeadline = Date.now() + 2000;
  let stubborn = [...remaining];
  while (stubborn.length > 0 && Date.now() < killDeadline) {
    await new Promise((r) => setTimeout(r, 50));
    stubborn = (await Promise.all(stubborn.map(async (p) => ((await alive(p)) ? p : null)))).filter(
      (p): p is RootProcess => p !== null,
    );
  }
  const stillAlive = new Set(stubborn.map((p) => p.pid));
  const wasSignalled = new Set(signalled.map((p) => p.pid));
  return list.map((p) => ({
    pid: p.pid,
    command: p.command,
    ended: !stillAlive.has(p.pid),
    signal: killed.has(p.pid) ? 'SIGKILL' : wasSignalled.has(p.pid) ? 'SIGTERM' : null,
  }));
}
