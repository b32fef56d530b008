/**
 * Finding and ending root processes left from a user's sudo, with real processes. (Finding
 * them through a real sudo is in test/integration/cleanup/session-cleanup.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findSudoRootProcesses,
  finishEnding,
  terminate,
  type RootProcess,
} from '../../../agent/cleanup/root-processes.js';

// A uid no account has, so nothing else on the machine carries the marker.
const UID = 3_900_000 + Math.floor(Math.random() * 90_000);
const started: ChildProcess[] = [];

function rootProcess(script: string, uid = UID): ChildProcess {
  const p = spawn('sh', ['-c', script], {
    env: { PATH: process.env.PATH, SUDO_UID: String(uid) },
    stdio: 'ignore',
  });
  started.push(p);
  return p;
}

/** The process as the finder would describe it (pid + start time identify it). */
function described(p: ChildProcess, command: string): RootProcess {
  const stat = readFileSync(`/proc/${p.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid: p.pid!, command, startTime: fields[19]! };
}

afterEach(() => {
  for (const p of started.splice(0))
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

describe('root processes from sudo', () => {
  it("does not take an environment variable as evidence: SUDO_UID is anyone's to set", async () => {
    // Root processes that claim to come from UID's sudo, with nothing else tying them to UID.
    rootProcess('exec sleep 30');
    rootProcess('sleep 30; true');
    await new Promise((r) => setTimeout(r, 100));
    expect(await findSudoRootProcesses(UID)).toEqual([]);
  });

  it('ends them with SIGTERM, and SIGKILLs one that ignores it after the grace period', async () => {
    const polite = rootProcess('exec sleep 30');
    const stubborn = rootProcess('trap "" TERM; while :; do sleep 0.05; done');
    await new Promise((r) => setTimeout(r, 150));
    const found = [described(polite, 'sleep 30'), described(stubborn, 'trap')];
    const t0 = Date.now();
    const results = await finishEnding(found, await terminate(found), 300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(results).toEqual(
      expect.arrayContaining([
        { pid: polite.pid, command: 'sleep 30', ended: true, signal: 'SIGTERM' },
        {
          pid: stubborn.pid,
          command: expect.stringContaining('trap'),
          ended: true,
          signal: 'SIGKILL',
        },
      ]),
    );
  });

  it('never signals a process that is no longer the one found (pid reuse)', async () => {
    const p = rootProcess('exec sleep 30');
    await new Promise((r) => setTimeout(r, 100));
    const stale = { ...described(p, 'sleep 30'), startTime: '1' };
    expect(await terminate([stale])).toEqual([]);
    expect(p.exitCode).toBeNull();
    expect(p.signalCode).toBeNull();
  });
});
