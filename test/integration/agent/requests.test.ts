/**
 * Grants, requests and policy through the real agent and protocol (simulated backend, whose
 * "computer" is STATE/simulated-os.json).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent, Snapshot } from '../../../agent/protocol/schemas.js';
import { makeTempDir, type AgentHandle } from '../../helpers/agent-process.js';
import { agentPerTest } from '../../helpers/agent-per-test.js';

const SELF_SERVE = {
  version: 1,
  defaults: {
    selfServe: true,
    approvalRequired: false,
    levels: ['admin', 'passwordless'],
    reasonMinLength: 5,
  },
};
const APPROVAL = { version: 1, defaults: { selfServe: false, approvalRequired: true } };

const agents = agentPerTest();
const agentWith = agents.start;

function simulatedOs(
  agent: AgentHandle,
): Record<string, { adminGroupMember: boolean; dropIn: string | null }> {
  return JSON.parse(readFileSync(join(agent.stateDir, 'simulated-os.json'), 'utf8')).users;
}

async function auditTypes(client: AgentClient, user: string): Promise<string[]> {
  const { events } = await client.call('admin.audit', { user, limit: 100 });
  return events.map((e: AuditEvent) => e.type).reverse();
}

describe('admin grants', () => {
  it('grants, pushes the change to subscribers, and restores exactly on revoke', async () => {
    const { agent, client } = await agentWith();
    const pushes: Snapshot[] = [];
    const first = await client.call('status.subscribe');
    client.onNotification('status.changed', (s) => pushes.push(s));
    const granted = await client.call('admin.grant', {
      user: 'root',
      level: 'passwordless',
      durationSec: 600,
      reason: 'install BBEdit',
    });
    expect(granted).toMatchObject({
      level: 'passwordless',
      grant: {
        level: 'passwordless',
        source: 'admin',
        grantedBy: 'root',
        reason: 'install BBEdit',
        extensionsLeft: 2,
      },
    });
    expect(Date.parse(granted.grant!.expiresAt) - Date.parse(granted.grant!.grantedAt)).toBe(
      600_000,
    );
    expect(simulatedOs(agent).root).toMatchObject({
      adminGroupMember: true,
      dropIn: expect.stringContaining('NOPASSWD'),
    });
    await expect.poll(() => pushes.length).toBeGreaterThan(0);
    expect(pushes.at(-1)!.seq).toBeGreaterThan(first.seq);

    const revoked = await client.call('admin.revoke', { user: 'root', reason: 'done' });
    expect(revoked).toMatchObject({ level: 'none', grant: null });
    expect(simulatedOs(agent).root).toMatchObject({ adminGroupMember: false, dropIn: null });
    expect(await auditTypes(client, 'root')).toEqual([
      'privilege.granted',
      'privilege.revoked',
      'privilege.restored',
    ]);
    await expect(client.call('admin.revoke', { user: 'root' })).rejects.toMatchObject({
      code: -32003,
    });
  });

  it('keeps a permanent privilege when a grant above it ends', async () => {
    const dir = makeTempDir();
    mkdirSync(join(dir, 'state'), { mode: 0o711 });
    writeFileSync(
      join(dir, 'state/simulated-os.json'),
      JSON.stringify({
        users: {
          pat: { permanentLevel: 'admin', adminGroupMember: true, dropIn: 'pat ALL=(ALL) ALL' },
        },
      }),
    );
    const { agent, client } = await agentWith({ dir });
    await expect(
      client.call('admin.grant', { user: 'pat', level: 'admin', durationSec: 60 }),
    ).rejects.toMatchObject({ code: -32004 });
    const s = await client.call('admin.grant', {
      user: 'pat',
      level: 'passwordless',
      durationSec: 1,
    });
    expect(s).toMatchObject({ level: 'passwordless', permanentLevel: 'admin' });
    await expect
      .poll(async () => (await client.call('admin.status', { user: 'pat' })).users[0]!.grant, {
        timeout: 3000,
      })
      .toBeNull();
    expect(simulatedOs(agent).pat).toEqual({
      permanentLevel: 'admin',
      adminGroupMember: true,
      dropIn: 'pat ALL=(ALL) ALL',
    });
    expect(await auditTypes(client, 'pat')).toEqual([
      'privilege.granted',
      'privilege.expired',
      'privilege.restored',
    ]);
  });

  it('replaces a grant: a later deadline is an extension, another level is a new grant', async () => {
    const { client } = await agentWith();
    const a = await client.call('admin.grant', { user: 'daemon', level: 'admin', durationSec: 60 });
    const b = await client.call('admin.grant', {
      user: 'daemon',
      level: 'admin',
      durationSec: 120,
    });
    expect(b.grant!.id).toBe(a.grant!.id);
    const c = await client.call('admin.grant', {
      user: 'daemon',
      level: 'passwordless',
      durationSec: 60,
    });
    expect(c.seq).toBe(b.seq + 1);
    expect(c.grant!.id).not.toBe(a.grant!.id);
    expect(await auditTypes(client, 'daemon')).toEqual([
      'privilege.granted',
      'privilege.extended',
      'privilege.revoked',
      'privilege.restored',
      'privilege.granted',
    ]);
  });

  it('shows the Windows log-out hint when playing Windows', async () => {
    const { client } = await agentWith({ simulateOs: 'win32' });
    const g = await client.call('admin.grant', { user: 'root', level: 'admin', durationSec: 60 });
    expect(g.platform).toMatchObject({ os: 'win32', logoutHint: 'grant' });
    const r = await client.call('privilege.release');
    expect(r.platform).toMatchObject({ os: 'win32', logoutHint: 'revoke' });
    await expect(client.call('privilege.release')).rejects.toMatchObject({ code: -32003 });
  });
});

describe('requests under policy', () => {
  it('approval: pending, one at a time, then approved by an admin into a grant', async () => {
    const { client } = await agentWith({ policy: APPROVAL });
    const s = await client.call('request.create', {
      kind: 'elevate',
      level: 'admin',
      durationSec: 1800,
      reason: 'install the printer driver',
    });
    expect(s.grant).toBeNull();
    expect(s.request).toMatchObject({ state: 'pending', kind: 'elevate', durationSec: 1800 });
    await expect(
      client.call('request.create', {
        kind: 'elevate',
        durationSec: 600,
        reason: 'install the printer driver',
      }),
    ).rejects.toMatchObject({ code: -32004 });
    const { requests } = await client.call('admin.requests', { state: 'pending' });
    expect(requests).toHaveLength(1);
    const approved = await client.call('admin.approve', {
      id: s.request!.id,
      durationSec: 600,
      note: 'ok',
    });
    expect(approved).toMatchObject({
      level: 'admin',
      grant: { source: 'approval' },
      request: { state: 'approved', decidedBy: 'root', note: 'ok' },
    });
    await expect(client.call('admin.approve', { id: s.request!.id })).rejects.toMatchObject({
      code: -32003,
    });
  });

  it('approval: denied with a note, or cancelled by the person', async () => {
    const { client } = await agentWith({ policy: APPROVAL });
    const s = await client.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'update the BIOS tool',
    });
    const denied = await client.call('admin.deny', {
      id: s.request!.id,
      note: 'use the service desk',
    });
    expect(denied.request).toMatchObject({ state: 'denied', note: 'use the service desk' });
    const s2 = await client.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'update the BIOS tool',
    });
    const cancelled = await client.call('request.cancel', { id: s2.request!.id });
    expect(cancelled.request).toMatchObject({ state: 'cancelled' });
    await expect(client.call('request.cancel', { id: s2.request!.id })).rejects.toMatchObject({
      code: -32003,
    });
  });

  it('self-serve: granted at once, extended up to the limit', async () => {
    const { client } = await agentWith({
      policy: { ...SELF_SERVE, defaults: { ...SELF_SERVE.defaults, maxExtensions: 1 } },
    });
    await expect(
      client.call('request.create', {
        kind: 'extend',
        durationSec: 600,
        reason: 'more time please',
      }),
    ).rejects.toMatchObject({ code: -32003 });
    const before = await client.call('status.get');
    const s = await client.call('request.create', {
      kind: 'elevate',
      level: 'passwordless',
      durationSec: 600,
      reason: 'run brew',
    });
    // Recorded, approved and granted in one call: one change, so seq moves by exactly one.
    expect(s.seq).toBe(before.seq + 1);
    expect(s).toMatchObject({
      level: 'passwordless',
      grant: { source: 'self-serve', extensionsLeft: 1 },
      request: { state: 'approved', decidedBy: 'policy' },
    });
    const e = await client.call('request.create', {
      kind: 'extend',
      durationSec: 600,
      reason: 'more time please',
    });
    expect(Date.parse(e.grant!.expiresAt) - Date.parse(s.grant!.expiresAt)).toBe(600_000);
    expect(e.grant).toMatchObject({ id: s.grant!.id, extensionsUsed: 1, extensionsLeft: 0 });
    await expect(
      client.call('request.create', {
        kind: 'extend',
        durationSec: 600,
        reason: 'more time please',
      }),
    ).rejects.toMatchObject({ code: -32002 });
  });

  it('refuses what the policy forbids, with a sentence naming the rule', async () => {
    const { client } = await agentWith({
      policy: {
        version: 1,
        defaults: {
          selfServe: true,
          approvalRequired: false,
          maxDurationSec: 1800,
          durationsSec: [600, 1800],
          reasonMinLength: 10,
          reasonMaxLength: 20,
        },
      },
    });
    await expect(
      client.call('request.create', {
        kind: 'elevate',
        level: 'passwordless',
        durationSec: 600,
        reason: 'long enough reason',
      }),
    ).rejects.toMatchObject({ code: -32002, message: expect.stringMatching(/passwordless/) });
    await expect(
      client.call('request.create', {
        kind: 'elevate',
        durationSec: 7200,
        reason: 'long enough reason',
      }),
    ).rejects.toMatchObject({ code: -32002, message: expect.stringMatching(/30 minutes/) });
    await expect(
      client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'short' }),
    ).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/reason.*10/) });
    await expect(
      client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'x'.repeat(21) }),
    ).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/20/) });
    await expect(
      client.call('request.create', { kind: 'elevate', durationSec: 600 }),
    ).rejects.toMatchObject({ code: -32602 });
  });

  it('refuses all requests when neither self-serve nor approval is on', async () => {
    const { client } = await agentWith({
      policy: { version: 1, defaults: { selfServe: false, approvalRequired: false } },
    });
    await expect(
      client.call('request.create', {
        kind: 'elevate',
        durationSec: 600,
        reason: 'install the printer',
      }),
    ).rejects.toMatchObject({ code: -32002 });
  });

  it('rate-limits requests per hour', async () => {
    const { client } = await agentWith({
      policy: { version: 1, defaults: { ...APPROVAL.defaults, maxRequestsPerHour: 2 } },
    });
    for (let i = 0; i < 2; i++) {
      const s = await client.call('request.create', {
        kind: 'elevate',
        durationSec: 600,
        reason: 'install the printer',
      });
      await client.call('request.cancel', { id: s.request!.id });
    }
    await expect(
      client.call('request.create', {
        kind: 'elevate',
        durationSec: 600,
        reason: 'install the printer',
      }),
    ).rejects.toMatchObject({ code: -32005 });
  });

  it('applies the first rule that names the user', async () => {
    const { client } = await agentWith({
      policy: {
        version: 1,
        defaults: { selfServe: false },
        rules: [
          { users: ['nobody-else'], selfServe: true },
          { groups: ['root'], selfServe: true, approvalRequired: false, durationsSec: [300] },
        ],
      },
    });
    const s = await client.call('status.get');
    expect(s.policy).toMatchObject({
      selfServe: true,
      approvalRequired: false,
      durationsSec: [300],
      maxDurationSec: 3600,
    });
  });
});

describe('app keys and signed requests', () => {
  it('requires a signature from the paired key when the policy says so', async () => {
    const { client } = await agentWith({
      policy: { version: 1, defaults: { ...SELF_SERVE.defaults, requireSignedRequests: true } },
    });
    const keys = generateKeyPairSync('ed25519');
    const publicKey = keys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const params = {
      kind: 'elevate' as const,
      level: 'admin' as const,
      durationSec: 600,
      reason: 'signed request',
    };
    await expect(client.call('request.create', params)).rejects.toMatchObject({
      code: -32002,
      message: 'This request must come from the Elevate app.',
    });
    await expect(
      client.callSigned('request.create', params, keys.privateKey),
    ).rejects.toMatchObject({ code: -32002 });
    await client.call('auth.pair', { publicKey, client: 'test' });
    const other = generateKeyPairSync('ed25519');
    await expect(
      client.call('auth.pair', {
        publicKey: other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      }),
    ).rejects.toMatchObject({ code: -32004 });
    await expect(
      client.callSigned('request.create', params, other.privateKey),
    ).rejects.toMatchObject({ code: -32002 });
    const ok = await client.callSigned('request.create', params, keys.privateKey);
    expect(ok.grant).toMatchObject({ source: 'self-serve' });
    // Giving rights back never needs a signature.
    expect((await client.call('privilege.release')).grant).toBeNull();
    await client.call('admin.unpair', { user: 'root' });
    await client.call('auth.pair', {
      publicKey: other.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    });
  });
});

describe('policy file', () => {
  it('refuses an invalid file, naming the field, and keeps the last valid policy; SIGHUP reloads', async () => {
    const dir = makeTempDir();
    const policyPath = join(dir, 'policy.json');
    writeFileSync(policyPath, JSON.stringify({ version: 1, defaults: { selfServ: true } }));
    const { agent, client } = await agentWith({ dir, policy: policyPath });
    expect(agent.output()).toMatch(/selfServ.*not a known field/);
    const before = await client.call('status.subscribe');
    expect(before.policy.selfServe).toBe(false);
    const pushes: Snapshot[] = [];
    client.onNotification('status.changed', (s) => pushes.push(s));
    writeFileSync(
      policyPath,
      JSON.stringify({ version: 1, defaults: { selfServe: true, durationsSec: [900] } }),
    );
    agent.proc.kill('SIGHUP');
    await expect.poll(() => pushes.at(-1)?.policy.selfServe, { timeout: 3000 }).toBe(true);
    writeFileSync(policyPath, JSON.stringify({ version: 1, defaults: { maxDurationSec: -5 } }));
    agent.proc.kill('SIGHUP');
    await expect
      .poll(() => agent.output(), { timeout: 3000 })
      .toMatch(/defaults\.maxDurationSec is invalid/);
    expect((await client.call('status.get')).policy).toMatchObject({
      selfServe: true,
      durationsSec: [900],
    });
  });
});
