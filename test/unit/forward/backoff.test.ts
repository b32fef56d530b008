import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../agent/forward/backoff.js';

describe('backoffDelay', () => {
  const retry = { baseMs: 1000, maxMs: 60_000 };
  it('doubles per failure between half and all of the ceiling, capped at maxMs', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, retry, undefined, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, retry, undefined, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffDelay(50, retry, undefined, () => 1)).toBe(60_000);
  });
  it("honours a receiver's Retry-After, still within maxMs", () => {
    expect(backoffDelay(1, retry, 5000, () => 0)).toBe(5000);
    expect(backoffDelay(1, retry, 3_600_000, () => 0)).toBe(60_000);
  });
});
