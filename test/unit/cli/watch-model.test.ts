import { describe, it, expect } from 'vitest';
import {
  agentGoneLine,
  changeLines,
  clockJumped,
  countdownLine,
  isNewer,
  remainingMs,
  WarningTracker,
  watchOutcome,
} from '../../../agent/cli/watch-model.js';
import { snapshot } from './snapshot-fixture.js';

describe('remainingMs', () => {
  it('uses the agent clock at receipt plus wall-clock time since', () => {
    const a = { snapshot: snapshot(), receivedAtWall: 1_000_000 };
    // expiresAt - now = 9 min 30 s; 2.5 s of wall time have passed since receipt.
    expect(remainingMs(a, 1_002_500)).toBe(570_000 - 2500);
    expect(remainingMs({ snapshot: snapshot({ grant: null }), receivedAtWall: 0 }, 5)).toBeNull();
  });

  it('is right after a sleep, when a monotonic clock would have stopped', () => {
    // An injected pair of clocks: during a 5-minute sleep the wall clock moves, the monotonic
    // clock does not (CLOCK_MONOTONIC / mach_absolute_time stop in suspend).
    const before = { wall: 1_000_000, mono: 10_000 };
    const after = { wall: before.wall + 301_000, mono: before.mono + 1000 };
    const a = { snapshot: snapshot(), receivedAtWall: before.wall };
    expect(remainingMs(a, after.wall)).toBe(570_000 - 301_000);
    expect(clockJumped(before, after)).toBe(true);
    expect(clockJumped(before, { wall: before.wall + 1000, mono: before.mono + 1000 })).toBe(false);
  });
});

describe('changeLines', () => {
  process.env.TZ = 'UTC';
  const now = new Date('2026-11-24T10:00:00.000Z');
  const pending = {
    id: 'r_1',
    kind: 'extend' as const,
    level: 'admin' as const,
    durationSec: 1800,
    reason: null,
    state: 'pending' as const,
    createdAt: '2026-11-24T10:00:10.000Z',
    decidedAt: null,
    decidedBy: null,
    note: null,
  };
  it('prints each request event with the admin note', () => {
    const base = snapshot();
    const withReq = snapshot({ request: pending });
    expect(changeLines(base, withReq, now)).toEqual([
      'Request r_1 (30 min more) is waiting for an admin.',
    ]);
    // Under approval codes the person needs the code to read aloud where they are watching.
    const withCode = snapshot({ request: { ...pending, code: 'ABCD-EFGH-JKLM' } });
    withCode.platform = { ...withCode.platform, deviceId: 'DEV-1234' };
    expect(changeLines(base, withCode, now)).toEqual([
      'Request r_1 (30 min more) is waiting for an admin.',
      'Call your help desk and read them this code: ABCD-EFGH-JKLM (this computer: DEV-1234).',
      'Then enter the code they read back: elevate approve-code CODE',
    ]);
    const denied = snapshot({
      request: {
        ...pending,
        state: 'denied',
        decidedAt: '2026-11-24T10:00:20.000Z',
        decidedBy: 'alice',
        note: 'Book a maintenance window.',
      },
    });
    expect(changeLines(withReq, denied, now)).toEqual([
      'Request r_1 (30 min more) denied by alice: Book a maintenance window.',
    ]);
    const cancelled = snapshot({
      request: {
        ...pending,
        state: 'cancelled',
        decidedAt: '2026-11-24T10:00:20.000Z',
        decidedBy: 'agent',
        note: 'The rights it would extend have ended.',
      },
    });
    expect(changeLines(withReq, cancelled, now)).toEqual([
      'Request r_1 (30 min more) cancelled by Elevate: The rights it would extend have ended.',
    ]);
  });

  it('says when the deadline moved, so an earlier warning no longer stands', () => {
    const before = snapshot();
    const g = before.grant!;
    const later = snapshot({
      grant: { ...g, expiresAt: '2026-11-24T10:40:00.000Z', extensionsUsed: 1 },
      request: {
        ...pending,
        state: 'approved',
        decidedAt: '2026-11-24T10:00:20.000Z',
        decidedBy: 'alice',
        note: 'OK, reboot after.',
        grantId: g.id,
      },
    });
    expect(changeLines(before, later, now)).toEqual([
      'Request r_1 (30 min more) approved by alice: OK, reboot after.',
      'Your administrator rights now end at 10:40:00.',
    ]);
  });
});

