/**
 * Composition root of the tray app's main process: a list of setupX() calls, one per
 * concern. Deciding logic lives in the Electron-free modules it wires together.
 */
import {
  app,
  dialog,
  ipcMain,
  powerMonitor,
  screen,
  systemPreferences,
  Tray,
  type BrowserWindow,
} from 'electron';
import { join } from 'node:path';
import { clientSocketPath } from '../agent/shared/default-paths.js';
import { os as osUser } from '../agent/client/os-user.js';
import { STATE_CHANNEL, type ActionResult, type AppState } from '../preload/api.js';
import { AgentConnection } from './agent-connection.js';
import { APP_USER_MODEL_ID } from './app-identity.js';
import { AppKey } from './app-key.js';
import { loadAppKeyInBackground } from './app-key-startup.js';
import { AppStateStore } from './app-state.js';
import { Countdown, msUntilNextSecond } from './countdown.js';
import { KeytarStore } from './credentials/keytar-store.js';
import { createIpcHandlers, type IpcHandlers } from './ipc/handlers.js';
import { mainMessages } from './i18n/index.js';
import { appLocale } from './locale.js';
import { setupLockReport } from './lock-report.js';
import { touchIdPresence } from './presence.js';
import { registerIpcHandlers } from './ipc/register.js';
import { RendererErrorLog } from './renderer-log.js';
import { LoginChoice, quitsAtLogin, type LoginItemView } from './login-item/choice.js';
import { openAtLogin } from './login-item/create.js';
import { logOutNow } from './log-out.js';
import { setupLogging, type ScopedLog } from './logging.js';
import { Notifier } from './notifications/notifier.js';
import { NotificationSchedule } from './notifications/schedule.js';
import { resolveAppPaths, type AppPaths } from './paths.js';
import { createPopoverWindow, linuxPopoverPosition, popoverPosition } from './popover-window.js';
import { POPOVER_WIDTH, popoverHeight } from './popover-size.js';
import { PopoverToggle } from './popover-toggle.js';
import { runMenuAction } from './tray/menu-actions.js';
import { TrayAdapter } from './tray/tray-adapter.js';
import { setupWakeResync } from './wake-resync.js';
import { buildTrayView, type TrayOs } from './tray/tray-model.js';

const hostOs: TrayOs =
  process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';

interface Services {
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
function loginChoice(): LoginChoice {
  return new LoginChoice(join(app.getPath('userData'), 'login-item.json'));
}

function setupSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  // Another Elevate tray already runs for this person; it shows itself (second-instance).
  app.quit();
  return false;
}

function setupServices(): Services {
  const logger = setupLogging();
  const paths = resolveAppPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
  });
  const user = osUser.userName();
  const store = new AppStateStore();
  const appKey = new AppKey(new KeytarStore(), user);
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

function setupAppKey(s: Services): void {
  const log = s.logger('app-key');
  void loadAppKeyInBackground(
    s.appKey,
    s.connection,
    (status) => s.store.setKeychain(status.keychain, status.problem),
    (m) => log.warn(m),
  );
}

/** Agent → countdown and AppState; registered before anything that redraws from them. */
function setupAgentState(s: Services): void {
  s.connection.on('snapshot', (snapshot) => s.countdown.accept(snapshot));
  s.connection.on('change', (view) => {
    if (view.connection !== 'connected') s.countdown.resetSeq();
    s.store.setConnection(view);
  });
}

function setupOpenAtLogin(s: Services): (enabled: boolean) => Promise<ActionResult> {
  const item = openAtLogin(
    hostOs,
    s.loginChoice,
    () => mainMessages(s.store.current.locale?.language ?? 'en').loginItem,
  );
  const log = s.logger('login-item');
  const show = (view: LoginItemView): void => s.store.setOpenAtLogin(view.enabled, view.note);
  const refresh = (): void =>
    void item.read().then(show, (err: unknown) => log.warn(`cannot read Open at login: ${err}`));
  refresh();
  // The person may approve or switch it in System Settings / Task Manager meanwhile.
  s.refreshOpenAtLogin = refresh;
  return async (enabled) => {
    const { result, view } = await item.set(enabled);
    show(view);
    return result;
  };
}

