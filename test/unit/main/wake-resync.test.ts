/**
 * Waking up must re-sync with the agent. Event order, Electron 45 docs/api/power-monitor.md:
 * macOS: 'suspend' … 'resume', then 'unlock-screen' once the person logs back in (and
 * 'user-did-become-active' after fast user switching); Windows: 'suspend' … 'resume'
 * (PBT_APMRESUMEAUTOMATIC), then 'unlock-screen' (WTS_SESSION_UNLOCK); Linux: 'suspend' …
 * 'resume' from logind, which can be missed (electron/electron#42050), no unlock event.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('./fake-electron.js'));
import { AgentConnection, type AgentSession } from '../../../main/agent-connection.js';
import { setupWakeResync } from '../../../main/wake-resync.js';
import { makeGrant, makeSnapshot } from '../../helpers/snapshots.js';

describe('setupWakeResync', () => {
  it.each([
    ['darwin', ['suspend', 'resume', 'unlock-screen'], ['resume', 'unlock-screen']],
    [
      'darwin (user switch)',
      ['user-did-resign-active', 'user-did-become-active'],
      ['user-did-become-active'],
    ],
    ['win32', ['suspend', 'resume', 'unlock-screen'], ['resume', 'unlock-screen']],
    ['linux', ['suspend', 'resume'], ['resume']],
  ])('%s: re-syncs on each wake-up event', (_os, order, expected) => {
    const pm = new EventEmitter();
    const woke: string[] = [];
    setupWakeResync(pm as never, (why) => woke.push(why));
    for (const e of order) pm.emit(e);
    expect(woke).toEqual(expected);
  });
});

/** A session that answers status.get with whatever the test sets. */
function fakeSession(answer: { current: unknown }) {
  const session = Object.assign(new EventEmitter(), {
    calls: [] as string[],
    call: async (method: string) => {
      session.calls.push(method);
      return answer.current;
    },
    callSigned: async () => ({}),
    onNotification: () => () => undefined,
    close: () => session.emit('close'),
  });
  return session;
}

describe('AgentConnection.refresh', () => {
  it('asks a live agent again and shows what it says now', async () => {
    const answer = { current: makeSnapshot({ seq: 1 }) as unknown };
    const session = fakeSession(answer);
    const conn = new AgentConnection({
      socketPath: '/nonexistent',
      connect: async () => session as unknown as AgentSession,
    });
    conn.start();
    await vi.waitFor(() => expect(conn.state.connection).toBe('connected'));
    // While the computer slept the agent granted (and its push was lost with the socket).
    answer.current = makeSnapshot({ seq: 2, level: 'admin', grant: makeGrant() });
    conn.refresh();
    await vi.waitFor(() => expect(conn.state.snapshot?.seq).toBe(2));
    expect(session.calls).toEqual(['status.subscribe', 'status.get']);
    conn.stop();
  });

  it('reconnects at once instead of waiting out the back-off', async () => {
    let attempts = 0;
    const conn = new AgentConnection({
      socketPath: '/nonexistent',
      backoff: { initialMs: 60_000, maxMs: 60_000, factor: 1 },
      connect: async () => {
        attempts++;
        throw new Error('ECONNREFUSED');
      },
    });
    conn.start();
    await vi.waitFor(() => expect(conn.state.connection).toBe('unavailable'));
    expect(attempts).toBe(1);
    conn.refresh();
    await vi.waitFor(() => expect(attempts).toBe(2));
    conn.stop();
  });
});
