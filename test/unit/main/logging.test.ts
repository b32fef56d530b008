import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('./fake-electron.js'));
const { initialize } = vi.hoisted(() => ({ initialize: vi.fn() }));
vi.mock('electron-log/main.js', () => ({
  default: {
    initialize,
    errorHandler: { startCatching: vi.fn() },
    transports: { file: { level: 'debug' } },
    scope: (name: string) => ({ name }),
  },
}));
import { callsTo } from './fake-electron.js';
import { ELECTRON_LOG_CHANNEL, setupLogging } from '../../../main/logging.js';

describe('setupLogging', () => {
  it('injects no preload and leaves no unchecked electron-log IPC channel', () => {
    setupLogging();
    expect(initialize).toHaveBeenCalledWith({ preload: false });
    expect(callsTo('ipcMain').map((c) => [c.method, c.args[0]])).toEqual([
      ['removeAllListeners', ELECTRON_LOG_CHANNEL],
      ['removeHandler', ELECTRON_LOG_CHANNEL],
    ]);
  });
});
