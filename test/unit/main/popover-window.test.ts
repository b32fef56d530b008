import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('./fake-electron.js'));
import { BrowserWindow, resetCalls } from './fake-electron.js';
import { readFileSync } from 'node:fs';
import {
  createPopoverWindow,
  POPOVER_SIZE,
  popoverPosition,
} from '../../../main/popover-window.js';

function create(): BrowserWindow {
  createPopoverWindow('/app/dist/preload/index.cjs', '/app/dist/renderer/index.html');
  const win = BrowserWindow.created.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

describe('createPopoverWindow', () => {
  beforeEach(() => resetCalls());

  it('sets every security flag and the preload', () => {
    const prefs = create().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the built renderer from a file', () => {
    expect(create().loaded).toBe('/app/dist/renderer/index.html');
  });

  it('blocks navigation and new windows', () => {
    const wc = create().webContents;
    const event = { preventDefault: vi.fn() };
    wc.emit('will-navigate', event, 'https://evil.example/');
    wc.emit('will-redirect', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
    expect(wc.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const session = create().webContents.session;
    const callback = vi.fn();
    (session.permissionRequestHandler as (...a: unknown[]) => void)({}, 'media', callback, {});
    (session.permissionRequestHandler as (...a: unknown[]) => void)(
      {},
      'notifications',
      callback,
      {},
    );
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(
      (session.permissionCheckHandler as (...a: unknown[]) => boolean)(
        {},
        'clipboard-read',
        'file://',
        {},
      ),
    ).toBe(false);
  });

  it('relies on the meta-tag CSP (a header hook never runs for file:// pages)', () => {
    const session = create().webContents.session;
    expect(session.headersReceived).toBeNull();
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(meta).toContain("default-src 'none'");
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('unsafe');
  });
});

describe('popoverPosition', () => {
  const work = { x: 0, y: 25, width: 1440, height: 875 };
  it('opens under a menu-bar icon, kept inside the screen', () => {
    expect(popoverPosition({ x: 1400, y: 0, width: 22, height: 22 }, work)).toEqual({
      x: 1440 - POPOVER_SIZE.width,
      y: 25,
    });
  });
  it('opens above a bottom task-bar icon', () => {
    const bottom = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(popoverPosition({ x: 1700, y: 1045, width: 24, height: 24 }, bottom)).toEqual({
      x: 1712 - POPOVER_SIZE.width / 2,
      y: 1045 - POPOVER_SIZE.height,
    });
  });
  it('keeps a popover above a bottom task bar as it grows to its measured height', () => {
    const bottom = { x: 0, y: 0, width: 1920, height: 1040 };
    const icon = { x: 1700, y: 1045, width: 24, height: 24 };
    expect(popoverPosition(icon, bottom, { width: 360, height: 240 }).y).toBe(1045 - 240);
    expect(popoverPosition(icon, bottom, { width: 360, height: 600 }).y).toBe(1045 - 600);
  });
});
