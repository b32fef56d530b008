import { describe, expect, it } from 'vitest';
import { Countdown, msUntilNextSecond } from '../../../main/countdown.js';
import { iso, makeGrant, makeSnapshot, T0 } from '../../helpers/snapshots.js';

describe('Countdown', () => {
  it('takes the remaining time from the agent clock and counts down on the monotonic clock', () => {
    const c = new Countdown();
    // The agent says it is 2 min into a 10 min grant; the local wall clock plays no part.
    const s = makeSnapshot({ grant: makeGrant(), now: iso(T0 + 120_000), seq: 5 });
    expect(c.accept(s, 50_000)).toBe(true);
    expect(c.remainingMs(50_000)).toBe(480_000);
    expect(c.remainingMs(51_500)).toBe(478_500);
    expect(c.totalMs()).toBe(600_000);
    expect(c.remainingMs(50_000 + 10 * 60_000)).toBe(0);
  });

  it('ignores a monotonic reading before the anchor instead of adding time', () => {
    const c = new Countdown();
    c.accept(makeSnapshot({ grant: makeGrant(), seq: 1 }), 1000);
    expect(c.remainingMs(0)).toBe(600_000);
  });

  it('snaps to every newer seq and drops older or equal ones', () => {
    const c = new Countdown();
    c.accept(makeSnapshot({ grant: makeGrant(), now: iso(T0), seq: 7 }), 0);
    // Our monotonic clock ran fast: 70 s elapsed locally, the agent says 60 s.
    const newer = makeSnapshot({ grant: makeGrant(), now: iso(T0 + 60_000), seq: 8 });
    expect(c.accept(newer, 70_000)).toBe(true);
    expect(c.remainingMs(70_000)).toBe(540_000);
    const stale = makeSnapshot({ grant: null, seq: 8 });
    expect(c.accept(stale, 71_000)).toBe(false);
    expect(c.remainingMs(71_000)).toBe(539_000);
    expect(c.accept(makeSnapshot({ grant: null, seq: 3 }), 72_000)).toBe(false);
  });

  it('clears on a snapshot without a grant and accepts a reset seq after resetSeq()', () => {
    const c = new Countdown();
    c.accept(makeSnapshot({ grant: makeGrant(), seq: 40 }), 0);
    c.accept(makeSnapshot({ grant: null, seq: 41 }), 1);
    expect(c.remainingMs(2)).toBeNull();
    expect(c.totalMs()).toBeNull();
    c.resetSeq();
    expect(c.accept(makeSnapshot({ grant: makeGrant({ id: 'g_2' }), seq: 1 }), 3)).toBe(true);
    expect(c.grantId()).toBe('g_2');
  });

  it('schedules the next redraw just after the displayed second changes', () => {
    expect(msUntilNextSecond(null)).toBe(1000);
    expect(msUntilNextSecond(9_250)).toBe(255);
    expect(msUntilNextSecond(9_000)).toBe(1005);
  });
});
