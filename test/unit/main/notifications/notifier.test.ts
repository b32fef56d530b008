import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('../fake-electron.js'));
import { callsTo, Notification, resetCalls } from '../fake-electron.js';
import { Notifier } from '../../../../main/notifications/notifier.js';
import { APP_USER_MODEL_ID } from '../../../../main/app-identity.js';

const warning = {
  key: 'a',
  title: 'T',
  body: 'B',
  action: { type: 'request-more-time' as const, label: 'Request more time' },
};

describe('Notifier', () => {
  beforeEach(() => {
    resetCalls();
    Notification.supported = true;
  });

  it('offers the button on macOS and Windows, where Electron has notification actions', () => {
    for (const os of ['darwin', 'win32'] as const) {
      resetCalls();
      const n = new Notifier(
        os,
        '/assets/icon.png',
        () => undefined,
        () => undefined,
      );
      n.show(warning);
      n.show({ key: 'b', title: 'T2', body: 'B2', action: null });
      const shown = callsTo('notification', 'show').map(
        (c) => c.args[0] as Record<string, unknown>,
      );
      expect(shown[0]).toMatchObject({
        title: 'T',
        body: 'B',
        icon: '/assets/icon.png',
        actions: [{ type: 'button', text: 'Request more time' }],
      });
      expect(shown[1]?.actions).toEqual([]);
    }
  });

  it('offers no button on Linux: a click opens the popover instead', () => {
    const clicked = vi.fn();
    const n = new Notifier('linux', '/i.png', () => undefined, clicked);
    n.show(warning);
    expect(callsTo('notification', 'show')[0]?.args[0]).toMatchObject({ actions: [] });
    Notification.last!.emit('click');
    expect(clicked).toHaveBeenCalledOnce();
  });

  it('keeps each notification until it closes, so its handlers are not collected', () => {
    const more = vi.fn();
    const n = new Notifier('darwin', '/i.png', more, () => undefined);
    n.show(warning);
    const shown = Notification.last!;
    expect(n.held).toBe(1);
    shown.emit('action', {}, 0);
    expect(more).toHaveBeenCalledOnce();
    shown.emit('close');
    expect(n.held).toBe(0);
    for (let i = 0; i < 30; i++) n.show({ ...warning, key: `k${i}` });
    expect(n.held).toBe(20);
  });

  it('shows nothing where notifications are not supported', () => {
    Notification.supported = false;
    new Notifier(
      'linux',
      '/i.png',
      () => undefined,
      () => undefined,
    ).show(warning);
    expect(callsTo('notification')).toEqual([]);
  });

  it('uses the installer’s appId as the Windows AppUserModelID, or toasts never show', () => {
    const yml = readFileSync(join(import.meta.dirname, '../../../../electron-builder.yml'), 'utf8');
    expect(yml).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replace(/\./g, '\\.')}$`, 'm'));
  });
});
