import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('../fake-electron.js'));
import { callsTo, Notification, resetCalls } from '../fake-electron.js';
import { Notifier } from '../../../../main/notifications/notifier.js';

describe('Notifier', () => {
  beforeEach(() => {
    resetCalls();
    Notification.supported = true;
  });

  it('shows the model with a button only when it has an action', () => {
    const n = new Notifier(
      '/assets/icon.png',
      () => undefined,
      () => undefined,
    );
    n.show({
      key: 'a',
      title: 'T',
      body: 'B',
      action: { type: 'request-more-time', label: 'Request more time' },
    });
    n.show({ key: 'b', title: 'T2', body: 'B2', action: null });
    const shown = callsTo('notification', 'show').map((c) => c.args[0] as Record<string, unknown>);
    expect(shown[0]).toMatchObject({
      title: 'T',
      body: 'B',
      icon: '/assets/icon.png',
      actions: [{ type: 'button', text: 'Request more time' }],
    });
    expect(shown[1]?.actions).toEqual([]);
  });

  it('shows nothing where notifications are not supported', () => {
    Notification.supported = false;
    new Notifier(
      '/i.png',
      () => undefined,
      () => undefined,
    ).show({ key: 'a', title: 'T', body: 'B', action: null });
    expect(callsTo('notification')).toEqual([]);
  });
});
