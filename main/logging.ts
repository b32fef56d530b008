/**
 * electron-log in main: file + console transports and uncaught errors. Its preload is off
 * (`preload: false`): it would be injected into every session, and the page has no use for
 * it. Its IPC channel (`__ELECTRON_LOG__`, registered when the module loads) checks no
 * sender, so it is removed: the popover's errors arrive through the checked `elevate:log`
 * channel instead (main/ipc, main/renderer-log.ts).
 */
import { ipcMain } from 'electron';
import log from 'electron-log/main.js';

export type ScopedLog = ReturnType<typeof log.scope>;

export const ELECTRON_LOG_CHANNEL = '__ELECTRON_LOG__';

export function setupLogging(): (scope: string) => ScopedLog {
  log.initialize({ preload: false });
  ipcMain.removeAllListeners(ELECTRON_LOG_CHANNEL);
  ipcMain.removeHandler(ELECTRON_LOG_CHANNEL);
  log.errorHandler.startCatching({ showDialog: false });
  log.transports.file.level = 'info';
  return (scope) => log.scope(scope);
}
