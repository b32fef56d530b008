/**
 * The agent forwards its audit trail as the policy says: a real HTTPS receiver gets every
 * event once, signed, in order, also across a receiver outage and an agent restart; SIGHUP
 * picks up a new sink; `admin.forwarders` reports each sink.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { HttpsReceiver, makeCert, type Cert } from '../forward/receivers.js';

describe('agent audit forwarding', () => {
  let dir: string;
  let cert: Cert;
  let secretFile: string;
  const secret = Buffer.from('agent-forwarding-secret');
  let agent: AgentHandle | null = null;

  beforeAll(() => {
    dir = makeTempDir();
    cert = makeCert(dir);
    secretFile = join(dir, 'hmac.key');
    writeFileSync(secretFile, secret, { mode: 0o600 });
  });

  afterAll(async () => {
    await agent?.stop();
    agent?.cleanup();
  });

  function writePolicy(port: number | null): string {
    const path = join(dir, 'policy.json');
    const forward =
      port === null
        ? []
        : [
            {
              name: 'siem',
              type: 'webhook',
              url: `https://127.0.0.1:${port}/audit`,
              hmacSecretFile: secretFile,
              caFile: cert.certFile,
              events: ['privilege.*', 'request.*'],
            },
          ];
    writeFileSync(path, JSON.stringify({ version: 1, forward }));
    return path;
  }

  it('delivers every matching event once and in order, across an outage and a restart', async () => {
    const receiver = new HttpsReceiver(cert, { secret });
    const port = await receiver.start();
    const policy = writePolicy(null);
    agent = await startAgentProcess({ dir, policy });
    let c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });

    // SIGHUP adds the sink.
    writePolicy(port);
    agent.proc.kill('SIGHUP');
    await expect
      .poll(async () => (await c.call('admin.forwarders', {})).forwarders.map((f) => f.name), {
        timeout: 3000,
      })
      .toEqual(['siem']);

    await c.call('admin.grant', { user: 'daemon', level: 'admin', durationSec: 60 });
    await receiver.waitFor(() => receiver.uniqueIds().length >= 1);

    // Receiver down: events queue durably; the agent restarts meanwhile.
    await receiver.stop();
    await c.call('admin.revoke', { user: 'daemon' });
    await c.call('admin.grant', { user: 'daemon', level: 'passwordless', durationSec: 60 });
    const status = (await c.call('admin.forwarders', {})).forwarders[0]!;
    expect(status.pending).toBeGreaterThan(0);
    c.close();
    await agent.stop();
    agent = await startAgentProcess({ dir, policy });
    await receiver.start();

    c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    const { events } = await c.call('admin.audit', { limit: 100 });
    const expected = events
      .filter((e: AuditEvent) => e.type.startsWith('privilege.') || e.type.startsWith('request.'))
      .map((e) => e.id)
      .reverse();
    expect(expected.length).toBe(4); // granted, revoked, restored, granted
    await receiver.waitFor(() => receiver.uniqueIds().length >= expected.length, 30_000);
    expect(receiver.uniqueIds()).toEqual(expected);
    expect(receiver.badSignatures).toBe(0);
    await expect
      .poll(async () => (await c.call('admin.forwarders', {})).forwarders[0], { timeout: 5000 })
      .toMatchObject({ name: 'siem', pending: 0, lastError: null });
    c.close();
    await receiver.stop();
  }, 60_000);
});
