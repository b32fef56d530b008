/**
 * The tray's long-lived services, built once as soon as the person's name is known (usually
 * before the app is ready), and the start-up wiring between the agent connection, the app key
 * and AppState.
 */
import { app, type BrowserWindow, type Tray } from 'electron';
import { join } from 'node:path';
import { clientSocketPath } from '../agent/shared/default-paths.js';
import { AgentConnection } from './agent-connection.js';
import { AppKey } from './app-key.js';
import { loadAppKeyInBackground } from './app-key-startup.js';
import { AppStateStore } from './app-state.js';
import { Countdown } from './countdown.js';
import { KeytarStore } from './credentials/keytar-store.js';
import { mainMessages } from './i18n/index.js';
import type { IpcHandlers } from './ipc/handlers.js';
import { LoginChoice } from './login-item/choice.js';
import { setupLogging, type ScopedLog } from './logging.js';
import { resolveAppPaths, type AppPaths } from './paths.js';
import { PopoverToggle } from './popover-toggle.js';
import type { TrayOs } from './tray/tray-model.js';

export const hostOs: TrayOs =
  process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

export interface Services {
  logger: (scope: string) => ScopedLog;
  paths: AppPaths;
  store: AppStateStore;
  countdown: Countdown;
  connection: AgentConnection;
  appKey: AppKey;
  toggle: PopoverToggle;
  loginChoice: LoginChoice;
  refreshOpenAtLogin?: () => void;
  handlers?: IpcHandlers;
  popover?: BrowserWindow;
  tray?: Tray;
}

/** macOS and Windows: the person's own Open at login choice (main/login-item/choice.ts). */
export function loginChoice(): LoginChoice {
  return new LoginChoice(join(app.getPath('userData'), 'login-item.json'));
}

/** `user`: the person as the agent knows them (os-user.ts; on Windows their SID). */
export function setupServices(user: string): Services {
  const logger = setupLogging();
  const paths = resolveAppPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
  });
  const store = new AppStateStore();
  const appKey = new AppKey(new KeytarStore(), user, {
    messages: () => mainMessages(store.current.locale?.language ?? 'en').appKey,
  });
  const agentLog = logger('agent');
  const keyLog = logger('app-key');
  const connection = new AgentConnection({
    socketPath: clientSocketPath(),
    user,
    clientName: `elevate-tray/${app.getVersion()}`,
    locale: () => store.current.locale?.language,
    log: (m) => agentLog.info(m),
    onSession: async (session) => {
      try {
        const status = await appKey.pair(session);
        store.setKeychain(status.keychain, status.problem);
      } catch (err) {
        // Pairing is needed only for signed requests; status and Stop now work without it.
        keyLog.warn(`pairing failed: ${(err as Error).message}`);
      }
    },
  });
  return {
    logger,
    paths,
    store,
    countdown: new Countdown(),
    connection,
    appKey,
    toggle: new PopoverToggle(),
    loginChoice: loginChoice(),
  };
}

export function setupAppKey(s: Services): void {
  const log = s.logger('app-key');
  void loadAppKeyInBackground(
    s.appKey,
    s.connection,
    (status) => s.store.setKeychain(status.keychain, status.problem),
    (m) => log.warn(m),
  );
}

/** Agent → countdown and AppState; registered before anything that redraws from them. */
export function setupAgentState(s: Services): void {
  s.connection.on('snapshot', (snapshot) => s.countdown.accept(snapshot));
  s.connection.on('change', (view) => {
    if (view.connection !== 'connected') s.countdown.resetSeq();
    s.store.setConnection(view);
  });
}
