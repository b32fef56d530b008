/**
 * A root process a person left behind: `sudo -n sleep 300` in a session of its own, started
 * as them in an agent's namespace, for tests of what the agent ends when rights end.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Starts it (pushing the spawned process to `keep`, for the test to kill) and returns the pid
 * of its root `sleep` once that runs.
 */
export async function startLingeringRootSleep(
  ns: { spawnAsUser(user: string, cmd: string[], options: SpawnOptions): ChildProcess },
  user: string,
  uid: number,
  keep: ChildProcess[],
): Promise<number> {
  keep.push(ns.spawnAsUser(user, ['setsid', 'sudo', '-n', 'sleep', '300'], { stdio: 'ignore' }));
  let pid = 0;
  await expect
    .poll(
      () => {
        pid = findRootSleep(uid);
        return pid;
      },
      { timeout: 5000 },
    )
    .toBeGreaterThan(0);
  return pid;
}

/** The pid of a running `sleep 300` owned by root whose environment says sudo ran it for `uid`. */
export function findRootSleep(uid: number): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8') !== 'sleep\x00300\x00') continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      if (!/^Uid:\s+0\s/m.test(status)) continue;
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`SUDO_UID=${uid}`))
        return Number(name);
    } catch {
      // Gone while we looked.
    }
  }
  return 0;
}
