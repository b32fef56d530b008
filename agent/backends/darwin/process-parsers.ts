/**
 * Reads what `ps` prints (adv_cmds ps/keyword.c, ps(1): https://manp.gs/mac/1/ps), and picks
 * the root processes a person's sudo left, as plain functions over the output. The fixture
 * test/fixtures/darwin/ps-process-table.json is that output.
 */
import { basename } from 'node:path';

export interface PsProcess {
  pid: number;
  ppid: number;
  /** Effective, real and saved uid. */
  uid: number;
  ruid: number;
  svuid: number;
  state: string;
  /** Controlling terminal ("ttys003"; procps "pts/3"); null for none ("??", procps "?"). */
  tty: string | null;
  /** `lstart`, spaces collapsed: with the pid, names the process across pid reuse. */
  started: string;
  /** The executable (macOS prints its path; procps its name). */
  comm: string;
}

/** ctime-style "Mon Nov 30 20:38:11 2026" (%e pads the day with a space). */
const LSTART = String.raw`[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}`;
const ROW = new RegExp(
  String.raw`^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s+(${LSTART})\s+(.*?)\s*$`,
);

/** `ps -A -ww -o pid=,ppid=,uid=,ruid=,svuid=,state=,tty=,lstart=,comm=`. */
export function parseProcessTable(stdout: string): PsProcess[] {
  const out: PsProcess[] = [];
  for (const line of stdout.split('\n')) {
    const m = ROW.exec(line);
    if (!m) continue;
    out.push({
      pid: Number(m[1]),
      ppid: Number(m[2]),
      uid: Number(m[3]),
      ruid: Number(m[4]),
      svuid: Number(m[5]),
      state: m[6]!,
      tty: /^(\?+|-)$/.test(m[7]!) ? null : m[7]!,
      started: m[8]!.replace(/\s+/g, ' '),
      comm: m[9]!,
    });
  }
  return out;
}

/** `ps -o state=,lstart= -p PID`: the start time, or null when gone or a zombie. */
export function parseProcessStart(stdout: string): string | null {
  const m = new RegExp(String.raw`^\s*(\S+)\s+(${LSTART})\s*$`).exec(stdout.trim());
  if (!m || m[1]!.startsWith('Z')) return null;
  return m[2]!.replace(/\s+/g, ' ');
}

/** `ps -ww -o pid=,command= -p PIDS`: pid → command line. */
export function parseCommandLines(stdout: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of stdout.split('\n')) {
    const m = /^\s*(\d+)\s+(.*?)\s*$/.exec(line);
    if (m) out.set(Number(m[1]), m[2]!);
  }
  return out;
}

const MAX_DEPTH = 64;

/**
 * Root through and through (real, effective, saved uid 0: a setuid program the person merely
 * started is not), not a zombie, and tied to the person:
 * - by parentage: going up through root ancestors, the first that is not root is a `sudo`
 *   whose real uid is theirs (sudo keeps the caller's real uid; parents cannot be chosen);
 * - or, having left sudo's tree (every ancestor root up to launchd, as after `sudo sh -c
 *   'nohup job &'` once sudo exits), by its controlling terminal: the person's terminal,
 *   i.e. the first process on it (lowest pid) whose real uid is not root is theirs. macOS ps
 *   has no login uid, so a job that also left the terminal (setsid, a LaunchDaemon) is not
 *   found here; the LaunchDaemon part of the inventory covers the lasting kind.
 * Only root can give a process another person's terminal, so neither tie can be forged by
 * another user.
 */
export function sudoRootProcesses(table: PsProcess[], uid: number, self?: number): PsProcess[] {
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const isRoot = (p: PsProcess): boolean => p.uid === 0 && p.ruid === 0 && p.svuid === 0;
  const ttyOwner = new Map<string, number>();
  for (const p of [...table].sort((a, b) => a.pid - b.pid)) {
    if (p.tty && p.ruid !== 0 && !ttyOwner.has(p.tty)) ttyOwner.set(p.tty, p.ruid);
  }
  return table.filter((p) => {
    if (p.pid === self || !isRoot(p) || p.state.startsWith('Z')) return false;
    let parent = byPid.get(p.ppid);
    for (let depth = 0; parent && parent.pid > 1 && depth < MAX_DEPTH; depth++) {
      if (parent.ruid !== 0) return parent.ruid === uid && basename(parent.comm) === 'sudo';
      parent = byPid.get(parent.ppid);
    }
    // Left sudo's tree: reached launchd through root processes only.
    return parent?.pid === 1 && p.tty !== null && ttyOwner.get(p.tty) === uid;
  });
}
