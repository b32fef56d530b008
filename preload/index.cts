/**
 * The preload: exposes exactly the ElevateApi functions as `window.elevate`. Sandboxed
 * preloads are CommonJS and may require only 'electron', so the channel names are written
 * out here and checked against preload/api.ts by the type checker.
 */
// A sandboxed preload is CommonJS: `import x = require()` is how TypeScript writes that.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { AppState, ElevateApi, IpcChannel, IpcChannels, STATE_CHANNEL } from './api.js' with {
  'resolution-mode': 'import',
};

const { contextBridge, ipcRenderer } = electron;

const STATE: typeof STATE_CHANNEL = 'elevate:state';

function invoke<C extends IpcChannel>(
  channel: C,
  arg?: IpcChannels[C][0],
): Promise<IpcChannels[C][1]> {
  return ipcRenderer.invoke(channel, arg) as Promise<IpcChannels[C][1]>;
}

const api: ElevateApi = {
  getState: () => invoke('elevate:get-state'),
  onState(listener) {
    // The renderer gets the payload only, never the IPC event (which exposes the sender).
    const handler = (_event: Electron.IpcRendererEvent, state: AppState): void => listener(state);
    ipcRenderer.on(STATE, handler);
    return () => {
      ipcRenderer.removeListener(STATE, handler);
    };
  },
  stopNow: () => invoke('elevate:stop-now'),
  requestElevation: (input) => invoke('elevate:request-elevation', input),
  requestMoreTime: (input) => invoke('elevate:request-more-time', input),
  cancelRequest: (id) => invoke('elevate:cancel-request', id),
  enterApprovalCode: (code) => invoke('elevate:enter-approval-code', code),
  getHistory: (limit) => invoke('elevate:get-history', limit),
  logOutNow: () => invoke('elevate:log-out-now'),
  setOpenAtLogin: (enabled) => invoke('elevate:set-open-at-login', enabled),
  hidePopover: () => invoke('elevate:hide-popover'),
  fitContent: (size) => invoke('elevate:fit-content', size),
  reportError: (report) => invoke('elevate:log', report),
};

contextBridge.exposeInMainWorld('elevate', Object.freeze(api));
