/**
 * The tray's agent connection and IPC handlers against a real agent (simulated backend) on a
 * temp socket: subscribe, pushes, actions, the agent going away and coming back.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import type { Locale } from '../../../agent/shared/i18n/locale.js';
import { VERSION } from '../../../agent/shared/version.js';
import type { AppState } from '../../../preload/api.js';
import {
  AgentConnection,
  AGENT_NOT_RUNNING,
  type ConnectionView,
} from '../../../main/agent-connection.js';
import { createIpcHandlers } from '../../../main/ipc/handlers.js';
import { runMenuAction } from '../../../main/tray/menu-actions.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';

const POLICY = {
  version: 1,
  defaults: {
    selfServe: true,
    approvalRequired: false,
    levels: ['admin'],
    durationsSec: [600, 1800],
    maxDurationSec: 3600,
    requireReason: true,
    reasonMinLength: 10,
    maxExtensions: 2,
  },
};

function waitFor<T>(
  conn: AgentConnection,
  pick: (v: ConnectionView) => T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const now = pick(conn.state);
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      conn.off('change', check);
      reject(
        new Error(
          `timed out; last state ${JSON.stringify({ ...conn.state, snapshot: conn.state.snapshot?.seq })}`,
        ),
      );
    }, timeoutMs);
    const check = (v: ConnectionView): void => {
      const got = pick(v);
      if (got === undefined) return;
      clearTimeout(timer);
      conn.off('change', check);
      resolve(got);
    };
    conn.on('change', check);
  });
}

describe('AgentConnection with a real agent', () => {
  let agent: AgentHandle;
  let user: string;
  let conn: AgentConnection;
  let admin: AgentClient;
  /** The handlers as main wires them, for a tray speaking `language`. */
  const handlers = (language: Locale = 'en') =>
    createIpcHandlers({
      connection: conn,
      appKey: { signingKey: null },
      getState: () => ({ locale: { language, intl: undefined } }) as AppState,
      logOut: async () => ({ ok: true }),
      setOpenAtLogin: async () => ({ ok: true }),
      logRendererError: () => undefined,
      hidePopover: () => undefined,
      fitPopover: () => undefined,
    });

  beforeAll(async () => {
    user = createUser();
    agent = await startAgentProcess({ policy: POLICY });
    admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    conn = new AgentConnection({
      socketPath: agent.socket,
      user,
      timeoutMs: 5000,
      backoff: { initialMs: 50, maxMs: 200, factor: 2 },
    });
    conn.start();
  });

  afterAll(async () => {
    conn?.stop();
    admin?.close();
    await agent?.stop();
    agent?.cleanup();
    if (user) deleteUser(user);
  });

  it('subscribes and shows the first snapshot', async () => {
    const s = await waitFor(conn, (v) => (v.connection === 'connected' ? v.snapshot : undefined));
    expect(s?.user).toBe(user);
    expect(s?.grant).toBeNull();
    expect(s?.platform.simulated).toBe(true);
    expect(conn.state.problem).toBeNull();
  });

  it('receives pushes with newer seq and drops an older snapshot', async () => {
    const before = conn.state.snapshot as Snapshot;
    await admin.call('admin.grant', {
      user,
      level: 'admin',
      durationSec: 600,
      reason: 'integration test',
    });
    const s = await waitFor(conn, (v) => v.snapshot?.grant ?? undefined);
    expect(s.level).toBe('admin');
    expect(conn.state.snapshot!.seq).toBeGreaterThan(before.seq);
    expect(conn.applySnapshot(before)).toBe(false);
    expect(conn.state.snapshot!.grant).not.toBeNull();
    expect(conn.applySnapshot({ nonsense: true })).toBe(false);
  });

  it('asks for more time (self-serve) and stops now through the IPC handlers', async () => {
    const h = handlers();
    const expires = conn.state.snapshot!.grant!.expiresAt;
    expect(
      await h['elevate:request-more-time']({
        durationSec: 600,
        reason: 'need to finish the install',
      }),
    ).toEqual({ ok: true });
    expect(Date.parse(conn.state.snapshot!.grant!.expiresAt)).toBe(Date.parse(expires) + 600_000);
    expect(await h['elevate:stop-now'](undefined)).toEqual({ ok: true });
    expect(conn.state.snapshot!.grant).toBeNull();
    expect(conn.state.snapshot!.level).toBe('none');
    const events = await h['elevate:get-history'](10);
    expect(events.map((e) => e.type)).toContain('privilege.released');
  });

  it("returns the agent's own sentence when it refuses", async () => {
    const h = handlers();
    const short = await h['elevate:request-elevation']({
      level: 'admin',
      durationSec: 600,
      reason: 'short',
    });
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toMatch(/reason/i);
    const stop = await h['elevate:stop-now'](undefined);
    expect(stop.ok).toBe(false);
    const cancel = await h['elevate:cancel-request']('r_does_not_exist');
    expect(cancel.ok).toBe(false);
  });

  it('runs tray-menu actions: Stop now goes to the agent, a request needing a reason opens the form with that duration', async () => {
    await admin.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    await waitFor(conn, (v) => v.snapshot?.grant ?? undefined);
    const shown: string[] = [];
    const reports: unknown[] = [];
    const asked: string[] = [];
    let answer = false;
    const deps = {
      confirm: async (q: { message: string }) => {
        asked.push(q.message);
        return answer;
      },
      handlers: handlers(),
      snapshot: () => conn.state.snapshot,
      showPopover: () => shown.push('popover'),
      openRequestForm: (sec: number | null) => shown.push(`request form ${sec}`),
      toggleOpenAtLogin: () => shown.push('toggle'),
      quit: () => shown.push('quit'),
      report: (r: unknown) => reports.push(r),
    };
    const requestBefore = conn.state.snapshot!.request?.id;
    await runMenuAction({ type: 'request-more-time', durationSec: 600 }, deps);
    expect(shown).toEqual(['request form 600']);
    expect(conn.state.snapshot!.request?.id).toBe(requestBefore);
    // Stop now from the menu asks first, as the popover does; Cancel keeps the rights.
    await runMenuAction({ type: 'stop-now' }, deps);
    expect(asked).toEqual(['Give your administrator rights back now?']);
    expect(conn.state.snapshot!.grant).not.toBeNull();
    // Quit while elevated asks too (the warnings would stop).
    await runMenuAction({ type: 'quit' }, deps);
    expect(asked.at(-1)).toBe('Quit Elevate while you are an administrator?');
    expect(shown).not.toContain('quit');
    answer = true;
    await runMenuAction({ type: 'stop-now' }, deps);
    expect(reports).toEqual([{ ok: true }]);
    expect(conn.state.snapshot!.grant).toBeNull();
    await runMenuAction({ type: 'stop-now' }, deps);
    expect(reports[1]).toMatchObject({ ok: false });
    // Not elevated: Quit just quits.
    const before = asked.length;
    await runMenuAction({ type: 'quit' }, deps);
    expect(shown).toContain('quit');
    expect(asked).toHaveLength(before);
  });

  it('goes unavailable when the agent stops, keeps the snapshot as stale, and recovers', async () => {
    const seqBefore = conn.state.snapshot!.seq;
    await agent.stop();
    const problem = await waitFor(conn, (v) =>
      v.connection === 'unavailable' ? v.problem : undefined,
    );
    expect(problem).toBe(AGENT_NOT_RUNNING);
    expect(conn.state.snapshot?.seq).toBe(seqBefore);
    // Said as every client says it, without the socket path, in the tray's language.
    expect(await handlers()['elevate:stop-now'](undefined)).toEqual({
      ok: false,
      message: AGENT_NOT_RUNNING,
    });
    expect(await handlers('de')['elevate:stop-now'](undefined)).toEqual({
      ok: false,
      message:
        'Der Elevate-Dienst läuft nicht, daher können Ihre Rechte gerade weder angezeigt noch geändert werden.',
    });

    admin.close();
    agent = await startAgentProcess({ policy: POLICY, dir: agent.dir });
    admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    await waitFor(conn, (v) => (v.connection === 'connected' ? true : undefined));
    expect(conn.state.problem).toBeNull();
    await admin.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    const s = await waitFor(conn, (v) => v.snapshot?.grant ?? undefined);
    expect(s.level).toBe('admin');
  });
});

