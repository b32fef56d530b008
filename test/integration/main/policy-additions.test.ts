/**
 * The tray's side of issue 13 against a real agent (simulated backend): the screen lock
 * reported through the tray's powerMonitor handler ends rights under revokeAt "lock", and on
 * macOS (the agent playing darwin) a request under requireAuthentication goes through Touch ID
 * (Electron's API, played by the fake module) and a fresh agent challenge signed with the
 * paired app key. What the macOS test proves: the agent accepts only a request that carries a
 * challenge it issued on that connection, signed by the paired key, and the tray asks Touch ID
 * before it asks the agent. It does not prove a real Touch ID sensor ran (that is Apple's).
 */
import { generateKeyPairSync } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { createIpcHandlers } from '../../../main/ipc/handlers.js';
import { setupLockReport } from '../../../main/lock-report.js';
import { NO_TOUCH_ID, touchIdPresence } from '../../../main/presence.js';
import type { AppState } from '../../../preload/api.js';
import { startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { systemPreferences } from '../../unit/main/fake-electron.js';

let agent: AgentHandle | null = null;
let client: AgentClient | null = null;

afterEach(async () => {
  client?.close();
  await agent?.stop();
  agent?.cleanup();
  agent = null;
  client = null;
});

async function start(policy: object, simulateOs?: 'darwin'): Promise<AgentClient> {
  agent = await startAgentProcess({ policy, ...(simulateOs ? { simulateOs } : {}) });
  client = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
  return client;
}

describe('screen lock from the tray', () => {
  it("reports 'lock-screen' and the agent ends rights under revokeAt lock", async () => {
    const c = await start({
      version: 1,
      defaults: { selfServe: true, approvalRequired: false, revokeAt: ['lock'] },
    });
    await c.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'lock test one' });
    const power = new EventEmitter();
    const logs: string[] = [];
    setupLockReport(
      power,
      () => c.call('session.locked'),
      (m) => logs.push(m),
    );
    power.emit('lock-screen');
    await expect.poll(async () => (await c.call('status.get')).grant).toBeNull();
    expect((await c.call('status.get')).ended).toMatchObject({
      how: 'revoked',
      reason: 'The screen was locked (policy revokeAt: lock).',
    });
    await expect.poll(() => logs).toContain('screen locked: reported to the agent');
  });
});

describe('Touch ID before a request (macOS)', () => {
  const POLICY = {
    version: 1,
    defaults: {
      selfServe: true,
      approvalRequired: false,
      requireAuthentication: 'biometric',
      reasonMinLength: 3,
    },
  };

  async function trayHandlers(c: AgentClient, withTouchId: boolean) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    await c.call('auth.pair', {
      publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    });
    let snapshot: Snapshot = await c.call('status.get');
    return createIpcHandlers({
      connection: {
        call: (m, p) => c.call(m, p),
        callSigned: (m, p, k) => c.callSigned(m, p, k),
        applySnapshot: (s) => {
          snapshot = s as Snapshot;
          return true;
        },
      },
      appKey: { signingKey: privateKey },
      getState: () => ({ snapshot }) as AppState,
      logOut: async () => ({ ok: true }),
      setOpenAtLogin: async () => ({ ok: true }),
      logRendererError: () => undefined,
      hidePopover: () => undefined,
      fitPopover: () => undefined,
      ...(withTouchId && { confirmPresence: touchIdPresence(systemPreferences) }),
    });
  }

  const ask = { level: 'admin' as const, durationSec: 600, reason: 'install a driver' };

  it('asks Touch ID, then the agent grants the signed, challenged request', async () => {
    const c = await start(POLICY, 'darwin');
    const handlers = await trayHandlers(c, true);
    systemPreferences.touchId = { available: true, passes: true };
    systemPreferences.prompts.length = 0;
    expect(await handlers['elevate:request-elevation'](ask)).toEqual({ ok: true });
    expect(systemPreferences.prompts).toEqual(['confirm it is you to get administrator rights']);
    expect((await c.call('status.get')).grant).not.toBeNull();
  });

  it('asks nothing of the agent when Touch ID fails, and says so', async () => {
    const c = await start(POLICY, 'darwin');
    const handlers = await trayHandlers(c, true);
    systemPreferences.touchId = { available: true, passes: false };
    expect(await handlers['elevate:request-elevation'](ask)).toEqual({
      ok: false,
      message: 'Touch ID did not confirm it is you, so nothing was asked; try again.',
    });
    expect((await c.call('status.get')).request).toBeNull();
  });

  it('on a Mac without Touch ID: one sentence saying what to do, and nothing asked', async () => {
    // No fallback to the password: Electron has no password prompt (main/presence.ts).
    for (const required of ['biometric', 'password']) {
      const c = await start(
        { ...POLICY, defaults: { ...POLICY.defaults, requireAuthentication: required } },
        'darwin',
      );
      const handlers = await trayHandlers(c, true);
      systemPreferences.touchId = { available: false, passes: false };
      systemPreferences.prompts.length = 0;
      expect(await handlers['elevate:request-elevation'](ask)).toEqual({
        ok: false,
        message: NO_TOUCH_ID,
      });
      expect(systemPreferences.prompts).toEqual([]);
      expect((await c.call('status.get')).request).toBeNull();
      c.close();
      await agent?.stop();
      agent?.cleanup();
      agent = null;
    }
    systemPreferences.touchId = { available: true, passes: true };
  });

  it('refuses a process that only has the cookie, or replays a challenge', async () => {
    const c = await start(POLICY, 'darwin');
    await expect(
      c.call('request.create', { kind: 'elevate', durationSec: 600, reason: 'rogue' }),
    ).rejects.toMatchObject({
      code: -32002,
      message: 'Confirm it is you with Touch ID in the Elevate app, then ask again.',
    });
    const { challenge } = await c.call('auth.presenceChallenge');
    await expect(
      c.call('request.create', {
        kind: 'elevate',
        durationSec: 600,
        reason: 'rogue',
        presence: { challenge, method: 'biometric' },
      }),
    ).rejects.toMatchObject({ message: 'This request must come from the Elevate app.' });
    // Used once (even by a refused request): it cannot be replayed by the real app either.
    const handlers = await trayHandlers(c, false);
    const { privateKey } = generateKeyPairSync('ed25519');
    await expect(
      c.callSigned(
        'request.create',
        {
          kind: 'elevate',
          durationSec: 600,
          reason: 'replay',
          presence: { challenge, method: 'biometric' },
        },
        privateKey,
      ),
    ).rejects.toMatchObject({ code: -32002 });
    expect(await handlers['elevate:request-elevation'](ask)).toMatchObject({ ok: false });
  });
});
