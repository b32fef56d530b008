/**
 * Load: 100 clients connected and subscribed at once, each calling status.get in a loop, with
 * admin grants landing in the middle. No call may fail, every subscriber of a granted user must
 * be pushed the change, and no other user's subscriber may see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';

const CLIENTS = 100;
const USERS = 4;
const LOOP_MS = 3000;

interface Subscriber {
  user: string;
  client: AgentClient;
  pushes: Snapshot[];
  calls: number;
  errors: string[];
}

describe('load: 100 subscribed clients', () => {
  let agent: AgentHandle;
  const users: string[] = [];
  const subs: Subscriber[] = [];

  beforeAll(async () => {
    for (let i = 0; i < USERS; i++) users.push(createUser());
    agent = await startAgentProcess();
  });

  afterAll(async () => {
    for (const s of subs) s.client.close();
    await agent?.stop();
    agent?.cleanup();
    for (const u of users) deleteUser(u);
  });

  it('serves status.get in a loop to 100 clients and pushes a grant to every subscriber', async () => {
    // All at once, as at a fleet-wide login: every hello and subscribe races the others.
    const connected = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const user = users[i % USERS]!;
        const client = await AgentClient.connect({
          socketPath: agent.socket,
          user,
          client: `load-${i}`,
        });
        const sub: Subscriber = { user, client, pushes: [], calls: 0, errors: [] };
        client.onNotification('status.changed', (s) => sub.pushes.push(s));
        const first = await client.call('status.subscribe');
        expect(first.user).toBe(user);
        return sub;
      }),
    );
    subs.push(...connected);

    const until = Date.now() + LOOP_MS;
    const loops = subs.map(async (s) => {
      while (Date.now() < until) {
        try {
          const snap = await s.client.call('status.get');
          if (snap.user !== s.user) s.errors.push(`got ${snap.user}'s snapshot`);
          s.calls += 1;
        } catch (err) {
          s.errors.push((err as Error).message);
        }
      }
    });

    const admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    await new Promise((r) => setTimeout(r, LOOP_MS / 2));
    const granted = users[0]!;
    const grantedSnap = await admin.call('admin.grant', {
      user: granted,
      level: 'admin',
      durationSec: 600,
      reason: 'load test',
    });
    await Promise.all(loops);
    admin.close();

    expect(subs.flatMap((s) => s.errors)).toEqual([]);
    for (const s of subs) expect(s.calls, `${s.user}'s client made progress`).toBeGreaterThan(5);
    for (const s of subs) {
      const withGrant = s.pushes.filter((p) => p.grant !== null);
      if (s.user === granted) {
        expect(withGrant.map((p) => p.grant?.id)).toEqual([grantedSnap.grant!.id]);
        expect(withGrant[0]).toMatchObject({ user: granted, level: 'admin', seq: grantedSnap.seq });
      } else {
        expect(s.pushes.filter((p) => p.user !== s.user)).toEqual([]);
        expect(withGrant).toEqual([]);
      }
    }
    const total = subs.reduce((n, s) => n + s.calls, 0);
    console.log(
      `load: ${total} status.get calls by ${CLIENTS} clients in ${LOOP_MS} ms, no errors`,
    );
  });
});
