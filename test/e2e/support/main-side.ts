/**
 * The tray's main-process side, made of main/'s real modules (agent connection, app state,
 * app key over keytar, IPC validation, sender guard and handlers), wired the way main/index.ts
 * wires them. Only the two OS effects that cannot run here are recorded instead of done:
 * logging the person out and registering a login item.
 */
import { AgentConnection } from '../../../main/agent-connection.js';
import { AppStateStore } from '../../../main/app-state.js';
import { AppKey } from '../../../main/app-key.js';
import { KeytarStore } from '../../../main/credentials/keytar-store.js';
import { createIpcHandlers, type IpcHandlers } from '../../../main/ipc/handlers.js';
import { isIpcChannel, validateIpcArgument } from '../../../main/ipc/validate.js';
import { isTrustedSender, UntrustedSenderError } from '../../../main/ipc/sender-guard.js';
import type { AppState, IpcChannel } from '../../../preload/api.js';

export interface MainSide {
  state: AppStateStore;
  connection: AgentConnection;
  handlers: IpcHandlers;
  calls: { logOut: number; hidePopover: number };
  /** What the exposed binding runs: sender check, argument validation, then the handler. */
  invoke(
    frame: { url: string; isMainFrame: boolean },
    channel: string,
    arg: unknown,
  ): Promise<unknown>;
  onState(listener: (s: AppState) => void): () => void;
  stop(): void;
}

export async function startMainSide(opts: {
  socketPath: string;
  user: string;
  popoverUrl: string;
  keychainService: string;
}): Promise<MainSide> {
  const state = new AppStateStore();
  const appKey = new AppKey(new KeytarStore(opts.keychainService), opts.user);
  const loaded = await appKey.load();
  state.setKeychain(loaded.keychain, loaded.problem);
  const connection = new AgentConnection({
    socketPath: opts.socketPath,
    user: opts.user,
    clientName: 'elevate-tray-e2e',
    timeoutMs: 5000,
    // Quick retries so the restart scenario does not wait on production back-off.
    backoff: { initialMs: 100, maxMs: 400, factor: 2 },
    onSession: async (session) => {
      const paired = await appKey.pair(session);
      state.setKeychain(paired.keychain, paired.problem);
    },
  });
  connection.on('change', (view) => state.setConnection(view));
  const calls = { logOut: 0, hidePopover: 0 };
  const handlers = createIpcHandlers({
    connection,
    appKey,
    getState: () => state.current,
    logOut: async () => {
      calls.logOut += 1;
      return { ok: true };
    },
    setOpenAtLogin: async (enabled) => {
      state.setOpenAtLogin(enabled);
      return { ok: true };
    },
    hidePopover: () => {
      calls.hidePopover += 1;
    },
  });
  connection.start();
  return {
    state,
    connection,
    handlers,
    calls,
    async invoke(frame, channel, arg) {
      if (!isIpcChannel(channel)) throw new Error(`Unknown IPC channel ${channel}.`);
      if (!isTrustedSender(frame, opts.popoverUrl)) throw new UntrustedSenderError(channel);
      const valid = validateIpcArgument(channel, arg);
      const handler = handlers[channel as IpcChannel] as (a: unknown) => Promise<unknown>;
      return handler(valid);
    },
    onState(listener) {
      state.on('change', listener);
      return () => state.off('change', listener);
    },
    stop() {
      connection.stop();
      state.removeAllListeners();
    },
  };
}
