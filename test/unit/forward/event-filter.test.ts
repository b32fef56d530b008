import { describe, expect, it } from 'vitest';
import { eventMatcher } from '../../../agent/forward/event-filter.js';

describe('eventMatcher', () => {
  it('matches "*", prefixes with their dot, and exact types', () => {
    const m = eventMatcher(['privilege.*', 'auth.failed']);
    expect(
      ['privilege.granted', 'privilege.used', 'auth.failed', 'auth.paired', 'privileges.x'].map(m),
    ).toEqual([true, true, true, false, false]);
    expect(eventMatcher(['*'])('clock.jumped')).toBe(true);
  });
});
