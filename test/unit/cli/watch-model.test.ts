import { describe, it, expect } from 'vitest';
import {
  countdownLine,
  isNewer,
  remainingMs,
  WarningTracker,
  watchOutcome,
} from '../../../agent/cli/watch-model.js';
import { snapshot } from './snapshot-fixture.js';

describe('remainingMs', () => {
  it('uses the agent clock at receipt plus monotonic time since, never the local wall clock', () => {
    const a = { snapshot: snapshot(), receivedAtMono: 1000 };
    // expiresAt - now = 9 min 30 s; 2.5 s of monotonic time have passed since receipt.
    expect(remainingMs(a, 3500)).toBe(570_000 - 2500);
    expect(remainingMs({ snapshot: snapshot({ grant: null }), receivedAtMono: 0 }, 5)).toBeNull();
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
      'admin rights: 5:00 left, until 10:10:00',
    );
    expect(countdownLine(snapshot(), 299_001, false, now)).toBe('admin rights until 10:10:00');
    expect(countdownLine(snapshot(), -20, true, now)).toBe(
      'admin rights: ending now (deadline 10:10:00)',
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
      message: 'Your temporary rights have ended; your level is now none.',
    });
    const denied = snapshot({
      grant: null,
      request: { ...pending.request!, state: 'denied', decidedBy: 'root', note: 'use the kiosk' },
    });
    expect(watchOutcome(denied, false)).toEqual({
      code: 1,
      message: 'Your request r_1 was denied by root: use the kiosk',
    });
    expect(watchOutcome(snapshot({ grant: null, level: 'none' }), false)?.message).toBe(
      'You have no temporary rights right now (level: none).',
    );
  });
});
