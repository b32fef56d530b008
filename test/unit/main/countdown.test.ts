import { describe, expect, it, vi } from 'vitest';
import { Countdown, msUntilNextSecond } from '../../../main/countdown.js';
import { iso, makeGrant, makeSnapshot, T0 } from '../../helpers/snapshots.js';

describe('Countdown', () => {
  /** A wall clock the test moves by hand. */
  const clock = (start: number) => {
    const c = { t: start, now: () => c.t };
    return c;
  };

  it('takes the remaining time from the agent clock and counts down on the wall clock', () => {
    const w = clock(50_000);
    const c = new Countdown(w.now);
    // The agent says it is 2 min into a 10 min grant.
    const s = makeSnapshot({ grant: makeGrant(), now: iso(T0 + 120_000), seq: 5 });
    expect(c.accept(s)).toBe(true);
    expect(c.remainingMs()).toBe(480_000);
    w.t += 1500;
    expect(c.remainingMs()).toBe(478_500);
    expect(c.totalMs()).toBe(600_000);
    w.t += 10 * 60_000;
    expect(c.remainingMs()).toBe(0);
  });

  it('is right after a 20-minute sleep: the wall clock moved, a monotonic one would not have', () => {
    // Fake timers: setSystemTime moves Date.now() alone, as a sleep does to performance.now().
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      const c = new Countdown(); // the production clock
      c.accept(makeSnapshot({ grant: makeGrant({}, 3600), now: iso(T0 + 60_000), seq: 1 }));
      expect(c.remainingMs()).toBe(59 * 60_000);
      const monoBefore = performance.now();
      vi.setSystemTime(1_000_000 + 20 * 60_000);
      expect(performance.now()).toBe(monoBefore);
      expect(c.remainingMs()).toBe(39 * 60_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('snaps to every newer seq and drops older or equal ones', () => {
    const w = clock(0);
    const c = new Countdown(w.now);
    c.accept(makeSnapshot({ grant: makeGrant(), now: iso(T0), seq: 7 }));
    // Our clock ran fast: 70 s elapsed locally, the agent says 60 s.
    w.t = 70_000;
    const newer = makeSnapshot({ grant: makeGrant(), now: iso(T0 + 60_000), seq: 8 });
    expect(c.accept(newer)).toBe(true);
    expect(c.remainingMs()).toBe(540_000);
    w.t = 71_000;
    expect(c.accept(makeSnapshot({ grant: null, seq: 8 }))).toBe(false);
    expect(c.remainingMs()).toBe(539_000);
    expect(c.accept(makeSnapshot({ grant: null, seq: 3 }))).toBe(false);
  });

  it('clears on a snapshot without a grant and accepts a reset seq after resetSeq()', () => {
    const c = new Countdown(clock(0).now);
    c.accept(makeSnapshot({ grant: makeGrant(), seq: 40 }));
    c.accept(makeSnapshot({ grant: null, seq: 41 }));
    expect(c.remainingMs()).toBeNull();
    expect(c.totalMs()).toBeNull();
    c.resetSeq();
    expect(c.accept(makeSnapshot({ grant: makeGrant({ id: 'g_2' }), seq: 1 }))).toBe(true);
    expect(c.grantId()).toBe('g_2');
  });

  it('schedules the next redraw just after the displayed second changes', () => {
    expect(msUntilNextSecond(null)).toBe(1000);
    expect(msUntilNextSecond(9_250)).toBe(255);
    expect(msUntilNextSecond(9_000)).toBe(1005);
  });
});
