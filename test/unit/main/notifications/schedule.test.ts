import { describe, expect, it } from 'vitest';
import { NotificationSchedule } from '../../../../main/notifications/schedule.js';
import type { PrivilegeRequest } from '../../../../agent/protocol/schemas.js';
import { iso, makeGrant, makeSnapshot, T0 } from '../../../helpers/snapshots.js';

const idle = (seq: number) => makeSnapshot({ seq });
const withGrant = (seq: number, over = {}) =>
  makeSnapshot({ seq, level: 'admin', grant: makeGrant(over) });
const request = (
  state: PrivilegeRequest['state'],
  over: Partial<PrivilegeRequest> = {},
): PrivilegeRequest => ({
  id: 'r_1',
  kind: 'elevate',
  level: 'admin',
  durationSec: 1800,
  reason: 'install BBEdit',
  state,
  createdAt: iso(T0),
  decidedAt: state === 'pending' ? null : iso(T0 + 1000),
  decidedBy: state === 'pending' ? null : 'root',
  note: null,
  ...over,
});

describe('NotificationSchedule', () => {
  it('says nothing about what was already true when the app started', () => {
    const s = new NotificationSchedule();
    expect(s.onSnapshot(withGrant(1))).toEqual([]);
  });

  it('announces a grant with its length, once, even across a reconnect replay', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(idle(1));
    const shown = s.onSnapshot(withGrant(2));
    expect(shown.map((n) => [n.title, n.body])).toEqual([
      ['You are now an administrator', 'For 10 minutes.'],
    ]);
    s.onSnapshot(idle(3));
    // A reconnect replays the grant as the first snapshot of a new connection.
    expect(s.onSnapshot(withGrant(1)).filter((n) => n.key.startsWith('granted'))).toEqual([]);
  });

  it('announces the end, with the Windows log-out hint when the agent gives one', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(withGrant(1));
    expect(s.onSnapshot(idle(2)).map((n) => n.title)).toEqual(['Administrator rights ended']);
    const w = new NotificationSchedule();
    w.onSnapshot(withGrant(1));
    const ended = w.onSnapshot(
      makeSnapshot({ seq: 2, platform: { os: 'win32', logoutHint: 'revoke' } }),
    );
    expect(ended[0]?.body).toBe('Log out and back in to finish removing them.');
  });

  it('warns once that Windows signs the person out, how soon, and to save their work', () => {
    const countingDown = (seq: number, inMs: number) =>
      makeSnapshot({
        seq,
        platform: { os: 'win32', logoutHint: 'revoke', logoffAt: iso(T0 + inMs) },
      });
    const s = new NotificationSchedule();
    s.onSnapshot(withGrant(1));
    const shown = s.onSnapshot(countingDown(2, 120_000));
    expect(shown.find((n) => n.key.startsWith('logoff'))).toEqual({
      key: `logoff:${iso(T0 + 120_000)}`,
      title: 'Windows signs you out in 2 minutes',
      body: 'Save your work now: Windows signs you out to finish removing your administrator rights, and apps still open close without saving.',
      action: null,
    });
    // Said once per deadline, not with every push while it counts down.
    expect(s.onSnapshot(countingDown(3, 120_000))).toEqual([]);
    // Urgent even when the tray starts during the countdown; and in German on a German desktop.
    const de = new NotificationSchedule('de');
    expect(de.onSnapshot(countingDown(1, 90_000))).toEqual([
      {
        key: `logoff:${iso(T0 + 90_000)}`,
        title: 'Windows meldet Sie in 2 Minuten ab',
        body: 'Speichern Sie jetzt Ihre Arbeit: Windows meldet Sie ab, um das Entfernen Ihrer Administratorrechte abzuschließen, und noch offene Apps werden ohne Speichern geschlossen.',
        action: null,
      },
    ]);
  });

  it('says in the end notice what the session left behind, and reports a later clean-up', () => {
    const report = (rootEnded: number) => ({
      grantId: 'g_1',
      endedAt: iso(T0 + 600_000),
      commands: 3,
      drift: { found: 1, removed: 1 },
      rootProcesses: { found: 1, ended: rootEnded },
    });
    const s = new NotificationSchedule();
    s.onSnapshot(withGrant(1));
    const ended = s.onSnapshot(makeSnapshot({ seq: 2, lastSession: report(0) }));
    expect(ended.map((n) => n.body)).toEqual([
      'Your account is back to how it was before. 3 commands were run with sudo. ' +
        '1 admin right was added during the session; 1 removed. ' +
        '1 root process was still running and reported to IT.',
    ]);
    const later = s.onSnapshot(makeSnapshot({ seq: 3, lastSession: report(1) }));
    expect(later.map((n) => [n.title, n.body])).toEqual([
      [
        'After your admin session',
        '3 commands were run with sudo. 1 admin right was added during the session; 1 removed. ' +
          '1 root process was still running; 1 ended.',
      ],
    ]);
    expect(s.onSnapshot(makeSnapshot({ seq: 4, lastSession: report(1) }))).toEqual([]);
  });

  it('adds the Windows hint to a grant', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(idle(1));
    const [n] = s.onSnapshot(
      makeSnapshot({ seq: 2, grant: makeGrant(), platform: { os: 'win32', logoutHint: 'grant' } }),
    );
    expect(n?.body).toBe(
      'For 10 minutes. Log out and back in for the new rights to take full effect.',
    );
  });

  it('announces an extension of the same grant', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(withGrant(1));
    const later = withGrant(2, {
      expiresAt: iso(T0 + 1_200_000),
      extensionsUsed: 1,
      extensionsLeft: 1,
    });
    expect(s.onSnapshot(later).map((n) => n.body)).toEqual([
      '10 minutes added to your administrator rights.',
    ]);
  });

  it('warns once at each point, nearest only after a sleep, with a more-time button where allowed', () => {
    const s = new NotificationSchedule();
    const snap = withGrant(1);
    s.onSnapshot(snap);
    expect(s.onTick(snap, 301_000, 600_000)).toEqual([]);
    const [five] = s.onTick(snap, 299_600, 600_000);
    expect(five?.title).toBe('Administrator rights end in 5 minutes');
    expect(five?.action).toEqual({ type: 'request-more-time', label: 'Request more time' });
    expect(s.onTick(snap, 298_000, 600_000)).toEqual([]);
    expect(s.onTick(snap, 59_500, 600_000).map((n) => n.title)).toEqual([
      'Administrator rights end in 1 minute',
    ]);
    expect(s.onTick(snap, 10_000, 600_000)).toEqual([]);

    const slept = new NotificationSchedule();
    slept.onSnapshot(snap);
    expect(slept.onTick(snap, 30_000, 600_000).map((n) => n.title)).toEqual([
      'Administrator rights end in 30 seconds',
    ]);
  });

  it('does not warn about a point the grant started inside, and offers no button without extensions', () => {
    const s = new NotificationSchedule();
    const short = withGrant(1, { expiresAt: iso(T0 + 120_000), extensionsLeft: 0 });
    s.onSnapshot(short);
    expect(s.onTick(short, 119_000, 120_000)).toEqual([]);
    const [one] = s.onTick(short, 59_000, 120_000);
    expect(one?.action).toBeNull();
  });

  it('warns again after an extension moves the deadline', () => {
    const s = new NotificationSchedule();
    const first = withGrant(1);
    s.onSnapshot(first);
    expect(s.onTick(first, 299_000, 600_000)).toHaveLength(1);
    const extended = withGrant(2, { expiresAt: iso(T0 + 1_200_000) });
    s.onSnapshot(extended);
    expect(s.onTick(extended, 299_000, 1_200_000)).toHaveLength(1);
  });

  it('announces approvals it saw pending and every denial, with the note', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(idle(1));
    expect(s.onSnapshot(makeSnapshot({ seq: 2, request: request('pending') }))).toEqual([]);
    const approved = s.onSnapshot(
      makeSnapshot({ seq: 3, request: request('approved'), grant: makeGrant() }),
    );
    expect(approved.map((n) => n.title).sort()).toEqual([
      'Request approved',
      'You are now an administrator',
    ]);

    const d = new NotificationSchedule();
    d.onSnapshot(idle(1));
    const [denied] = d.onSnapshot(
      makeSnapshot({
        seq: 2,
        request: request('denied', { id: 'r_2', note: 'Ask your manager first.' }),
      }),
    );
    expect(denied).toMatchObject({
      title: 'Request denied',
      body: 'An administrator said: Ask your manager first.',
    });
    expect(
      d.onSnapshot(makeSnapshot({ seq: 3, request: request('denied', { id: 'r_2' }) })),
    ).toEqual([]);
  });

  it('does not announce a self-serve approval separately from the grant', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(idle(1));
    const shown = s.onSnapshot(
      makeSnapshot({ seq: 2, request: request('approved'), grant: makeGrant() }),
    );
    expect(shown.map((n) => n.title)).toEqual(['You are now an administrator']);
  });

  it('carries the approval note, and says when the agent cancelled a pending request', () => {
    const s = new NotificationSchedule();
    s.onSnapshot(idle(1));
    s.onSnapshot(makeSnapshot({ seq: 2, request: request('pending') }));
    const approved = s.onSnapshot(
      makeSnapshot({
        seq: 3,
        request: request('approved', { note: 'Reboot when done.' }),
        grant: makeGrant(),
      }),
    );
    expect(approved.find((n) => n.title === 'Request approved')?.body).toBe(
      'An administrator approved 30 minutes of administrator rights. Note: Reboot when done.',
    );
    s.onSnapshot(withGrant(4, { id: 'g_1' }));
    s.onSnapshot({
      ...withGrant(5, { id: 'g_1' }),
      request: request('pending', { id: 'r_2', kind: 'extend' }),
    });
    const cancelled = s.onSnapshot(
      makeSnapshot({
        seq: 6,
        request: request('cancelled', {
          id: 'r_2',
          kind: 'extend',
          decidedBy: 'agent',
          note: 'The rights it would extend have ended.',
        }),
      }),
    );
    expect(cancelled.map((n) => [n.title, n.body])).toContainEqual([
      'Request cancelled',
      'The rights it would extend have ended.',
    ]);
  });

  it('says who ended the rights and the reason they gave', () => {
    const s = new NotificationSchedule();
    s.onSnapshot({ ...withGrant(1, { id: 'g_1' }), user: 'sam' });
    const [ended] = s.onSnapshot(
      makeSnapshot({
        seq: 2,
        user: 'sam',
        ended: {
          grantId: 'g_1',
          level: 'admin',
          how: 'revoked',
          at: iso(T0 + 60_000),
          by: 'alice',
          reason: 'Laptop handed back to IT',
        },
      }),
    );
    expect(ended?.body).toBe(
      'alice ended them: Laptop handed back to IT. Your account is back to how it was before.',
    );
  });

  it('tells the person when the agent goes away and when it is back', () => {
    const s = new NotificationSchedule();
    expect(s.onConnection('unavailable')).toEqual([]); // not reached yet: the popover says so
    expect(s.onConnection('connected')).toEqual([]);
    expect(s.onConnection('unavailable').map((n) => n.title)).toEqual(['Elevate agent stopped']);
    expect(s.onConnection('connecting')).toEqual([]);
    expect(s.onConnection('connected').map((n) => n.title)).toEqual(['Elevate agent is back']);
    expect(s.onConnection('connected')).toEqual([]);
  });
});

