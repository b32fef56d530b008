/**
 * Records a hostile local user cannot bury (docs/threat-model.md): while the SIEM is down and
 * the forwarding outbox is full, an ordinary account floods failed proofs for many names; other
 * people's grant records still reach the SIEM (noise is what gets dropped, and the drop count
 * says how much), and the tray's "N commands run with sudo" still counts the real sudo commands
 * of the elevated person. Real OS users, real sudo in a private mount namespace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { attack } from '../../helpers/attacker.js';
import { createUser, deleteUser, runClientAs } from '../../helpers/os-users.js';
import { HttpsReceiver, makeCert } from '../forward/receivers.js';
import {
  copyEtcToTempDir,
  startNamespaceAgent,
  type NamespaceAgent,
} from '../usage/namespace-agent.js';

const MAX_OUTBOX = 10;
const NOISE = ['auth.failed', 'privilege.used', 'forward.dropped'];

describe('a flood of noise cannot push real records out of a full outbox', () => {
  let mallory: string;
  let alice: string;
  let bob: string;
  let ns: NamespaceAgent;
  let receiver: HttpsReceiver;
  let siemUp = false;

  beforeAll(async () => {
    mallory = createUser('mal');
    alice = createUser();
    bob = createUser();
    const dir = copyEtcToTempDir();
    const cert = makeCert(dir);
    // Down (503) until the test says otherwise: every event waits in the outbox.
    receiver = new HttpsReceiver(cert, { respond: () => (siemUp ? 200 : 503) });
    const port = await receiver.start();
    ns = await startNamespaceAgent(dir, {
      version: 1,
      forward: [
        {
          name: 'siem',
          type: 'webhook',
          url: `https://127.0.0.1:${port}/audit`,
          caFile: cert.certFile,
          events: ['privilege.*', 'request.*', 'auth.*'],
          maxOutbox: MAX_OUTBOX,
        },
      ],
    });
  });

  afterAll(async () => {
    await ns?.close();
    await receiver?.stop();
    for (const u of [mallory, alice, bob]) if (u) deleteUser(u);
  });

  it("delivers another user's grant records and keeps the sudo counter right", async () => {
    const admin = await AgentClient.connect({ socketPath: ns.agent.socket, user: 'root' });
    const granted = await admin.call('admin.grant', {
      user: alice,
      level: 'passwordless',
      durationSec: 600,
    });
    for (const cmd of [['id'], ['true'], ['ls', '/root']]) {
      expect((await ns.asUser(alice, 'sudo', '-n', ...cmd)).code).toBe(0);
    }
    await expect
      .poll(async () => (await admin.call('admin.status', { user: alice })).users[0]!.usage)
      .toEqual({ commands: 3 });

    // Failed proofs claiming alice and every account in /etc/passwd: one event per name at
    // once, more than the outbox holds.
    const names = readFileSync(join(ns.dir, 'etc/passwd'), 'utf8')
      .split('\n')
      .map((l) => l.split(':')[0]!)
      .filter((n) => n && n !== mallory);
    expect(names.length).toBeGreaterThan(MAX_OUTBOX);
    const flood = await attack(mallory, ns.agent.dir, ns.agent.socket, {
      mode: 'prove-flood',
      claim: [alice, ...names],
      count: 2 * names.length,
      parallel: 8,
    }).result;
    expect(flood.proofs).toBe(2 * names.length);
    // A grant made while the outbox is full of noise.
    const bobGrant = await admin.call('admin.grant', {
      user: bob,
      level: 'admin',
      durationSec: 600,
    });

    // Alice's own view (what the tray shows) is untouched by the flood.
    const mine = await runClientAs(
      alice,
      ns.agent.dir,
      ns.agent.socket,
      `const s = await client.call('status.get');
       const h = await client.call('history.list', { limit: 200 });
       return { usage: s.usage, types: h.events.map((e) => e.type) };`,
    );
    expect(mine.result).toMatchObject({ usage: { commands: 3 } });
    const types = (mine.result as { types: string[] }).types;
    expect(types.filter((t) => t === 'privilege.used')).toHaveLength(3);
    expect(types).not.toContain('auth.failed');

    const status = (await admin.call('admin.forwarders', {})).forwarders[0]!;
    expect(status.pending).toBeLessThanOrEqual(MAX_OUTBOX);
    expect(status.dropped).toBeGreaterThan(0);

    siemUp = true;
    const { events } = await admin.call('admin.audit', { limit: 1000 });
    const forwardable = events.filter((e: AuditEvent) =>
      /^(privilege|request|auth)\./.test(e.type),
    );
    const real = forwardable.filter((e) => !NOISE.includes(e.type));
    await receiver.waitFor(() => real.every((e) => receiver.uniqueIds().includes(e.id)), 30_000);
    const delivered = new Set(receiver.uniqueIds());
    expect(delivered).toContain(
      events.find((e) => e.grantId === granted.grant!.id && e.type === 'privilege.granted')!.id,
    );
    expect(delivered).toContain(
      events.find((e) => e.grantId === bobGrant.grant!.id && e.type === 'privilege.granted')!.id,
    );
    // Only noise was dropped, and the count says exactly how much.
    const lost = forwardable.filter((e) => !delivered.has(e.id));
    expect(lost.map((e) => e.type).filter((t) => !NOISE.includes(t))).toEqual([]);
    await expect
      .poll(async () => (await admin.call('admin.forwarders', {})).forwarders[0]!.pending, {
        timeout: 30_000,
      })
      .toBe(0);
    expect((await admin.call('admin.forwarders', {})).forwarders[0]!.dropped).toBe(lost.length);
    expect(lost.length).toBeGreaterThan(0);
    admin.close();
  }, 120_000);
});
