/** The popover's IPC: handlers built from the services, registered behind the sender check. */
import { dialog, ipcMain, systemPreferences } from 'electron';
import { logOutNow } from '../log-out.js';
import { mainMessages } from '../i18n/index.js';
import type { SetOpenAtLogin } from '../login-item/wiring.js';
import { touchIdPresence } from '../presence.js';
import { RendererErrorLog } from '../renderer-log.js';
import type { Services } from '../services.js';
import { fitPopover } from '../window/popover.js';
import { createIpcHandlers, type IpcHandlers } from './handlers.js';
import { registerIpcHandlers } from './register.js';

export function setupIpc(s: Services, setOpenAtLogin: SetOpenAtLogin): IpcHandlers {
  const popoverLog = s.logger('popover');
  const rendererLog = new RendererErrorLog((line) => popoverLog.error(line));
  const text = () => mainMessages(s.store.current.locale?.language ?? 'en');
  const handlers = createIpcHandlers({
    connection: s.connection,
    appKey: s.appKey,
    getState: () => s.store.current,
    logOut: () =>
      logOutNow(
        process.platform,
        async () => {
          const t = text().dialog;
          const { response } = await dialog.showMessageBox({
            type: 'question',
            buttons: [t.logOut.confirm, t.cancel],
            defaultId: 0,
            cancelId: 1,
            message: t.logOut.message,
            detail: t.logOut.detail,
          });
          return response === 0;
        },
        { messages: text().logOut },
      ),
    setOpenAtLogin,
    hidePopover: () => s.popover?.hide(),
    fitPopover: (height) => fitPopover(s, height),
    logRendererError: (report) => rendererLog.report(report),
    ...(process.platform === 'darwin' && {
      confirmPresence: touchIdPresence(systemPreferences, () => text().presence),
    }),
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
