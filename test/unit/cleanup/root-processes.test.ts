/** Finding and ending root processes marked as started by sudo for a user, with real processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findSudoRootProcesses,
  finishEnding,
  terminate,
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

afterEach(() => {
  for (const p of started.splice(0))
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

describe('root processes from sudo', () => {
  it('finds the root processes whose environment names the user, and only those', async () => {
    const mine = rootProcess('exec sleep 30');
    rootProcess('exec sleep 30', UID + 1);
    await new Promise((r) => setTimeout(r, 100));
    const found = await findSudoRootProcesses(UID);
    expect(found).toEqual([{ pid: mine.pid, command: 'sleep 30', startTime: expect.any(String) }]);
  });

  it('ends them with SIGTERM, and SIGKILLs one that ignores it after the grace period', async () => {
    const polite = rootProcess('exec sleep 30');
    const stubborn = rootProcess('trap "" TERM; while :; do sleep 0.05; done');
    await new Promise((r) => setTimeout(r, 150));
    const found = (await findSudoRootProcesses(UID)).filter(
      (p) => p.pid === polite.pid || p.pid === stubborn.pid,
    );
    expect(found).toHaveLength(2);
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
    const [found] = await findSudoRootProcesses(UID);
    const stale = { ...found!, startTime: '1' };
    expect(await terminate([stale])).toEqual([]);
    expect(p.exitCode).toBeNull();
    expect(p.signalCode).toBeNull();
  });
});