function setupPopover(s: Services): void {
  const win = createPopoverWindow(s.paths.preload, s.paths.rendererIndex);
  s.popover = win;
  const push = (state: AppState): void => {
    if (!win.isDestroyed()) win.webContents.send(STATE_CHANNEL, state);
  };
  s.store.on('change', push);
  win.on('closed', () => s.store.off('change', push));
  // createPopoverWindow hides it on blur; remember when, for the tray click that caused it.
  win.on('blur', () => s.toggle.hiddenByBlur(Date.now()));
}

/** Puts the popover by the tray icon (or the Linux corner) for its current size. */
function placePopover(s: Services, win: BrowserWindow): void {
  const [width = POPOVER_WIDTH, height = 0] = win.getContentSize();
  if (hostOs === 'linux') {
    const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const { x, y } = linuxPopoverPosition(display.workArea, { width, height });
    win.setPosition(x, y);
  } else if (s.tray) {
    const bounds = s.tray.getBounds();
    const display = screen.getDisplayMatching(bounds);
    const { x, y } = popoverPosition(bounds, display.workArea, { width, height });
    win.setPosition(x, y);
  }
}

function showPopover(s: Services): void {
  const win = s.popover;
  if (!win || win.isDestroyed()) return;
  placePopover(s, win);
  s.refreshOpenAtLogin?.();
  win.show();
  win.focus();
}

/**
 * The renderer's measured content height → the window's, clamped to the screen it is on. An
 * open popover is placed again, so one that opened above a bottom task bar grows upward.
 */
function fitPopover(s: Services, requested: number): void {
  const win = s.popover;
  if (!win || win.isDestroyed()) return;
  const display = screen.getDisplayMatching(win.getBounds());
  const height = popoverHeight(requested, display.workArea.height);
  if (win.getContentSize()[1] === height) return;
  win.setContentSize(POPOVER_WIDTH, height);
  if (win.isVisible()) placePopover(s, win);
}

function togglePopover(s: Services): void {
  const win = s.popover;
  if (!win || win.isDestroyed()) return;
  const outcome = s.toggle.onTrayClick(win.isVisible(), Date.now());
  if (outcome === 'hide') win.hide();
  else if (outcome === 'show') showPopover(s);
}

function setupIpc(
  s: Services,
  setOpenAtLogin: (enabled: boolean) => Promise<ActionResult>,
): IpcHandlers {
  const popoverLog = s.logger('popover');
  const rendererLog = new RendererErrorLog((line) => popoverLog.error(line));
  const handlers = createIpcHandlers({
    connection: s.connection,
    appKey: s.appKey,
    getState: () => s.store.current,
    logOut: () =>
      logOutNow(process.platform, async () => {
        const t = mainMessages(s.store.current.locale?.language ?? 'en').dialog;
        const { response } = await dialog.showMessageBox({
          type: 'question',
          buttons: [t.logOut.confirm, t.cancel],
          defaultId: 0,
          cancelId: 1,
          message: t.logOut.message,
          detail: t.logOut.detail,
        });
        return response === 0;
      }),
    setOpenAtLogin,
    hidePopover: () => s.popover?.hide(),
    fitPopover: (height) => fitPopover(s, height),
    logRendererError: (report) => rendererLog.report(report),
    ...(process.platform === 'darwin' && { confirmPresence: touchIdPresence(systemPreferences) }),
  });
  const ipcLog = s.logger('ipc');
  registerIpcHandlers(
    ipcMain,
    handlers,
    () => {
      const win = s.popover;
      if (!win || win.isDestroyed()) return null;
      return { webContents: win.webContents, mainFrame: win.webContents.mainFrame };
    },
    (m) => ipcLog.warn(m),
  );
  s.handlers = handlers;
  return handlers;
}

