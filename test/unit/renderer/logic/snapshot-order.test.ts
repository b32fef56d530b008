import { describe, expect, it } from 'vitest';
import { isNewerSnapshot } from '../../../../renderer/src/logic/snapshot-order.js';
import {
  stateChangeAnnouncement,
  warningAnnouncement,
} from '../../../../renderer/src/logic/announce.js';
import { grant, snapshot } from './fixtures.js';

describe('isNewerSnapshot', () => {
  it('keeps the higher seq and drops older or equal ones', () => {
    expect(isNewerSnapshot(snapshot({ seq: 5 }), snapshot({ seq: 6 }), false)).toBe(true);
    expect(isNewerSnapshot(snapshot({ seq: 5 }), snapshot({ seq: 5 }), false)).toBe(false);
    expect(isNewerSnapshot(snapshot({ seq: 5 }), snapshot({ seq: 4 }), false)).toBe(false);
  });
  it('takes the first snapshot, and the first after a reconnect whatever its seq', () => {
    expect(isNewerSnapshot(null, snapshot({ seq: 0 }), false)).toBe(true);
    expect(isNewerSnapshot(snapshot({ seq: 9 }), snapshot({ seq: 1 }), true)).toBe(true);
    expect(isNewerSnapshot(snapshot(), null, true)).toBe(false);
  });
});

describe('announcements', () => {
  const connected = 'connected' as const;
  it('speaks the agent going away and coming back', () => {
    const s = snapshot();
    expect(
      stateChangeAnnouncement(
        { connection: connected, snapshot: s },
        { connection: 'unavailable', snapshot: s },
      ),
    ).toMatch(/not running/);
    expect(
      stateChangeAnnouncement(
        { connection: 'unavailable', snapshot: s },
        { connection: connected, snapshot: s },
      ),
    ).toBe('Reconnected to Elevate.');
  });
  it('speaks level changes, extensions and request decisions, and nothing else', () => {
    const none = snapshot({ seq: 1 });
    const admin = snapshot({ seq: 2, level: 'admin', grant: grant() });
    const longer = snapshot({
      seq: 3,
      level: 'admin',
      grant: grant({ expiresAt: '2026-11-24T10:40:00.000Z' }),
    });
    const view = (s: typeof none) => ({ connection: connected, snapshot: s });
    expect(stateChangeAnnouncement(view(none), view(admin))).toBe('You are now: Administrator.');
    expect(stateChangeAnnouncement(view(admin), view(none))).toBe(
      'Your administrator rights have ended.',
    );
    expect(stateChangeAnnouncement(view(admin), view(longer))).toBe('Your rights were extended.');
    expect(stateChangeAnnouncement(view(admin), view({ ...admin, seq: 3 }))).toBeNull();
    const denied = snapshot({
      seq: 4,
      request: {
        id: 'r1',
        kind: 'elevate',
        level: 'admin',
        durationSec: 600,
        reason: 'x',
        state: 'denied',
        createdAt: '2026-11-24T10:00:00.000Z',
        decidedAt: '2026-11-24T10:01:00.000Z',
        decidedBy: 'root',
        note: 'Not today',
      },
    });
    expect(stateChangeAnnouncement(view(none), view(denied))).toBe(
      'Your request was denied: Not today',
    );
    expect(warningAnnouncement(60)).toBe('Your administrator rights end in 1 minute.');
  });
});
