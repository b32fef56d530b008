import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../main/agent-connection.js';

describe('backoffDelay', () => {
  it('doubles up to the cap', () => {
    const mid = () => 0.5;
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffDelay(a, DEFAULT_BACKOFF, mid));
    expect(delays).toEqual([375, 750, 1500, 3000, 6000, 12000, 22500, 22500, 22500]);
  });

  it('jitters between half and all of the ceiling', () => {
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(2000);
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.999999)).toBe(4000);
    expect(backoffDelay(1000, DEFAULT_BACKOFF, () => 1)).toBe(30_000);
  });
});
