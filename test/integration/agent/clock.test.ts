/**
 * Wall-clock changes under libfaketime: the agent runs with its wall clock read from a file the
 * test rewrites while it runs (monotonic and boot clocks stay real). A clock moved back never
 * extends a grant, a clock moved forward ends it at once, and a restart with the clock moved
 * back still ends the grant on its real deadline (the boot-clock deadline).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { readAudit } from '../../helpers/audit.js';
import { waitFor } from '../../helpers/until.js';

const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const HOUR_S = 3600;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Where the agent's wall clock comes from: an offset in seconds, rewritten to move it. */
function fakeClock(dir: string): { env: NodeJS.ProcessEnv; set(offsetSec: number): void } {
  const file = join(dir, 'faketime');
  const set = (offsetSec: number): void =>
    writeFileSync(file, `${offsetSec >= 0 ? '+' : ''}${offsetSec}\n`);
  set(0);
  return {
    env: {
      LD_PRELOAD: LIBFAKETIME,
      FAKETIME_TIMESTAMP_FILE: file,
      FAKETIME_NO_CACHE: '1',
      DONT_FAKE_MONOTONIC: '1',
    },
    set,
  };
}

/** A temp dir whose simulated computer has `user`, with no privilege of their own. */
function dirWithUser(user: string): string {
  const dir = makeTempDir('elevate-clock-');
  mkdirSync(join(dir, 'state'), { mode: 0o711 });
  writeFileSync(
    join(dir, 'state', 'simulated-os.json'),
    JSON.stringify({
      users: { [user]: { permanentLevel: 'none', adminGroupMember: false, dropIn: null } },
    }),
  );
  return dir;
}

/** Real time (this process is not under faketime) at which the user's rights are gone. */
async function waitUntilRestored(
  stateDir: string,
  user: string,
  timeoutMs: number,
): Promise<number> {
  return waitFor(
    () => `${user}'s rights to end (still in force ${timeoutMs} ms later)`,
    () => {
      const os = JSON.parse(readFileSync(join(stateDir, 'simulated-os.json'), 'utf8')) as {
        users: Record<string, { adminGroupMember: boolean; dropIn: string | null }>;
      };
      const u = os.users[user];
      return u && !u.adminGroupMember && u.dropIn === null && Date.now();
    },
    { withinMs: timeoutMs, everyMs: 10 },
  );
}

async function grant(agent: AgentHandle, user: string, durationSec: number): Promise<number> {
  const admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
  const before = Date.now();
  await admin.call('admin.grant', {
    user,
    level: 'passwordless',
    durationSec,
    reason: 'clock test',
  });
  admin.close();
  return before;
}

describe('wall-clock changes never extend a grant (libfaketime)', () => {
  const agents: AgentHandle[] = [];

  afterEach(async () => {
    for (const a of agents.splice(0)) {
      await a.stop();
      a.cleanup();
    }
  });

  async function start(dir: string, env: NodeJS.ProcessEnv): Promise<AgentHandle> {
    const a = await startAgentProcess({ dir, env });
    agents.push(a);
    return a;
  }

  it('ends a 3 s grant 3 s later in real time when the clock is moved back an hour', async () => {
    const dir = dirWithUser('clockback');
    const clock = fakeClock(dir);
    const agent = await start(dir, clock.env);
    const grantedAt = await grant(agent, 'clockback', 3);
    await sleep(500);
    clock.set(-HOUR_S);
    const endedAt = await waitUntilRestored(agent.stateDir, 'clockback', 10_000);
    const took = endedAt - grantedAt;
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(4000);
    await sleep(1100); // the tick after the jump writes clock.jumped, if the grant's end did not already
    const jumps = readAudit(agent.stateDir).filter((e) => e.type === 'clock.jumped');
    expect(jumps.length).toBeGreaterThanOrEqual(1);
    expect(jumps[0]!.detail?.deltaMs).toBeLessThan(-HOUR_S * 1000 + 5000);
    expect(
      readAudit(agent.stateDir)
        .filter((e) => e.user === 'clockback')
        .map((e) => e.type),
    ).toEqual(['privilege.granted', 'privilege.expired', 'privilege.restored']);
  });

  it('ends a grant at once when the clock is moved forward past its deadline', async () => {
    const dir = dirWithUser('clockfwd');
    const clock = fakeClock(dir);
    const agent = await start(dir, clock.env);
    const grantedAt = await grant(agent, 'clockfwd', 60);
    await sleep(300);
    const jumpedAt = Date.now();
    clock.set(HOUR_S);
    const endedAt = await waitUntilRestored(agent.stateDir, 'clockfwd', 5000);
    // The 1 s tick catches it: never more than a second after the jump.
    expect(endedAt - jumpedAt).toBeLessThan(1500);
    expect(endedAt - grantedAt).toBeLessThan(60_000);
    const jumps = readAudit(agent.stateDir).filter((e) => e.type === 'clock.jumped');
    expect(jumps.map((e) => Math.round(Number(e.detail?.deltaMs) / 60_000))).toContain(60);
  });

  it('ends a grant on its real deadline after a restart with the clock moved back', async () => {
    const dir = dirWithUser('clockrestart');
    const clock = fakeClock(dir);
    let agent = await start(dir, clock.env);
    const grantedAt = await grant(agent, 'clockrestart', 4);
    await sleep(500);
    await agent.stop();
    agents.splice(agents.indexOf(agent), 1);
    clock.set(-HOUR_S);
    // On the same boot the stored boot-clock deadline still holds, whatever the wall clock says.
    agent = await start(dir, clock.env);
    const endedAt = await waitUntilRestored(agent.stateDir, 'clockrestart', 10_000);
    const took = endedAt - grantedAt;
    expect(took).toBeGreaterThanOrEqual(3900);
    expect(took).toBeLessThan(5000);
  });
});
