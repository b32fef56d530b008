import { describe, expect, it } from 'vitest';
import {
  buildTrayView,
  ringFrame,
  RING_FRAMES,
  type MenuItemModel,
  type TrayInput,
} from '../../../../main/tray/tray-model.js';
import { makeGrant, makeSnapshot } from '../../../helpers/snapshots.js';

const elevated = makeSnapshot({ level: 'admin', grant: makeGrant(), seq: 3 });
const base = (over: Partial<TrayInput> = {}): TrayInput => ({
  os: 'linux',
  connection: 'connected',
  snapshot: elevated,
  remainingMs: 581_000,
  totalMs: 600_000,
  openAtLogin: false,
  ...over,
});
const ids = (menu: MenuItemModel[]): string[] => menu.map((m) => m.id);
const item = (menu: MenuItemModel[], id: string): MenuItemModel | undefined =>
  menu.find((m) => m.id === id);

describe('buildTrayView', () => {
  it('shows the macOS countdown as the title, with no title when not elevated', () => {
    const v = buildTrayView(base({ os: 'darwin' }));
    expect(v.title).toBe('9:41');
    expect(v.iconState).toBe('elevated');
    expect(v.ringFrame).toBeNull();
    expect(
      buildTrayView(base({ os: 'darwin', snapshot: makeSnapshot(), remainingMs: null })).title,
    ).toBe('');
    expect(buildTrayView(base({ os: 'linux' })).title).toBe('');
  });

  it('puts a minute-granularity status line in the macOS and Windows menu, disabled', () => {
    const v = buildTrayView(base({ os: 'darwin' }));
    expect(v.menu[0]).toMatchObject({
      id: 'status',
      label: 'Administrator · 10 min left',
      enabled: false,
    });
    expect(v.tooltip).toBe('Elevate: Administrator · 10 min left');
  });

  it('keeps the clock out of the Linux menu: it says the deadline, so it never changes with time', () => {
    const a = buildTrayView(base({ remainingMs: 581_000 }));
    expect(a.menu[0]).toMatchObject({ id: 'status', enabled: false });
    // The local clock time of expiresAt, as the person's locale writes it.
    expect((a.menu[0] as { label: string }).label).toMatch(/^Administrator until \d{1,2}:\d\d/);
    for (const remainingMs of [545_000, 539_000, 120_000, 1000]) {
      expect(buildTrayView(base({ remainingMs })).menuKey).toBe(a.menuKey);
    }
  });

  it('gives Linux the depleting ring, in steps that change about once a minute', () => {
    const frames = new Set<number | null>();
    for (let ms = 600_000; ms > 0; ms -= 1000)
      frames.add(buildTrayView(base({ remainingMs: ms })).ringFrame);
    expect(frames.size).toBeLessThanOrEqual(13);
    expect(buildTrayView(base({ remainingMs: 600_000 })).ringFrame).toBe(RING_FRAMES - 1);
    expect(
      buildTrayView(base({ snapshot: makeSnapshot(), remainingMs: null })).ringFrame,
    ).toBeNull();
  });

  it('shows the Windows clock in the tooltip and a ring frame that depletes', () => {
    const v = buildTrayView(base({ os: 'win32' }));
    expect(v.tooltip).toBe('Elevate: Administrator · 9:41 left');
    expect(v.ringFrame).toBe(ringFrame(581_000, 600_000));
    expect(v.iconKey).toBe(`elevated:${v.ringFrame}`);
    expect(ringFrame(600_000, 600_000)).toBe(RING_FRAMES - 1);
    expect(ringFrame(0, 600_000)).toBe(0);
    expect(ringFrame(1, 600_000)).toBe(1);
    expect(
      buildTrayView(base({ os: 'win32', snapshot: makeSnapshot(), remainingMs: null })).ringFrame,
    ).toBeNull();
  });

  it('turns to "ending" at the largest warning point', () => {
    expect(buildTrayView(base({ remainingMs: 300_001 })).iconState).toBe('elevated');
    expect(buildTrayView(base({ remainingMs: 300_000 })).iconState).toBe('ending');
    const custom = makeSnapshot({
      ...elevated,
      policy: { ...elevated.policy, warnBeforeSec: [120] },
    });
    expect(buildTrayView(base({ snapshot: custom, remainingMs: 200_000 })).iconState).toBe(
      'elevated',
    );
    const none = makeSnapshot({ ...elevated, policy: { ...elevated.policy, warnBeforeSec: [] } });
    expect(buildTrayView(base({ snapshot: none, remainingMs: 299_000 })).iconState).toBe('ending');
  });

  it('offers Stop now and the policy durations while elevated', () => {
    const v = buildTrayView(base());
    expect(ids(v.menu)).toEqual([
      'status',
      'sep-status',
      'stop-now',
      'more-time',
      'show-details',
      'sep-app',
      'open-at-login',
      'quit',
    ]);
    const more = item(v.menu, 'more-time');
    expect(more?.kind).toBe('submenu');
    if (more?.kind !== 'submenu') return;
    expect(more.items.map((m) => (m.kind === 'item' ? [m.label, m.action] : null))).toEqual([
      ['10 minutes', { type: 'request-more-time', durationSec: 600 }],
      ['30 minutes', { type: 'request-more-time', durationSec: 1800 }],
      ['1 hour', { type: 'request-more-time', durationSec: 3600 }],
    ]);
  });

  it('hides Request more time when no extensions are left or the policy allows no requests', () => {
    const spent = makeSnapshot({ ...elevated, grant: makeGrant({ extensionsLeft: 0 }) });
    expect(ids(buildTrayView(base({ snapshot: spent })).menu)).not.toContain('more-time');
    const closed = makeSnapshot({
      ...elevated,
      policy: { ...elevated.policy, selfServe: false, approvalRequired: false },
    });
    expect(ids(buildTrayView(base({ snapshot: closed })).menu)).not.toContain('more-time');
  });

  it('offers Request admin rights when not elevated and the policy allows it', () => {
    const v = buildTrayView(base({ snapshot: makeSnapshot(), remainingMs: null }));
    expect(v.iconState).toBe('idle');
    expect(v.menu[0]).toMatchObject({ label: 'Not elevated' });
    expect(item(v.menu, 'request-rights')).toMatchObject({
      enabled: true,
      action: { type: 'request-rights' },
    });
    expect(ids(v.menu)).not.toContain('stop-now');
    const permanent = makeSnapshot({ level: 'admin', permanentLevel: 'admin' });
    const p = buildTrayView(base({ snapshot: permanent, remainingMs: null }));
    expect(p.menu[0]).toMatchObject({ label: 'Administrator (permanent)' });
    expect(ids(p.menu)).not.toContain('request-rights');
  });

  it('shows a pending request and lets the person cancel it', () => {
    const s = makeSnapshot({
      request: {
        id: 'r_1',
        kind: 'elevate',
        level: 'admin',
        durationSec: 1800,
        reason: 'install BBEdit',
        state: 'pending',
        createdAt: elevated.now,
        decidedAt: null,
        decidedBy: null,
        note: null,
      },
    });
    const v = buildTrayView(base({ snapshot: s, remainingMs: null }));
    expect(v.iconState).toBe('pending');
    expect(v.menu[0]).toMatchObject({ label: 'Request pending: Administrator for 30 minutes' });
    expect(item(v.menu, 'cancel-request')).toMatchObject({
      action: { type: 'cancel-request', id: 'r_1' },
    });
    expect(ids(v.menu)).not.toContain('request-rights');
  });

  it('never shows a stale snapshot as live when the agent is unavailable', () => {
    const v = buildTrayView(base({ os: 'darwin', connection: 'unavailable' }));
    expect(v.iconState).toBe('offline');
    expect(v.title).toBe('');
    expect(v.menu[0]).toMatchObject({ label: 'Elevate agent is not running' });
    expect(ids(v.menu)).not.toContain('stop-now');
    expect(buildTrayView(base({ connection: 'connecting', snapshot: null })).menu[0]).toMatchObject(
      {
        label: 'Connecting to the Elevate agent…',
      },
    );
  });

  it('offers Log out now only for a Windows logout hint', () => {
    const hinted = makeSnapshot({ ...elevated, platform: { os: 'win32', logoutHint: 'grant' } });
    expect(ids(buildTrayView(base({ snapshot: hinted })).menu)).toContain('log-out');
    expect(ids(buildTrayView(base()).menu)).not.toContain('log-out');
  });

  it('says when Windows signs the person out, with Log out now beside it', () => {
    const logoffAt = '2026-12-01T14:42:00.000Z';
    const counting = makeSnapshot({
      seq: 4,
      platform: { os: 'win32', logoutHint: 'revoke', logoffAt },
    });
    const clock = (tag?: string) =>
      new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' }).format(
        new Date(logoffAt),
      );
    const v = buildTrayView(base({ os: 'win32', snapshot: counting, remainingMs: null }));
    expect(v.tooltip).toBe(`Elevate: Windows signs you out at ${clock()}: save your work`);
    expect(ids(v.menu)).toContain('log-out');
    const de = buildTrayView(
      base({
        os: 'win32',
        snapshot: counting,
        remainingMs: null,
        locale: { language: 'de', intl: 'de-DE' },
      }),
    );
    expect(de.menu[0]).toMatchObject({
      label: `Windows meldet Sie um ${clock('de-DE')} ab: Speichern Sie Ihre Arbeit`,
    });
  });

  it('reflects Open at login as a checkbox', () => {
    expect(item(buildTrayView(base({ openAtLogin: true })).menu, 'open-at-login')).toMatchObject({
      kind: 'checkbox',
      checked: true,
    });
  });
});

