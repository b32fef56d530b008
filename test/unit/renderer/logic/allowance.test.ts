import { describe, expect, it } from 'vitest';
import { allowanceText } from '../../../../renderer/src/logic/allowance.js';

describe('allowanceText', () => {
  it('says what the caps leave and when more comes', () => {
    expect(allowanceText(undefined)).toBeNull();
    expect(
      allowanceText(
        { leftSec: 1200, usedDaySec: 600, usedWeekSec: 600, moreAt: '2026-12-01T10:00:00.000Z' },
        'UTC',
      ),
    ).toBe("Admin time left under your policy's cap: 20 min; more from 10:00.");
    expect(
      allowanceText({ leftSec: 0, usedDaySec: 900, usedWeekSec: 900, moreAt: null }, 'UTC'),
    ).toBe("No admin time left under your policy's cap.");
  });
});
