/**
 * Issue 13's policy fields through the real agent and protocol (simulated backend): reason
 * presets, elevated-time caps, revokeAt reboot and lock, and the onChange hook.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';
import { makeTempDir } from '../../helpers/agent-process.js';
import { agentPerTest } from '../../helpers/agent-per-test.js';
import { waitFor } from '../../helpers/until.js';

const SELF_SERVE = { selfServe: true, approvalRequired: false, reasonMinLength: 3 };

const agents = agentPerTest();
const agentWith = agents.start;

async function events(client: AgentClient, type: string): Promise<AuditEvent[]> {
  const { events: all } = await client.call('admin.audit', { user: 'root', limit: 200 });
  return all.filter((e: AuditEvent) => e.type === type);
}

describe('reason presets', () => {
  it('shows the choices and refuses free text when only presets are allowed', async () => {
    const presets = ['Install software', 'Change network settings'];
    const { client } = await agentWith({
      policy: {
        version: 1,
        defaults: { ...SELF_SERVE, reasonPresets: presets, reasonPresetsOnly: true },
      },
    });
    const s = await client.call('status.get');
    expect(s.policy).toMatchObject({ reasonPresets: presets, reasonPresetsOnly: true });
    await expect(
      client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'just because' }),
    ).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('"Install software", "Change network settings"'),
    });
    const granted = await client.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'Install software',
    });
    expect(granted.grant?.reason).toBe('Install software');
  });

  it('names the field when only presets are allowed but none are set', async () => {
    const { agent } = await agentWith({ policy: { version: 1 } });
    const bad = join(agent.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, rules: [{ reasonPresetsOnly: true }] }));
    const { parsePolicyText } = await import('../../../agent/policy/policy-file.js');
    const { policyEn } = await import('../../../agent/i18n/policy-en.js');
    expect(parsePolicyText(readFileSync(bad, 'utf8'), policyEn)).toEqual({
      ok: false,
      message:
        'Policy field rules.0.reasonPresetsOnly is invalid: needs a non-empty reasonPresets list: add the reasons to choose from, or set reasonPresetsOnly to false.',
    });
  });
});

describe('elevated-time caps', () => {
  it('counts only the time used, refuses past the cap with what is left, and lets an admin go over', async () => {
    const { client } = await agentWith({
      policy: { version: 1, defaults: { ...SELF_SERVE, maxElevatedSecPerDay: 900 } },
    });
    expect((await client.call('status.get')).allowance).toMatchObject({
      leftSec: 900,
      moreAt: null,
    });
    await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'first' });
    expect((await client.call('status.get')).allowance?.leftSec).toBeLessThanOrEqual(300);
    await client.call('privilege.release');
    // Given back at once: only the seconds used count, so 600 more fit under 900.
    const again = await client.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'second',
    });
    expect(again.allowance!.leftSec).toBeGreaterThanOrEqual(290);
    expect(again.allowance!.moreAt).not.toBeNull();
    const refusal = client.call('request.create', {
      kind: 'extend',
      durationSec: 600,
      reason: 'third',
    });
    await expect(refusal).rejects.toMatchObject({
      code: -32002,
      message: expect.stringMatching(
        /^Your policy allows only 4 minutes more of admin time now \(asked for 10 minutes\); more becomes available at [^;]*\d\d:\d\d( [AP]M)?\. Ask for less time or try again then\.$/,
      ),
      data: { leftSec: expect.any(Number), moreAt: expect.any(String) },
    });
    await expect(
      client.call('admin.grant', { user: 'root', level: 'passwordless', durationSec: 3600 }),
    ).rejects.toMatchObject({ code: -32002, message: expect.stringContaining('--over-cap') });
    const over = await client.call('admin.grant', {
      user: 'root',
      level: 'passwordless',
      durationSec: 3600,
      overCap: true,
    });
    expect(over.allowance!.leftSec).toBe(0);
    const granted = await events(client, 'privilege.granted');
    expect(granted[0]!.detail).toMatchObject({ overCap: true, durationSec: 3600 });
  });

  it('counts grants from before an agent restart (from the audit trail)', async () => {
    const policy = { version: 1, defaults: { ...SELF_SERVE, maxElevatedSecPerWeek: 700 } };
    const { agent, client } = await agentWith({ policy });
    await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'first' });
    client.close();
    await agent.stop();
    const again = await agentWith({ policy, dir: agent.dir });
    const s = await again.client.call('status.get');
    expect(s.allowance!.leftSec).toBeLessThanOrEqual(100);
    expect(s.allowance!.usedWeekSec).toBeGreaterThanOrEqual(599);
  });
});

describe('revokeAt', () => {
  function rootWithBoot(bootId: string): string {
    const root = makeTempDir('elevate-boot-');
    mkdirSync(join(root, 'proc/sys/kernel/random'), { recursive: true });
    writeFileSync(join(root, 'proc/sys/kernel/random/boot_id'), `${bootId}\n`);
    return root;
  }

  it('ends rights after a restart of the computer (a new boot id), not after an agent restart', async () => {
    const root = rootWithBoot('11111111-1111-4111-8111-111111111111');
    const policy = { version: 1, defaults: { ...SELF_SERVE, revokeAt: ['reboot'] } };
    const first = await agentWith({ policy, root });
    await first.client.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'test one',
    });
    first.client.close();
    await first.agent.stop();
    const sameBoot = await agentWith({ policy, root, dir: first.agent.dir });
    expect((await sameBoot.client.call('status.get')).grant).not.toBeNull();
    sameBoot.client.close();
    await sameBoot.agent.stop();
    writeFileSync(
      join(root, 'proc/sys/kernel/random/boot_id'),
      '22222222-2222-4222-8222-222222222222\n',
    );
    const rebooted = await agentWith({ policy, root, dir: first.agent.dir });
    const s = await rebooted.client.call('status.get');
    expect(s.grant).toBeNull();
    expect(s.ended).toMatchObject({
      how: 'revoked',
      by: 'agent',
      reason: 'The computer restarted (policy revokeAt: reboot).',
    });
    const revoked = await events(rebooted.client, 'privilege.revoked');
    expect(revoked[0]).toMatchObject({
      actor: 'agent',
      reason: 'The computer restarted (policy revokeAt: reboot).',
    });
  });

  it('ends rights when the tray reports the screen lock, only under revokeAt lock', async () => {
    const { client } = await agentWith({
      policy: {
        version: 1,
        defaults: SELF_SERVE,
        rules: [{ users: ['root'], revokeAt: ['lock'] }],
      },
    });
    await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'test one' });
    const s = await client.call('session.locked');
    expect(s.grant).toBeNull();
    expect(s.ended).toMatchObject({
      how: 'revoked',
      by: 'agent',
      reason: 'The screen was locked (policy revokeAt: lock).',
    });
    const revoked = await events(client, 'privilege.revoked');
    expect(revoked[0]!.reason).toBe('The screen was locked (policy revokeAt: lock).');
  });

  it('ignores a lock report when the policy does not ask for it', async () => {
    const { client } = await agentWith({ policy: { version: 1, defaults: SELF_SERVE } });
    await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'test one' });
    expect((await client.call('session.locked')).grant).not.toBeNull();
  });
});

describe('onChange hook', () => {
  function hook(dir: string, body: string): { path: string; sha256: string } {
    const path = join(dir, 'hook.sh');
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return { path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
  }

  it('runs after every grant and end with the event on stdin', async () => {
    const dir = makeTempDir('elevate-hook-');
    const out = join(dir, 'events.jsonl');
    const h = hook(dir, `cat >> ${out}; id -u >> ${out}.uid`);
    const { client } = await agentWith({
      policy: { version: 1, defaults: { ...SELF_SERVE, onChange: h } },
    });
    const granted = await client.call('request.create', {
      kind: 'elevate',
      durationSec: 600,
      reason: 'hooked',
    });
    expect(granted.policy).not.toHaveProperty('onChange');
    await client.call('privilege.release');
    // Each run is its own process, never awaited (it must not delay expiry): wait until both
    // have written both files, and take the events in whichever order they finished.
    const lines = await waitFor('both hook runs to write both files', async () => {
      const l = readFileSafe(out).trim().split('\n').filter(Boolean);
      const uids = readFileSafe(`${out}.uid`).trim().split('\n').filter(Boolean);
      return l.length === 2 && uids.length === 2 ? l : null;
    });
    const runs = lines.map((l) => JSON.parse(l) as { event: string });
    const start = runs.find((r) => r.event === 'granted');
    const end = runs.find((r) => r.event === 'ended');
    expect(start).toMatchObject({
      event: 'granted',
      user: 'root',
      grantId: granted.grant!.id,
      reason: 'hooked',
      end: null,
    });
    expect(end).toMatchObject({ event: 'ended', grantId: granted.grant!.id, end: 'released' });
    expect(readFileSafe(`${out}.uid`).trim().split('\n')).toEqual(['0', '0']);
  });

  it('does not run a file whose SHA-256 differs, and audits failures and timeouts', async () => {
    const dir = makeTempDir('elevate-hook-');
    const marker = join(dir, 'ran');
    const h = hook(dir, `touch ${marker}`);
    const slow = hook(makeTempDir('elevate-hook-'), 'sleep 30');
    const { client } = await agentWith({
      policy: {
        version: 1,
        defaults: { ...SELF_SERVE, onChange: { ...h, sha256: '0'.repeat(64) } },
        rules: [{ users: ['nobody'], onChange: { ...slow, timeoutSec: 1 } }],
      },
    });
    await client.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'test one' });
    const failed = await waitFor(
      'hook.failed in the audit',
      async () => (await events(client, 'hook.failed'))[0],
    );
    expect(failed).toMatchObject({
      reason: 'The onChange hook was not run: its SHA-256 does not match the policy.',
      detail: { hook: h.path, event: 'granted', expected: '0'.repeat(64) },
    });
    expect(readFileSafe(marker)).toBe('');
    const started = Date.now();
    await client.call('admin.grant', { user: 'nobody', level: 'admin', durationSec: 600 });
    expect(Date.now() - started).toBeLessThan(1000);
    const timedOut = await waitFor('hook.failed for the slow hook', async () =>
      (await client.call('admin.audit', { user: 'nobody', limit: 50 })).events.find(
        (e: AuditEvent) => e.type === 'hook.failed',
      ),
    );
    expect(timedOut.reason).toBe('The onChange hook ran longer than 1 s and was stopped.');
  });
});

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