describe('AgentConnection and an agent from another release', () => {
  it('says so plainly, in the language the tray speaks, and still shows the status', async () => {
    const agent = await startAgentProcess({ policy: POLICY });
    const conn = new AgentConnection({
      socketPath: agent.socket,
      user: 'root',
      timeoutMs: 5000,
      locale: () => 'de',
      // A tray from a later release, next to this build's agent.
      appVersion: '99.0.0',
    });
    conn.start();
    try {
      const view = await waitFor(conn, (v) => (v.connection === 'connected' ? v : undefined));
      expect(view.problem).toBe(
        `Diese Elevate-App hat Version 99.0.0, der Hintergrunddienst von Elevate auf diesem Computer aber Version ${VERSION}: Bitten Sie Ihren IT-Support, beide aus demselben Release zu installieren.`,
      );
      expect(view.snapshot?.level).toBe('none');
    } finally {
      conn.stop();
      await agent.stop();
      agent.cleanup();
    }
  });
});

describe('AgentConnection without an agent', () => {
  it("says the agent is not running in the tray's language", async () => {
    const dir = makeTempDir();
    const conn = new AgentConnection({
      socketPath: join(dir, 'nothing.sock'),
      locale: () => 'de',
      backoff: { initialMs: 5000, maxMs: 5000, factor: 1 },
    });
    conn.start();
    const problem = await waitFor(conn, (v) =>
      v.connection === 'unavailable' ? v.problem : undefined,
    );
    conn.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(problem).toBe(
      'Der Elevate-Dienst läuft nicht, daher können Ihre Rechte gerade weder angezeigt noch geändert werden.',
    );
  });

  it('reports the agent as not running and keeps retrying with back-off', async () => {
    const dir = makeTempDir();
    const conn = new AgentConnection({
      socketPath: join(dir, 'nothing.sock'),
      backoff: { initialMs: 20, maxMs: 40, factor: 2 },
    });
    const states: string[] = [];
    conn.on('change', (v) => states.push(v.connection));
    conn.start();
    await new Promise((r) => setTimeout(r, 300));
    conn.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(conn.state).toMatchObject({
      connection: 'unavailable',
      snapshot: null,
      problem: AGENT_NOT_RUNNING,
    });
    expect(states).toEqual(['unavailable']);
  });

  it('times out an agent that accepts but never answers', async () => {
    const dir = makeTempDir();
    const socketPath = join(dir, 'silent.sock');
    const server: Server = createServer(() => undefined);
    await new Promise<void>((r) => server.listen(socketPath, r));
    const conn = new AgentConnection({
      socketPath,
      timeoutMs: 200,
      backoff: { initialMs: 5000, maxMs: 5000, factor: 1 },
    });
    conn.start();
    const problem = await waitFor(conn, (v) =>
      v.connection === 'unavailable' ? v.problem : undefined,
    );
    conn.stop();
    server.close();
    rmSync(dir, { recursive: true, force: true });
    expect(problem).toBe(
      'The Elevate agent did not answer in time, so nothing changed: try again.',
    );
  });
});