describe('NotificationSchedule in German', () => {
  it('announces the grant, the warning and the end in German', () => {
    const s = new NotificationSchedule('de');
    s.onSnapshot(idle(1));
    expect(s.onSnapshot(withGrant(2)).map((n) => [n.title, n.body])).toEqual([
      ['Sie sind jetzt Administrator', 'Für 10 Minuten.'],
    ]);
    const grant = withGrant(2);
    const [warn] = s.onTick(grant, 299_000, 600_000);
    expect([warn?.title, warn?.body, warn?.action?.label]).toEqual([
      'Administratorrechte enden in 5 Minuten',
      'Speichern Sie Ihre Arbeit oder fragen Sie mehr Zeit an.',
      'Mehr Zeit anfragen',
    ]);
    expect(s.onSnapshot(idle(3)).map((n) => [n.title, n.body])).toEqual([
      ['Administratorrechte beendet', 'Ihr Konto ist wieder so wie vorher.'],
    ]);
  });

  it('names each level with its own German noun, and SYSTEM as an administrator', () => {
    const s = new NotificationSchedule('de');
    const sudo = (seq: number, expiresAt = T0 + 600_000) =>
      makeSnapshot({
        seq,
        level: 'passwordless',
        grant: makeGrant({ id: 'g_1', level: 'passwordless', expiresAt: iso(expiresAt) }),
      });
    s.onSnapshot(idle(1));
    s.onSnapshot(sudo(2));
    expect(s.onSnapshot(sudo(3, T0 + 1_200_000))[0]?.body).toBe(
      '10 Minuten zu Ihren Rechten für sudo ohne Passwort hinzugefügt.',
    );
    expect(s.onTick(sudo(3, T0 + 1_200_000), 60_000, 1_200_000)[0]?.title).toBe(
      'Rechte für sudo ohne Passwort enden in 1 Minute',
    );
    const [ended] = s.onSnapshot(
      makeSnapshot({
        seq: 4,
        ended: {
          grantId: 'g_1',
          level: 'passwordless',
          how: 'revoked',
          at: iso(T0 + 60_000),
          by: 'NT AUTHORITY\\SYSTEM',
          reason: null,
        },
      }),
    );
    expect([ended?.title, ended?.body]).toEqual([
      'Rechte für sudo ohne Passwort beendet',
      'Ein Administrator hat sie beendet. Ihr Konto ist wieder so wie vorher.',
    ]);
  });
});