describe('agentGoneLine', () => {
  it('says what the popover says, and that the deadline still holds', () => {
    expect(agentGoneLine(null)).toBe(
      'The Elevate agent is not running, so your rights cannot be shown or changed right now.',
    );
    expect(agentGoneLine(snapshot(), new Date('2026-11-24T10:00:00.000Z'))).toBe(
      'The Elevate agent is not running, so your rights cannot be shown or changed right now. Your rights still end at 10:10:00 as scheduled.',
    );
  });
});

describe('isNewer', () => {
  it('drops snapshots whose seq is not newer', () => {
    expect(isNewer(null, snapshot())).toBe(true);
    expect(isNewer(snapshot({ seq: 5 }), snapshot({ seq: 5 }))).toBe(false);
    expect(isNewer(snapshot({ seq: 5 }), snapshot({ seq: 4 }))).toBe(false);
    expect(isNewer(snapshot({ seq: 5 }), snapshot({ seq: 6 }))).toBe(true);
  });
});

describe('WarningTracker', () => {
  const T = '2026-11-24T10:10:00.000Z';
  it('warns once per threshold as it is crossed, not for thresholds already behind', () => {
    const w = new WarningTracker();
    expect(w.update(T, 400_000, [300, 60])).toEqual([]);
    expect(w.update(T, 300_500, [300, 60])).toEqual([]);
    expect(w.update(T, 299_900, [300, 60])).toEqual([300]);
    expect(w.update(T, 299_000, [300, 60])).toEqual([]);
    expect(w.update(T, 59_000, [300, 60])).toEqual([60]);
    const late = new WarningTracker();
    expect(late.update(T, 120_000, [300, 60])).toEqual([]);
    expect(late.update(T, 59_000, [300, 60])).toEqual([60]);
  });

  it('gives one warning (the nearest) when several are crossed at once, and re-arms after an extension', () => {
    const w = new WarningTracker();
    w.update(T, 400_000, [300, 60]);
    expect(w.update(T, 30_000, [300, 60])).toEqual([60]);
    const later = '2026-11-24T10:20:00.000Z';
    expect(w.update(later, 630_000, [300, 60])).toEqual([]);
    expect(w.update(later, 299_000, [300, 60])).toEqual([300]);
  });
});

describe('countdownLine', () => {
  process.env.TZ = 'UTC';
  const now = new Date('2026-11-24T10:00:00.000Z');
  it('shows the clock in a terminal and only the deadline otherwise', () => {
    expect(countdownLine(snapshot(), 299_001, true, now)).toBe(
      'Administrator: 5:00 left, until 10:10:00',
    );
    expect(countdownLine(snapshot(), 299_001, false, now)).toBe('Administrator until 10:10:00');
    expect(countdownLine(snapshot(), -20, true, now)).toBe(
      'Administrator: ending now (deadline 10:10:00)',
    );
  });
});

describe('watchOutcome', () => {
  it('goes on while a grant or a pending request exists, ends 0 when rights end', () => {
    expect(watchOutcome(snapshot(), false)).toBeNull();
    const pending = snapshot({
      grant: null,
      request: {
        id: 'r_1',
        kind: 'elevate',
        level: 'admin',
        durationSec: 600,
        reason: null,
        state: 'pending',
        createdAt: '2026-11-24T10:00:00.000Z',
        decidedAt: null,
        decidedBy: null,
        note: null,
      },
    });
    expect(watchOutcome(pending, false)).toBeNull();
    expect(watchOutcome(snapshot({ grant: null, level: 'none' }), true)).toEqual({
      code: 0,
      message: 'Your temporary rights have ended; your level is now Standard user.',
    });
    const denied = snapshot({
      grant: null,
      request: { ...pending.request!, state: 'denied', decidedBy: 'root', note: 'use the kiosk' },
    });
    expect(watchOutcome(denied, false)).toEqual({
      code: 1,
      // elevatectl ran as root (as an MDM or a script runs it): not an account to the person.
      message: 'Your request r_1 was denied by an administrator: use the kiosk',
    });
    const revoked = snapshot({
      grant: null,
      level: 'none',
      ended: {
        grantId: 'g_1',
        level: 'admin',
        how: 'revoked',
        at: '2026-11-24T10:05:00.000Z',
        by: 'alice',
        reason: 'Audit finished',
      },
    });
    expect(watchOutcome(revoked, true)?.message).toBe(
      'Your temporary rights were ended by alice (Audit finished); your level is now Standard user.',
    );
    expect(watchOutcome(snapshot({ grant: null, level: 'none' }), false)?.message).toBe(
      'You have no temporary rights right now (level: Standard user).',
    );
  });
});
