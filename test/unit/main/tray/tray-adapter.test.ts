import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('../fake-electron.js'));
import type { Tray as ElectronTray } from 'electron';
import { callsTo, resetCalls, Tray, type FakeImage } from '../fake-electron.js';
import { TrayAdapter } from '../../../../main/tray/tray-adapter.js';
import {
  buildTrayView,
  type MenuAction,
  type TrayInput,
  type TrayOs,
} from '../../../../main/tray/tray-model.js';
import { makeGrant, makeSnapshot } from '../../../helpers/snapshots.js';

const snapshot = makeSnapshot({ level: 'admin', grant: makeGrant(), seq: 2 });
const view = (os: TrayOs, remainingMs: number, over: Partial<TrayInput> = {}) =>
  buildTrayView({
    os,
    connection: 'connected',
    snapshot,
    remainingMs,
    totalMs: 600_000,
    openAtLogin: false,
    ...over,
  });

function adapter(os: TrayOs, actions: MenuAction[] = []): TrayAdapter {
  return new TrayAdapter(new Tray(null) as unknown as ElectronTray, os, '/assets', (a) =>
    actions.push(a),
  );
}

describe('TrayAdapter', () => {
  beforeEach(() => resetCalls());

  it('on macOS sets the title every second but the image and menu only on change', () => {
    const a = adapter('darwin');
    for (let s = 0; s < 10; s++) a.render(view('darwin', 581_000 - s * 1000));
    const titles = callsTo('tray', 'setTitle');
    expect(titles.map((c) => c.args[0])).toEqual([
      '9:41',
      '9:40',
      '9:39',
      '9:38',
      '9:37',
      '9:36',
      '9:35',
      '9:34',
      '9:33',
      '9:32',
    ]);
    expect(titles[0]?.args[1]).toEqual({ fontType: 'monospacedDigit' });
    expect(callsTo('tray', 'setImage')).toHaveLength(1);
    expect(callsTo('Menu', 'buildFromTemplate')).toHaveLength(1);
    const image = callsTo('tray', 'setImage')[0]?.args[0] as FakeImage;
    expect(image.path).toBe('/assets/tray/mac/elevatedTemplate.png');
    expect(image.template).toBe(true);
  });

  it('does not call setTitle again for the same title', () => {
    const a = adapter('darwin');
    a.render(view('darwin', 581_000));
    a.render(view('darwin', 580_500));
    expect(callsTo('tray', 'setTitle')).toHaveLength(1);
  });

  it('on Linux never sets a title or rebuilds the menu with the clock, and shows the ring', () => {
    const a = adapter('linux');
    for (let s = 0; s < 120; s++) a.render(view('linux', 600_000 - s * 1000));
    expect(callsTo('tray', 'setTitle')).toHaveLength(0);
    // An open menu closes when it is rebuilt: two minutes of countdown rebuild it never.
    expect(callsTo('tray', 'setContextMenu')).toHaveLength(1);
    const frames = callsTo('tray', 'setImage').map((c) => (c.args[0] as FakeImage).path);
    expect(frames[0]).toBe('/assets/tray/win/ring-59@2x.png');
    expect(frames.length).toBeLessThanOrEqual(3);
  });

  // Electron 45 docs/api/tray.md: macOS/Windows emit 'click' on a left click and
  // 'right-click' on a right click; with setContextMenu a left click also opens the menu,
  // so there the menu is popped up on 'right-click' only. Linux: no 'right-click', the
  // menu must be given with setContextMenu, 'click' comes on activation.
  it.each(['darwin', 'win32'] as const)(
    'on %s: left click toggles the popover, right click pops up the menu, no setContextMenu',
    (os) => {
      const tray = new Tray(null);
      let toggles = 0;
      const a = new TrayAdapter(
        tray as unknown as ElectronTray,
        os,
        '/assets',
        () => undefined,
        () => toggles++,
      );
      a.render(view(os, 581_000));
      expect(callsTo('tray', 'setContextMenu')).toEqual([]);
      tray.emit('click');
      expect(toggles).toBe(1);
      expect(callsTo('tray', 'popUpContextMenu')).toEqual([]);
      tray.emit('right-click');
      expect(callsTo('tray', 'popUpContextMenu')).toHaveLength(1);
      expect(toggles).toBe(1);
    },
  );

  it('on Linux: the menu is set on the icon and activation toggles the popover', () => {
    const tray = new Tray(null);
    let toggles = 0;
    const a = new TrayAdapter(
      tray as unknown as ElectronTray,
      'linux',
      '/assets',
      () => undefined,
      () => toggles++,
    );
    a.render(view('linux', 581_000));
    expect(callsTo('tray', 'setContextMenu')).toHaveLength(1);
    tray.emit('click');
    expect(toggles).toBe(1);
  });

  it('on Windows swaps ring frames only when the frame changes', () => {
    const a = adapter('win32');
    for (let s = 0; s < 60; s++) a.render(view('win32', 600_000 - s * 1000));
    const frames = callsTo('tray', 'setImage').map((c) => (c.args[0] as FakeImage).path);
    // 600 s over 59 steps: a new frame about every 10 s.
    expect(frames.length).toBeGreaterThanOrEqual(6);
    expect(frames.length).toBeLessThanOrEqual(7);
    expect(frames[0]).toBe('/assets/tray/win/ring-59.png');
    expect(callsTo('tray', 'setToolTip')).toHaveLength(60);
  });

  it('wires menu clicks to actions and leaves the status line without one', () => {
    const actions: MenuAction[] = [];
    const a = adapter('linux', actions);
    a.render(view('linux', 581_000));
    const menu = callsTo('tray', 'setContextMenu')[0]?.args[0] as {
      template: Array<{
        id: string;
        click?: () => void;
        enabled?: boolean;
        submenu?: Array<{ click?: () => void }>;
      }>;
    };
    const byId = (id: string) => menu.template.find((m) => m.id === id);
    expect(byId('status')?.click).toBeUndefined();
    expect(byId('status')?.enabled).toBe(false);
    byId('stop-now')?.click?.();
    byId('more-time')?.submenu?.[1]?.click?.();
    byId('quit')?.click?.();
    expect(actions).toEqual([
      { type: 'stop-now' },
      { type: 'request-more-time', durationSec: 1800 },
      { type: 'quit' },
    ]);
  });
});
