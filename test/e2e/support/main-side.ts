/**
 * The tray's main-process side, made of main/'s real modules (agent connection, app state,
 * app key over keytar, the IPC handlers registered through main/ipc/register.ts with its sender
 * check and validation, log-out), wired the way main/index.ts wires them. What Electron would
 * supply is a small stand-in: an ipcMain-shaped registry, the window's hide(), the log-out
 * confirmation dialog; and the one OS effect that must not run here, `shutdown /l`, is recorded.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { AgentConnection } from '../../../main/agent-connection.js';
import { AppStateStore } from '../../../main/app-state.js';
import { AppKey } from '../../../main/app-key.js';
import { KeytarStore } from '../../../main/credentials/keytar-store.js';
import { createIpcHandlers } from '../../../main/ipc/handlers.js';
import { registerIpcHandlers } from '../../../main/ipc/register.js';
import { logOutNow } from '../../../main/log-out.js';
import { popoverHeight } from '../../../main/popover-size.js';
import { RendererErrorLog } from '../../../main/renderer-log.js';
import type { UiLocale } from '../../../agent/shared/i18n/locale.js';
import { mainMessages } from '../../../main/i18n/index.js';
import type { AppState } from '../../../preload/api.js';

type Listener = (event: IpcMainInvokeEvent, arg: unknown) => unknown;

/** The screen the popover opens on: a 1440×900 laptop under the macOS menu bar. */
export const WORK_AREA_HEIGHT = 875;

/** The popover window's WebContents, as main's sender check sees it. */
const POPOVER_CONTENTS = { popover: true };

export interface MainSide {
  state: AppStateStore;
  connection: AgentConnection;
  calls: {
    logOut: string[][];
    hidePopover: number;
    refused: string[];
    fit: number[];
    logged: string[];
  };
  /** What ipcMain would run for an invoke from `frame`: sender check, validation, handler. */
  invoke(
    frame: { url: string; isMainFrame: boolean },
    channel: string,
    arg: unknown,
  ): Promise<unknown>;
  onState(listener: (s: AppState) => void): () => void;
  /** The window height main would set (clamped) each time the renderer measures itself. */
  onFit(listener: (height: number) => void): () => void;
  stop(): void;
}

export async function startMainSide(opts: {
  socketPath: string;
  user: string;
  popoverUrl: string;
  keychainService: string;
  os?: NodeJS.Platform;
  /** What main/locale.ts would choose on this desktop, set at ready as main does; English if absent. */
  locale?: UiLocale;
  /** This tray's release, when it plays one other than the agent's. */
  appVersion?: string;
}): Promise<MainSide> {
  const state = new AppStateStore();
  if (opts.locale) state.setLocale(opts.locale);
  const text = () => mainMessages(state.current.locale?.language ?? 'en');
  const appKey = new AppKey(new KeytarStore(opts.keychainService), opts.user, {
    messages: () => text().appKey,
    ...(opts.os && { os: opts.os }),
  });
  const loaded = await appKey.load();
  state.setKeychain(loaded.keychain, loaded.problem);
  const connection = new AgentConnection({
    socketPath: opts.socketPath,
    user: opts.user,
    clientName: 'elevate-tray-e2e',
    timeoutMs: 5000,
    locale: () => state.current.locale?.language,
    ...(opts.appVersion && { appVersion: opts.appVersion }),
    // Quick retries so the restart scenario does not wait on production back-off.
    backoff: { initialMs: 100, maxMs: 400, factor: 2 },
    onSession: async (session) => {
      const paired = await appKey.pair(session);
      state.setKeychain(paired.keychain, paired.problem);
    },
  });
  connection.on('change', (view) => state.setConnection(view));
  const calls: MainSide['calls'] = {
    logOut: [],
    hidePopover: 0,
    refused: [],
    fit: [],
    logged: [],
  };
  const fitListeners = new Set<(height: number) => void>();
  // What main/index.ts wires to the log file's 'renderer' scope.
  const rendererLog = new RendererErrorLog((line) => calls.logged.push(line));
  const handlers = createIpcHandlers({
    connection,
    appKey,
    getState: () => state.current,
    // The person confirms the dialog; the command is recorded instead of logging root out.
    logOut: () =>
      logOutNow(opts.os ?? 'linux', async () => true, {
        run: async (file, args) => {
          calls.logOut.push([file, ...args]);
        },
        messages: text().logOut,
      }),
    setOpenAtLogin: async (enabled) => {
      state.setOpenAtLogin(enabled);
      return { ok: true };
    },
    hidePopover: () => {
      calls.hidePopover += 1;
    },
    // main/index.ts's fitPopover, less Electron: the clamped height goes to the page's viewport.
    fitPopover: (requested) => {
      const height = popoverHeight(requested, WORK_AREA_HEIGHT);
      calls.fit.push(requested);
      for (const listener of fitListeners) listener(height);
    },
    logRendererError: (report) => rendererLog.report(report),
  });
  const registry = new Map<string, Listener>();
  registerIpcHandlers(
    { handle: (channel: string, listener: Listener) => void registry.set(channel, listener) },
    handlers,
    () => ({ webContents: POPOVER_CONTENTS, mainFrame: { routingId: 1, processId: 1 } }),
    (m) => calls.refused.push(m),
  );
  connection.start();
  return {
    state,
    connection,
    calls,
    async invoke(frame, channel, arg) {
      const listener = registry.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'.`);
      // Chromium stands in for Electron: the popover page's main frame plays the popover's
      // WebContents and main frame; any other page or frame gets other identities.
      const popoverPage = frame.url.split('#')[0] === opts.popoverUrl;
      const event = {
        sender: popoverPage ? POPOVER_CONTENTS : {},
        senderFrame: { url: frame.url, routingId: frame.isMainFrame ? 1 : 2, processId: 1 },
      };
      return listener(event as unknown as IpcMainInvokeEvent, arg);
    },
    onState(listener) {
      state.on('change', listener);
      return () => state.off('change', listener);
    },
    onFit(listener) {
      fitListeners.add(listener);
      return () => fitListeners.delete(listener);
    },
    stop() {
      connection.stop();
      state.removeAllListeners();
    },
  };
}
