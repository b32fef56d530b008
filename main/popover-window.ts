// eng-disable CSP_GLOBAL_CHECK -- electronegativity rates script-src 'self' "maybe weak" (JSONP
// or uploads on the same origin); the popover loads only the app's packaged files over file://
// and cannot navigate. (The tool reads suppressions from a file's first line or the flagged one.)
/**
 * The popover: one small frameless window showing the built renderer over file://. Every
 * item of Electron's security checklist that applies is set here, because this is the only
 * window and the renderer is the least trusted code in the app.
 */
import { BrowserWindow, type Rectangle, type Session } from 'electron';
import { POPOVER_INITIAL_HEIGHT, POPOVER_WIDTH, SCREEN_MARGIN } from './popover-size.js';

/** The window's size until the renderer has measured its content (popover-size.ts). */
export const POPOVER_SIZE = { width: POPOVER_WIDTH, height: POPOVER_INITIAL_HEIGHT } as const;

export interface Size {
  width: number;
  height: number;
}

/**
 * Denies every permission in the popover's session. The Content-Security-Policy is the meta
 * tag in renderer/index.html: the page is a file:// page, and file:// loads have no response
 * headers for `webRequest.onHeadersReceived` to add one to, so a header hook here would be
 * dead code (frame-ancestors, the one header-only directive, is moot: nothing can frame it).
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function createPopoverWindow(preloadPath: string, rendererIndex: string): BrowserWindow {
  // Options written inline so static checkers (electronegativity) can see every flag.
  const win = new BrowserWindow({
    ...POPOVER_SIZE,
    // The sizes are the page's own: the renderer measures its content, not the window frame.
    useContentSize: true,
    show: false,
    frame: false,
    resizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Elevate',
    webPreferences: {
      // A reviewed preload: it exposes only the ElevateApi functions (preload/index.cts).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenSession(win.webContents.session);
  // The popover never leaves its own page and never opens another window.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.on('blur', () => win.hide());
  void win.loadFile(rendererIndex);
  return win;
}

/** Places the popover under (or above, for bottom task bars) the tray icon, inside the work area. */
export function popoverPosition(
  tray: Rectangle,
  workArea: Rectangle,
  size: Size = POPOVER_SIZE,
): { x: number; y: number } {
  const { width, height } = size;
  const x = Math.round(
    Math.min(
      Math.max(tray.x + tray.width / 2 - width / 2, workArea.x),
      workArea.x + workArea.width - width,
    ),
  );
  const below = tray.y + tray.height;
  const y =
    below + height <= workArea.y + workArea.height
      ? Math.max(below, workArea.y)
      : Math.max(workArea.y, tray.y - height);
  return { x, y: Math.round(y) };
}

/**
 * Linux: Tray.getBounds() is macOS/Windows only (docs/api/tray.md), so there is no icon to
 * open under. Most Linux panels sit at the top with the indicators on the right, so the
 * popover opens at the top-right corner of the work area (the screen minus panels) of the
 * display the pointer is on. Wayland does not let a window place itself: there the
 * compositor decides (usually the centre), and setPosition is ignored.
 */
export function linuxPopoverPosition(
  workArea: Rectangle,
  size: Size = POPOVER_SIZE,
  margin = SCREEN_MARGIN,
): { x: number; y: number } {
  return {
    x: Math.round(workArea.x + workArea.width - size.width - margin),
    y: Math.round(workArea.y + margin),
  };
}
