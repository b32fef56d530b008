/**
 * The popover window's wiring: AppState pushed to it, placed by the tray icon (or the Linux
 * corner) when shown, resized to the renderer's measured height, toggled by tray clicks.
 */
import { screen, type BrowserWindow } from 'electron';
import { STATE_CHANNEL, type AppState } from '../../preload/api.js';
import { createPopoverWindow, linuxPopoverPosition, popoverPosition } from '../popover-window.js';
import { POPOVER_WIDTH, popoverHeight } from '../popover-size.js';
import { hostOs, type Services } from '../services.js';

export function setupPopover(s: Services): void {
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

export function showPopover(s: Services): void {
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
export function fitPopover(s: Services, requested: number): void {
  const win = s.popover;
  if (!win || win.isDestroyed()) return;
  const display = screen.getDisplayMatching(win.getBounds());
  const height = popoverHeight(requested, display.workArea.height);
  if (win.getContentSize()[1] === height) return;
  win.setContentSize(POPOVER_WIDTH, height);
  if (win.isVisible()) placePopover(s, win);
}

export function togglePopover(s: Services): void {
  const win = s.popover;
  if (!win || win.isDestroyed()) return;
  const outcome = s.toggle.onTrayClick(win.isVisible(), Date.now());
  if (outcome === 'hide') win.hide();
  else if (outcome === 'show') showPopover(s);
}
