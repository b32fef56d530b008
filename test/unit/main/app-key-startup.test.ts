import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionView } from '../../../main/agent-connection.js';
import type { AppKeyStatus } from '../../../main/app-key.js';
import { loadAppKeyInBackground } from '../../../main/app-key-startup.js';

const OK: AppKeyStatus = { keychain: 'ok', problem: null };

function fakeConnection(connection: ConnectionView['connection']) {
  const c = Object.assign(new EventEmitter(), {
    state: { connection, snapshot: null, problem: null } as ConnectionView,
    call: vi.fn(async () => ({})),
  });
  return c;
}

describe('loadAppKeyInBackground', () => {
  it('does not hold anything back while the keychain has not answered (a locked keyring)', async () => {
    let unlock: (s: AppKeyStatus) => void = () => undefined;
    const pair = vi.fn(async () => OK);
    const conn = fakeConnection('connected');
    const statuses: AppKeyStatus[] = [];
    const done = loadAppKeyInBackground(
      { load: () => new Promise((r) => (unlock = r)), pair },
      conn as never,
      (s) => statuses.push(s),
      () => undefined,
    );
    // The caller went on at once; the tray was live and connected before the key arrived.
    expect(statuses).toEqual([]);
    expect(pair).not.toHaveBeenCalled();
    unlock(OK);
    await done;
    // The connection that came up while the keyring was locked is paired now.
    await vi.waitFor(() => expect(pair).toHaveBeenCalledWith(conn));
    expect(statuses[0]).toEqual(OK);
  });

  it('pairs on the next connection when the agent is not reachable yet', async () => {
    const pair = vi.fn(async () => OK);
    const conn = fakeConnection('unavailable');
    await loadAppKeyInBackground(
      { load: async () => OK, pair },
      conn as never,
      () => undefined,
      () => undefined,
    );
    expect(pair).not.toHaveBeenCalled();
    conn.state = { connection: 'connected', snapshot: null, problem: null };
    conn.emit('change', conn.state);
    conn.emit('change', conn.state);
    await vi.waitFor(() => expect(pair).toHaveBeenCalledTimes(1));
  });
});
