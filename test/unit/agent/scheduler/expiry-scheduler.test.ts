/**
 * ExpiryScheduler against an injected clock whose wall, monotonic and boot readings the test
 * moves independently, with vitest's fake timers standing in for the event loop's timers so
 * each case runs in microseconds and fires at exact instants.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../agent/scheduler/clock.js';
import { ExpiryScheduler } from '../../../../agent/scheduler/expiry-scheduler.js';

const BOOT_ID = 'boot-1';

/**
 * A clock driven by the fake timers' own time (Date.now() under vi.useFakeTimers) plus offsets
 * the test sets: a wall-clock change moves only the wall; a sleep moves wall and boot but not
 * the monotonic clock, and fires no timers (libuv timers run on the monotonic clock).
 */
class TestClock implements Clock {
  private readonly start = Date.now();
  wallOffset = 1_800_000_000_000 - this.start;
  bootOffset = 50_000;
  bootIdValue: string | null = BOOT_ID;

  wall(): number {
    return Date.now() + this.wallOffset;
  }
  mono(): number {
    return Date.now() - this.start;
  }
  boot(): number | null {
    return this.bootIdValue === null ? null : Date.now() - this.start + this.bootOffset;
  }
  bootId(): string | null {
    return this.bootIdValue;
  }
  moveWall(deltaMs: number): void {
    this.wallOffset += deltaMs;
  }
  sleep(ms: number): void {
    this.wallOffset += ms;
    this.bootOffset += ms;
  }
}

function setup(): {
  clock: TestClock;
  scheduler: ExpiryScheduler;
  due: { user: string; mono: number }[];
  jumps: number[];
} {
  const clock = new TestClock();
  const due: { user: string; mono: number }[] = [];
  const jumps: number[] = [];
  const scheduler = new ExpiryScheduler(
    clock,
    (user) => due.push({ user, mono: clock.mono() }),
    (delta) => jumps.push(delta),
  );
  return { clock, scheduler, due, jumps };
}