describe('buildTrayView in German', () => {
  const de = { language: 'de', intl: 'de-DE' } as const;

  it('says the status, the deadline in German clock time, and every menu item in German', () => {
    const v = buildTrayView(base({ locale: de }));
    const expires = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(
      new Date(elevated.grant?.expiresAt ?? ''),
    );
    expect(v.menu[0]).toMatchObject({ label: `Administrator bis ${expires}` });
    expect(v.tooltip).toBe(`Elevate: Administrator bis ${expires}`);
    const labels = v.menu.flatMap((m) => (m.kind === 'separator' ? [] : [m.label]));
    expect(labels.slice(1)).toEqual([
      'Jetzt beenden',
      'Mehr Zeit anfragen',
      'Details anzeigen…',
      'Bei Anmeldung öffnen',
      'Elevate beenden',
    ]);
    const more = item(v.menu, 'more-time');
    expect(
      more?.kind === 'submenu' && more.items.map((m) => m.kind !== 'separator' && m.label),
    ).toEqual(['10 Minuten', '30 Minuten', '1 Stunde']);
  });

  it('counts minutes left on macOS and Windows, and says when the agent is away', () => {
    expect(buildTrayView(base({ os: 'darwin', locale: de })).menu[0]).toMatchObject({
      label: 'Administrator · noch 10 Min.',
    });
    expect(buildTrayView(base({ os: 'win32', locale: de })).tooltip).toBe(
      'Elevate: Administrator · noch 9:41',
    );
    expect(buildTrayView(base({ connection: 'unavailable', locale: de })).menu[0]).toMatchObject({
      label: 'Der Elevate-Dienst läuft nicht',
    });
  });
});
