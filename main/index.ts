/**
 * Composition root of the tray app's main process: a list of setupX() calls, one per
 * concern. Deciding logic lives in the Electron-free modules it wires together.
 */
import { app } from 'electron';
import { os as osUser } from '../agent/client/os-user.js';
import { APP_USER_MODEL_ID } from './app-identity.js';
import { setupIpc } from './ipc/wiring.js';
import { appLocale } from './locale.js';
import { quitsAtLogin } from './login-item/choice.js';
import { setupOpenAtLogin } from './login-item/wiring.js';
import {
  loginChoice,
  setupAgentState,
  setupAppKey,
  setupServices,
  type Services,
} from './services.js';
import { setupTrayAndNotifications } from './tray/wiring.js';
import { setupPopover, showPopover } from './window/popover.js';

function setupSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  // Another Elevate tray already runs for this person; it shows itself (second-instance).
  app.quit();
  return false;
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
  // A tray app: closing the popover must not quit it.
  app.on('window-all-closed', () => undefined);
  if (process.platform === 'darwin') app.dock?.hide();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Who the person is: on Windows `whoami` (once, up to 5 s) runs while Electron gets ready.
  void osUser.userName().then(async (user) => {
    const services = setupServices(user);
    await app.whenReady();
    onReady(services);
  });
}
