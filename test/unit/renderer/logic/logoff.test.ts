import { describe, expect, it } from 'vitest';
import {
  logoffCountdownText,
  logoffRemainingMs,
  logoffText,
} from '../../../../renderer/src/logic/logoff.js';

const AT = '2026-11-24T10:02:00.000Z';

describe('forced log-off countdown', () => {
  it('counts down to logoffAt on the agent clock, advanced by the wall clock since receipt', () => {
    const at = { now: '2026-11-24T10:00:00.000Z', receivedAt: 5000 };
    expect(logoffRemainingMs(AT, at, 5000)).toBe(120_000);
    expect(logoffRemainingMs(AT, at, 20_000)).toBe(105_000);
    expect(logoffRemainingMs(AT, at, 500_000)).toBe(0);
  });

  it('says when, why, and to save work; then counts the seconds', () => {
    expect(logoffText(AT, 'revoke', 'en-GB', 'UTC')).toBe(
      'Windows will sign you out at 10:02 to finish removing your administrator rights. Save your work now.',
    );
    expect(logoffText(AT, 'grant', 'en-GB', 'UTC')).toContain(
      'at 10:02 to apply your new administrator rights.',
    );
    expect(logoffCountdownText(105_000)).toBe('Signing out in 01:45');
    expect(logoffCountdownText(0)).toBe('Signing you out now…');
  });
});
