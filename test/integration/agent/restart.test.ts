/**
 * Grants, requests and paired keys survive restarts; a deadline that passed while the agent
 * was down ends as it starts, before it listens.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { readAudit } from '../../helpers/audit.js';

const POLICY = { version: 1, defaults: { selfServe: false, approvalRequired: true } };
let running: AgentHandle | null = null;

afterEach(async () => {
  await running?.stop();
  running?.cleanup();
  running = null;
});

function simulatedOs(stateDir: string) {
  return JSON.parse(readFileSync(join(stateDir, 'simulated-os.json'), 'utf8')).users;
}

describe('agent restarts', () => {
  it('keeps an active grant, a pending request and a paired key across a restart', async () => {
    const dir = makeTempDir();
    let agent = await startAgentProcess({ dir, policy: POLICY });
    let c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    // Long enough to outlive a restart on a loaded machine (starting node alone can take 2 s).
    const granted = await c.call('admin.grant', { user: 'daemon', level: 'admin', durationSec: 6 });
    const req = await c.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'install the VPN',
    });
    const key = generateKeyPairSync('ed25519')
      .publicKey.export({ format: 'der', type: 'spki' })
      .toString('base64');
    await c.call('auth.pair', { publicKey: key });
    c.close();
    await agent.stop();

    agent = running = await startAgentProcess({ dir, policy: POLICY });
    c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    const after = (await c.call('admin.status', { user: 'daemon' })).users[0]!;
    expect(after.grant).toMatchObject({
      id: granted.grant!.id,
      expiresAt: granted.grant!.expiresAt,
    });
    expect((await c.call('status.get')).request).toMatchObject({
      id: req.request!.id,
      state: 'pending',
    });
    await expect(c.call('auth.pair', { publicKey: key })).rejects.toMatchObject({ code: -32004 });

    // Re-armed: it still ends on time after the restart.
    await expect
      .poll(async () => (await c.call('admin.status', { user: 'daemon' })).users[0]!.grant, {
        timeout: 8000,
        interval: 50,
      })
      .toBeNull();
    const { events } = await c.call('admin.audit', { user: 'daemon', limit: 5 });
    const expired = events.find((e) => e.type === 'privilege.expired')!;
    expect(Date.parse(expired.at) - Date.parse(granted.grant!.expiresAt)).toBeLessThan(1000);
    c.close();
  });

  it('ends a grant whose deadline passed while the agent was down before it listens', async () => {
    const dir = makeTempDir();
    let agent = await startAgentProcess({ dir });
    const c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    await c.call('admin.grant', { user: 'daemon', level: 'passwordless', durationSec: 1 });
    c.close();
    await agent.kill9();
    await new Promise((r) => setTimeout(r, 1500));
    expect(simulatedOs(join(dir, 'state')).daemon.dropIn).toContain('NOPASSWD');

    agent = running = await startAgentProcess({ dir });
    // By the time it says it is listening, the rights are already gone.
    expect(simulatedOs(agent.stateDir).daemon).toMatchObject({
      adminGroupMember: false,
      dropIn: null,
    });
    const types = readAudit(agent.stateDir).map((e) => e.type);
    expect(types.slice(-4)).toEqual([
      'recovery.applied',
      'privilege.expired',
      'privilege.restored',
      'agent.started',
    ]);
  });
});
