import { describe, it, expect } from 'vitest';
import { renderHistory } from '../../../agent/cli/history-view.js';
import type { AuditEvent } from '../../../agent/protocol/schemas.js';

const ev = (e: Partial<AuditEvent> & Pick<AuditEvent, 'type' | 'at'>): AuditEvent => ({
  id: `${e.type}-${e.at}`,
  user: 'sam',
  actor: 'root',
  grantId: 'g_1',
  ...e,
});

describe('elevate history', () => {
  it('shows sessions as the popover does, with one line per sudo command', () => {
    const events = [
      ev({
        type: 'privilege.granted',
        at: '2026-11-24T10:00:00Z',
        level: 'admin',
        reason: 'Install BBEdit',
      }),
      ev({
        type: 'privilege.used',
        at: '2026-11-24T10:01:00Z',
        actor: 'sam',
        detail: { command: '/usr/bin/apt install bbedit' },
      }),
      ev({
        type: 'privilege.used',
        at: '2026-11-24T10:02:00Z',
        actor: 'sam',
        detail: { command: '/usr/bin/id' },
      }),
      ev({ type: 'privilege.expired', at: '2026-11-24T10:10:00Z', actor: 'agent' }),
      ev({
        type: 'privilege.granted',
        at: '2026-11-24T11:00:00Z',
        level: 'passwordless',
        grantId: 'g_2',
      }),
    ];
    expect(
      renderHistory(events, 'g_2', 5, 100, { locale: 'en-GB', timeZone: 'UTC' }).split('\n'),
    ).toEqual([
      'Passwordless sudo · Active now',
      '  24 Nov, 11:00 · by root',
      '',
      'Administrator · Ended on time',
      '  24 Nov, 10:00 – 10:10 · by root · 2 commands run with sudo',
      '  Reason: Install BBEdit',
      '  $ /usr/bin/apt install bbedit',
      '  $ /usr/bin/id',
    ]);
  });

  it('says who gave each grant as the person reads it: an administrator, not root', () => {
    const events = [
      ev({ type: 'privilege.granted', at: '2026-11-24T09:00:00Z', level: 'admin' }),
      ev({ type: 'privilege.expired', at: '2026-11-24T09:10:00Z', actor: 'agent' }),
      ev({
        type: 'privilege.granted',
        at: '2026-11-24T10:00:00Z',
        level: 'admin',
        grantId: 'g_2',
        actor: 'policy',
      }),
      ev({
        type: 'privilege.granted',
        at: '2026-11-24T11:00:00Z',
        level: 'admin',
        grantId: 'g_3',
        actor: 'CONTOSO\\it-alice',
      }),
    ];
    const place = { locale: 'en-GB', timeZone: 'UTC', user: 'sam' };
    const facts = renderHistory(events, 'g_3', 5, 100, place)
      .split('\n')
      .filter((l) => l.startsWith('  '));
    expect(facts).toEqual([
      '  24 Nov, 11:00 · by CONTOSO\\it-alice',
      // Self-serve: the person gave the rights to themself.
      '  24 Nov, 10:00 · by you',
      '  24 Nov, 09:00 – 09:10 · by an administrator',
    ]);
  });

  it("writes dates the person's way", () => {
    const events = [
      ev({ type: 'privilege.granted', at: '2026-11-24T15:00:00Z', level: 'admin' }),
      ev({ type: 'privilege.released', at: '2026-11-24T15:20:00Z', actor: 'sam' }),
    ];
    const place = { timeZone: 'UTC' };
    expect(renderHistory(events, null, 5, 100, { ...place, locale: 'en-US' })).toContain(
      'Nov 24, 03:00 PM – 03:20 PM',
    );
    expect(renderHistory(events, null, 5, 100, { ...place, locale: 'de-DE' })).toContain(
      '24. Nov., 15:00 – 15:20',
    );
  });

  it('says so when there is nothing yet', () => {
    expect(renderHistory([], null, 5)).toBe(
      'No sessions yet: you have not had temporary rights here.',
    );
  });
});