describe('ExpiryScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires exactly at the deadline, not a millisecond before', () => {
    const { clock, scheduler, due } = setup();
    scheduler.arm('sam', clock.wall() + 5000, scheduler.bootDeadlineFor(clock.wall() + 5000));
    vi.advanceTimersByTime(4999);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toEqual([{ user: 'sam', mono: 5000 }]);
    expect(scheduler.armedCount).toBe(0);
  });

  it('keeps separate deadlines per user and re-arming replaces the old one', () => {
    const { clock, scheduler, due } = setup();
    scheduler.arm('a', clock.wall() + 3000, null);
    scheduler.arm('b', clock.wall() + 1000, null);
    scheduler.arm('a', clock.wall() + 7000, null);
    vi.advanceTimersByTime(10_000);
    expect(due).toEqual([
      { user: 'b', mono: 1000 },
      { user: 'a', mono: 7000 },
    ]);
  });

  it('never fires a disarmed user', () => {
    const { clock, scheduler, due } = setup();
    scheduler.arm('sam', clock.wall() + 2000, null);
    scheduler.disarm('sam');
    vi.advanceTimersByTime(10_000);
    expect(due).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('has no timer at all while nothing is armed (zero wake-ups when idle)', () => {
    const { clock, scheduler } = setup();
    expect(vi.getTimerCount()).toBe(0);
    scheduler.arm('sam', clock.wall() + 1500, null);
    expect(vi.getTimerCount()).toBe(2); // the exact timer and the 1 s tick
    vi.advanceTimersByTime(1500);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends a grant on the next tick when the wall clock jumps forward past its deadline', () => {
    const { clock, scheduler, due, jumps } = setup();
    scheduler.arm('sam', clock.wall() + 600_000, null);
    vi.advanceTimersByTime(200);
    clock.moveWall(3_600_000);
    vi.advanceTimersByTime(800); // the first tick, 1 s after arming
    expect(due).toEqual([{ user: 'sam', mono: 1000 }]);
    expect(jumps).toHaveLength(1);
    expect(jumps[0]).toBeCloseTo(3_600_000, -3);
  });

  it('never extends a grant when the wall clock is moved back', () => {
    const { clock, scheduler, due, jumps } = setup();
    scheduler.arm('sam', clock.wall() + 3000, scheduler.bootDeadlineFor(clock.wall() + 3000));
    vi.advanceTimersByTime(500);
    clock.moveWall(-3_600_000);
    vi.advanceTimersByTime(2499);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toEqual([{ user: 'sam', mono: 3000 }]);
    expect(jumps).toHaveLength(1);
    expect(jumps[0]).toBeCloseTo(-3_600_000, -3);
  });

  it('re-arming after the wall clock moved back still uses the boot deadline', () => {
    const { clock, scheduler, due } = setup();
    const wallDeadline = clock.wall() + 4000;
    const boot = scheduler.bootDeadlineFor(wallDeadline);
    expect(boot).toEqual({ bootId: BOOT_ID, uptimeMs: 54_000 });
    vi.advanceTimersByTime(1000);
    clock.moveWall(-3_600_000);
    // What a restart does: arm the stored wall deadline with the stored boot deadline.
    scheduler.arm('sam', wallDeadline, boot);
    vi.advanceTimersByTime(2999);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toEqual([{ user: 'sam', mono: 4000 }]);
  });

  it('ignores a boot deadline from another boot', () => {
    const { clock, scheduler, due } = setup();
    scheduler.arm('sam', clock.wall() + 60_000, { bootId: 'an-earlier-boot', uptimeMs: 1 });
    vi.advanceTimersByTime(59_999);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toHaveLength(1);
  });

  it('ends a grant whose deadline passed during sleep on the first tick after resume', () => {
    const { clock, scheduler, due } = setup();
    scheduler.arm('sam', clock.wall() + 600_000, scheduler.bootDeadlineFor(clock.wall() + 600_000));
    vi.advanceTimersByTime(300);
    clock.sleep(3_600_000);
    expect(scheduler.isDue('sam')).toBe(true);
    vi.advanceTimersByTime(700);
    expect(due).toEqual([{ user: 'sam', mono: 1000 }]);
  });

  it('does not report a sleep as a clock jump', () => {
    const { clock, scheduler, jumps, due } = setup();
    scheduler.arm(
      'sam',
      clock.wall() + 7_200_000,
      scheduler.bootDeadlineFor(clock.wall() + 7_200_000),
    );
    vi.advanceTimersByTime(1000);
    clock.sleep(600_000);
    vi.advanceTimersByTime(3000);
    expect(jumps).toEqual([]);
    expect(due).toEqual([]);
  });

  it('does not report a few hundred ms of drift as a clock jump', () => {
    const { clock, scheduler, jumps } = setup();
    scheduler.arm('sam', clock.wall() + 60_000, null);
    for (let i = 0; i < 10; i++) {
      clock.moveWall(i % 2 === 0 ? 300 : -300);
      vi.advanceTimersByTime(1000);
    }
    expect(jumps).toEqual([]);
  });

  it('falls back to the monotonic clock where there is no boot clock', () => {
    const { clock, scheduler, due, jumps } = setup();
    clock.bootIdValue = null;
    expect(scheduler.bootDeadlineFor(clock.wall() + 1000)).toBeNull();
    scheduler.arm('sam', clock.wall() + 2000, null);
    clock.moveWall(-60_000);
    vi.advanceTimersByTime(2000);
    expect(due).toEqual([{ user: 'sam', mono: 2000 }]);
    expect(jumps).toHaveLength(1);
  });

  it('lets the monotonic deadline rule when the wall clock lags a little', () => {
    const { clock, scheduler, due } = setup();
    scheduler.arm('sam', clock.wall() + 2000, null);
    // Wall clock slightly behind the monotonic progress (< jump threshold): the mono deadline rules.
    clock.moveWall(-50);
    vi.advanceTimersByTime(1999);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toEqual([{ user: 'sam', mono: 2000 }]);
  });
});
