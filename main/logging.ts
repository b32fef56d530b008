/** electron-log in main: file + console transports, the renderer bridge, and uncaught errors. */
import log from 'electron-log/main.js';

export type ScopedLog = ReturnType<typeof log.scope>;

export function setupLogging(): (scope: string) => ScopedLog {
  log.initialize();
  log.errorHandler.startCatching({ showDialog: false });
  log.transports.file.level = 'info';
  return (scope) => log.scope(scope);
}
