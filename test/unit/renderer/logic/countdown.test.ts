import { describe, expect, it } from 'vitest';
import {
  crossedWarning,
  msToNextSecond,
  remainingFraction,
  remainingMs,
} from '../../../../renderer/src/logic/countdown.js';
import { grant } from './fixtures.js';

describe('remainingMs', () => {
  const g = grant(); // 10:00 → 10:10
  it('measures against the agent clock in the snapshot, not the local wall clock', () => {
    expect(remainingMs(g, { now: '2026-11-24T10:01:00.000Z', receivedAt: 5000 }, 5000)).toBe(
      540_000,
    );
  });
  it('advances with the monotonic clock since the snapshot arrived', () => {
    expect(remainingMs(g, { now: '2026-11-24T10:01:00.000Z', receivedAt: 5000 }, 65_000)).toBe(
      480_000,
    );
  });
  it('never goes below zero', () => {
    expect(remainingMs(g, { now: '2026-11-24T10:20:00.000Z', receivedAt: 0 }, 0)).toBe(0);
  });
});

describe('remainingFraction', () => {
  it('is the share of the grant left, clamped to 0..1', () => {
    const g = grant();
    expect(remainingFraction(g, 300_000)).toBeCloseTo(0.5);
    expect(remainingFraction(g, 900_000)).toBe(1);
    expect(remainingFraction(g, 0)).toBe(0);
    expect(remainingFraction(grant({ expiresAt: g.grantedAt }), 10)).toBe(0);
  });
});

describe('msToNextSecond', () => {
  it('is the time until the shown whole second changes', () => {
    expect(msToNextSecond(9_250)).toBe(250);
    expect(msToNextSecond(9_000)).toBe(1000);
  });
});

describe('crossedWarning', () => {
  it('reports a warning point once, when the countdown passes it', () => {
    expect(crossedWarning(301, 300, [300, 60])).toBe(300);
    expect(crossedWarning(300, 299, [300, 60])).toBeNull();
    expect(crossedWarning(61, 60, [300, 60])).toBe(60);
    expect(crossedWarning(500, 400, [300, 60])).toBeNull();
  });
  it('reports the nearest point when a jump passes several', () => {
    expect(crossedWarning(400, 30, [300, 60])).toBe(60);
  });
  it('ignores an extension moving the countdown up', () => {
    expect(crossedWarning(50, 650, [300, 60])).toBeNull();
  });
});