function setupTrayAndNotifications(
  s: Services,
  handlers: IpcHandlers,
  setOpenAtLogin: (enabled: boolean) => Promise<ActionResult>,
): void {
  const tray = new Tray(
    join(
      s.paths.assets,
      'tray',
      hostOs === 'darwin' ? 'mac/offlineTemplate.png' : `${hostOs}/offline.png`,
    ),
  );
  s.tray = tray;
  const trayLog = s.logger('tray');
  const notifier = new Notifier(
    hostOs,
    join(s.paths.assets, 'icon.png'),
    () => showPopover(s),
    () => showPopover(s),
  );
  const report = (result: ActionResult): void => {
    if (!result.ok)
      notifier.show({ key: 'action-failed', title: 'Elevate', body: result.message, action: null });
  };
  const adapter = new TrayAdapter(
    tray,
    hostOs,
    s.paths.assets,
    (action) => {
      runMenuAction(action, {
        handlers,
        snapshot: () => s.store.current.snapshot,
        showPopover: () => showPopover(s),
        openRequestForm: (durationSec) => {
          s.store.openRequestForm(durationSec);
          showPopover(s);
        },
        toggleOpenAtLogin: () => void setOpenAtLogin(!s.store.current.openAtLogin).then(report),
        quit: () => app.quit(),
        report,
        locale: s.store.current.locale,
        confirm: async (q) => {
          const { response } = await dialog.showMessageBox({
            type: 'question',
            buttons: [q.confirmLabel, q.cancelLabel],
            defaultId: 1,
            cancelId: 1,
            message: q.message,
            detail: q.detail,
          });
          return response === 0;
        },
      }).catch((err: unknown) => trayLog.error(err));
    },
    () => togglePopover(s),
  );

  const schedule = new NotificationSchedule(s.store.current.locale?.language);
  s.connection.on('snapshot', (snapshot) => {
    for (const n of schedule.onSnapshot(snapshot)) notifier.show(n);
  });
  s.connection.on('change', (view) => {
    for (const n of schedule.onConnection(view.connection)) notifier.show(n);
  });

  let timer: NodeJS.Timeout | null = null;
  const render = (): void => {
    const state = s.store.current;
    const remainingMs = s.countdown.remainingMs();
    adapter.render(
      buildTrayView({
        os: hostOs,
        connection: state.connection,
        snapshot: state.snapshot,
        remainingMs,
        totalMs: s.countdown.totalMs(),
        openAtLogin: state.openAtLogin,
        locale: state.locale,
      }),
    );
    if (state.connection === 'connected' && state.snapshot && remainingMs !== null) {
      for (const n of schedule.onTick(
        state.snapshot,
        remainingMs,
        s.countdown.totalMs() ?? remainingMs,
      ))
        notifier.show(n);
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(render, msUntilNextSecond(remainingMs));
  };
  s.store.on('change', render);
  render();
  setupLockReport(powerMonitor, () => s.connection.call('session.locked'), trayLog.info);
  setupWakeResync(powerMonitor, (why) => {
    trayLog.info(`${why}: asking the agent again`);
    s.connection.refresh();
    render();
  });
  app.on('before-quit', () => {
    if (timer) clearTimeout(timer);
  });
}

function onReady(s: Services): void {
  s.store.setLocale(appLocale());
  setupAgentState(s);
  const setOpenAtLogin = setupOpenAtLogin(s);
  setupPopover(s);
  const handlers = setupIpc(s, setOpenAtLogin);
  setupTrayAndNotifications(s, handlers, setOpenAtLogin);
  s.connection.start();
  // After the connection starts: the keychain may prompt or hang, and nothing waits for it.
  setupAppKey(s);
  app.on('second-instance', () => showPopover(s));
  app.on('before-quit', () => s.connection.stop());
  s.logger('app').info('Elevate tray started');
}

// The installer's login entry starts everyone's tray; a person who turned it off gets none.
if (quitsAtLogin(process.argv, loginChoice())) app.exit(0);
else if (setupSingleInstance()) {
  const services = setupServices();
  // A tray app: closing the popover must not quit it.
  app.on('window-all-closed', () => undefined);
  if (process.platform === 'darwin') app.dock?.hide();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  void app.whenReady().then(() => onReady(services));
}
