/**
 * Root processes left from a person's sudo use: uid-0 processes whose environment carries
 * sudo's SUDO_UID=<their uid> (sudo sets it for every command it runs, and children inherit
 * it), or whose audit login uid is theirs (set at login by pam_loginuid, kept across sudo and
 * not changeable without CAP_AUDIT_CONTROL). Ending them: SIGTERM, then SIGKILL after a grace
 * period; a process is only signalled while its start time still matches, so a reused pid is
 * never hit.
 */
import { readFile, readdir } from 'node:fs/promises';

export interface RootProcess {
  pid: number;
  command: string;
  /** Field 22 of /proc/PID/stat: with the pid, identifies the process across pid reuse. */
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
  const status = await readFile(`${procDir}/${pid}/status`, 'utf8');
  const uids = /^Uid:\s+(\d+)\s+(\d+)/m.exec(status);
  if (!uids || uids[2] !== '0') return null;
  const stat = await procStat(procDir, pid);
  if (!stat || stat.state === 'Z') return null;
  const loginUid = await readFile(`${procDir}/${pid}/loginuid`, 'utf8').catch(() => '');
  let marked = loginUid.trim() === String(uid);
  if (!marked) {
    const environ = await readFile(`${procDir}/${pid}/environ`).catch(() => Buffer.alloc(0));
    marked = environ.toString('utf8').split('\0').includes(`SUDO_UID=${uid}`);
  }
  if (!marked) return null;
  const cmdline = await readFile(`${procDir}/${pid}/cmdline`, 'utf8').catch(() => '');
  const command = cmdline.split('\0').filter(Boolean).join(' ') || `[${stat.comm}]`;
  return { pid, command, startTime: stat.startTime };
}

async function procStat(
  procDir: string,
  pid: number,
): Promise<{ comm: string; state: string; startTime: string } | null> {
  const text = await readFile(`${procDir}/${pid}/stat`, 'utf8').catch(() => null);
  if (!text) return null;
  // comm is in parentheses and may itself hold spaces and ')'; the fields follow the last ')'.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    comm: text.slice(text.indexOf('(') + 1, close),
    state: fields[0] ?? '',
    startTime: fields[19] ?? '',
  };
}

async function alive(p: RootProcess): Promise<boolean> {
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
export async function terminate(list: RootProcess[]): Promise<RootProcess[]> {
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
