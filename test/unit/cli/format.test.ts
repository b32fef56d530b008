import { describe, it, expect, beforeAll } from 'vitest';
import {
  describeEvent,
  describePolicy,
  formatLocalTime,
  renderEventLine,
  renderEventsTable,
  renderForwardersTable,
  renderRequestsTable,
  renderSnapshot,
  renderStatusTable,
} from '../../../agent/cli/format.js';
import { renderTable } from '../../../agent/cli/table.js';
import { snapshot } from './snapshot-fixture.js';

beforeAll(() => {
  // Local times in these expectations are UTC; Node re-reads TZ when it is assigned.
  process.env.TZ = 'UTC';
});

const NOW = new Date('2026-11-24T10:00:30.000Z');

describe('renderTable', () => {
  it('aligns columns and flattens line breaks so a cell cannot fake a row', () => {
    expect(
      renderTable(
        ['A', 'LONG HEADER'],
        [
          ['xxxxx', 'y\nz'],
          ['1', ''],
        ],
      ),
    ).toBe(['A      LONG HEADER', 'xxxxx  y z', '1'].join('\n'));
  });
});

describe('renderTable in a narrow terminal', () => {
  it('cuts the widest columns with an ellipsis until the table fits, never the id', () => {
    const id = 'r_01M8Q34XEE00002N4N5PJ4EQ9Y';
    const out = renderTable(
      ['ID', 'USER', 'REASON', 'NOTE'],
      [[id, 'alice', 'install the printer driver for the second floor', 'ticket 4411, ok']],
      60,
    );
    const lines = out.split('\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    expect(lines[1]).toContain(id);
    expect(lines[1]).toContain('…');
    // The columns still line up under their headers.
    expect(lines[1]!.indexOf('alice')).toBe(lines[0]!.indexOf('USER'));
  });

  it('shows one block of fields per row when even cut columns cannot fit', () => {
    const out = renderTable(
      ['ID', 'USER', 'KIND', 'STATE', 'ADMIN NOTE'],
      [
        ['r_01M8Q34XEE00002N4N5PJ4EQ9Y', 'alice', 'elevate', 'pending', '-'],
        ['r_01M8Q34XEE00002N4N5PJ4EQ9Z', 'bob', 'extend', 'approved', 'ok'],
      ],
      40,
    );
    expect(out).toBe(
      [
        'ID:         r_01M8Q34XEE00002N4N5PJ4EQ9Y',
        'User:       alice',
        'Kind:       elevate',
        'State:      pending',
        'Admin note: -',
        '',
        'ID:         r_01M8Q34XEE00002N4N5PJ4EQ9Z',
        'User:       bob',
        'Kind:       extend',
        'State:      approved',
        'Admin note: ok',
      ].join('\n'),
    );
  });
});

describe('formatLocalTime', () => {
  it('shows the time alone on the same day, with the date otherwise', () => {
    expect(formatLocalTime('2026-11-24T10:10:00.000Z', NOW)).toBe('10:10:00');
    expect(formatLocalTime('2026-11-25T00:05:09.000Z', NOW)).toBe('2026-11-25 00:05:09');
  });
});

describe('renderStatusTable', () => {
  it('shows level, time left by the agent clock, expiry, source and reason', () => {
    const table = renderStatusTable(
      [
        snapshot(),
        snapshot({
          user: 'alexandra',
          level: 'none',
          grant: null,
          request: {
            id: 'r_7',
            kind: 'elevate',
            level: 'admin',
            durationSec: 1800,
            reason: 'printer driver',
            state: 'pending',
            createdAt: '2026-11-24T09:59:00.000Z',
            decidedAt: null,
            decidedBy: null,
            note: null,
          },
        }),
      ],
      NOW,
    );
    expect(table.split('\n')).toEqual([
      'USER       LEVEL          PERMANENT      TIME LEFT    EXPIRES   SOURCE  REASON          LATEST REQUEST',
      'sam        Administrator  Standard user  10 min left  10:10:00  admin   install BBEdit  -',
      'alexandra  Standard user  Standard user  -            -         -       -               pending r_7 (Administrator for 30 min)',
    ]);
  });

  it('says so when nobody has anything', () => {
    expect(renderStatusTable([])).toBe('No user has a temporary grant or a recent request.');
  });
});

describe('renderSnapshot', () => {
  it('lists the grant, request, usage and Windows hint', () => {
    const text = renderSnapshot(
      snapshot({
        usage: { commands: 3 },
        platform: { os: 'win32', logoutHint: 'grant' },
        request: {
          id: 'r_2',
          kind: 'extend',
          level: 'admin',
          durationSec: 900,
          reason: 'still compiling',
          state: 'denied',
          createdAt: '2026-11-24T10:00:10.000Z',
          decidedAt: '2026-11-24T10:00:20.000Z',
          decidedBy: 'root',
          note: 'not today',
        },
      }),
      NOW,
    );
    expect(text).toContain('Temporary grant:        Administrator, 10 min left');
    expect(text).toContain('Expires:                10:10:00');
    expect(text).toContain('Commands run with sudo: 3');
    expect(text).toContain('Latest request:         denied r_2 (extend by 15 min)');
    expect(text).toContain('Decided:                10:00:20 by root');
    expect(text).toContain('Admin note:             not today');
    expect(text).toContain(
      'Hint:                   log out and in again for the new rights to take full effect',
    );
  });

  it('says who acted as the person reads it in elevate status: an administrator, not SYSTEM', () => {
    const s = snapshot({
      request: {
        id: 'r_2',
        kind: 'elevate',
        level: 'admin',
        durationSec: 900,
        reason: 'install the driver',
        state: 'approved',
        createdAt: '2026-11-24T09:59:50.000Z',
        decidedAt: '2026-11-24T10:00:00.000Z',
        decidedBy: 'NT AUTHORITY\\SYSTEM',
        note: null,
        grantId: 'g_1',
      },
    });
    s.grant = { ...s.grant!, id: 'g_1', grantedBy: 'NT AUTHORITY\\SYSTEM' };
    const person = renderSnapshot(s, NOW, true);
    expect(person).toMatch(/^Granted: +10:00:00 by an administrator \(/m);
    expect(person).toMatch(/^Decided: +10:00:00 by an administrator$/m);
    expect(person).not.toContain('SYSTEM');
    // The admin at elevatectl sees the account the agent recorded.
    expect(renderSnapshot(s, NOW)).toMatch(/^Decided: +10:00:00 by NT AUTHORITY\\SYSTEM$/m);
  });

  it('leaves out an approval that belongs to an earlier grant', () => {
    const s = snapshot();
    const text = renderSnapshot(
      {
        ...s,
        request: {
          id: 'r_1',
          kind: 'extend',
          level: 'admin',
          durationSec: 1800,
          reason: null,
          state: 'approved',
          createdAt: '2026-11-24T09:59:50.000Z',
          decidedAt: '2026-11-24T09:59:50.000Z',
          decidedBy: 'policy',
          note: null,
          grantId: 'g_earlier',
        },
      },
      NOW,
    );
    expect(text).toContain('Temporary grant:');
    expect(text).not.toContain('Latest request');
  });

  it('says who ended the last grant and why', () => {
    const text = renderSnapshot(
      snapshot({
        grant: null,
        level: 'none',
        ended: {
          grantId: 'g_1',
          level: 'admin',
          how: 'revoked',
          at: '2026-11-24T10:00:10.000Z',
          by: 'alice',
          reason: 'laptop handed back',
        },
      }),
      NOW,
    );
    expect(text).toContain(
      'Last grant:      Administrator ended by alice at 10:00:10: laptop handed back',
    );
  });

  it('says there is no grant', () => {
    expect(renderSnapshot(snapshot({ grant: null, level: 'none' }), NOW)).toContain(
      'Temporary grant: none',
    );
  });
});

describe('requests and events', () => {
  it('renders a request row with its duration in words', () => {
    const t = renderRequestsTable(
      [
        {
          id: 'r_1',
          user: 'sam',
          kind: 'elevate',
          level: 'passwordless',
          durationSec: 5400,
          reason: 'x'.repeat(60),
          state: 'pending',
          createdAt: '2026-11-24T10:00:00.000Z',
          decidedAt: null,
          decidedBy: null,
          note: null,
        },
      ],
      NOW,
    );
    expect(t.split('\n')[1]).toBe(
      `r_1  sam   elevate  Passwordless sudo  1 h 30 min  pending  10:00:00  ${'x'.repeat(39)}…  -`,
    );
  });

  it('describes an event by reason, detail and ids', () => {
    const e = {
      id: 'e1',
      at: '2026-11-24T10:00:01.000Z',
      type: 'privilege.used' as const,
      user: 'sam',
      level: 'admin' as const,
      grantId: 'g_1',
      actor: 'sam',
      detail: { command: '/usr/bin/id', cwd: '/home/sam', runAs: 'root' },
    };
    expect(describeEvent(e)).toBe('command=/usr/bin/id cwd=/home/sam runAs=root grant=g_1');
    expect(renderEventsTable([e], NOW).split('\n')[0]).toBe(
      'AT        TYPE            USER  LEVEL          ACTOR  DETAILS',
    );
    expect(renderEventLine(e, NOW)).toBe(
      '10:00:01             privilege.used        sam           Administrator      sam           command=/usr/bin/id cwd=/home/sam runAs=root grant=g_1',
    );
    // A terminal's width: the details are cut with an ellipsis, the line fits exactly.
    const narrow = renderEventLine(e, NOW, 110);
    expect(narrow).toBe(
      '10:00:01             privilege.used        sam           Administrator      sam           command=/usr/bin/id…',
    );
    expect(narrow.length).toBe(110);
    const table = renderEventsTable([e], NOW, 70).split('\n');
    expect(table[1]).toBe('10:00:01  privilege.used  sam   Administrator  sam    command=/usr/bi…');
    expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(70);
    expect(renderEventsTable([])).toBe('No events.');
  });
});

describe('describePolicy', () => {
  it('says what a person may ask for', () => {
    expect(describePolicy(snapshot().policy)).toBe(
      'Requests: Administrator for up to 1 hour, granted at once, a reason of at least 10 characters; 2 extensions per grant.',
    );
    expect(
      describePolicy({ ...snapshot().policy, selfServe: false, approvalRequired: false }),
    ).toBe('Requests: not available (ask IT).');
  });
});

describe('renderForwardersTable', () => {
  it('shows each sink with its backlog and last error', () => {
    const t = renderForwardersTable(
      [
        {
          name: 'siem',
          type: 'syslog',
          pending: 0,
          delivered: 120,
          dropped: 0,
          lastError: null,
          lastDeliveredAt: '2026-11-24T10:00:05.000Z',
        },
        {
          name: 'hook',
          type: 'webhook',
          pending: 7,
          delivered: 3,
          dropped: 1,
          lastError: 'connect ECONNREFUSED 127.0.0.1:9',
          lastDeliveredAt: null,
        },
      ],
      NOW,
    );
    expect(t.split('\n')).toEqual([
      'SINK  TYPE     PENDING  DELIVERED  DROPPED  LAST DELIVERED  LAST ERROR',
      'siem  syslog   0        120        0        10:00:05        -',
      'hook  webhook  7        3          1        -               connect ECONNREFUSED 127.0.0.1:9',
    ]);
  });
});
