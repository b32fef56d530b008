import { describe, it, expect } from 'vitest';
import {
  formatClock,
  formatDuration,
  formatTimeLeft,
  parseDuration,
} from '../../../agent/cli/duration.js';
import { UsageError } from '../../../agent/cli/usage-error.js';

describe('parseDuration', () => {
  it.each([
    ['10m', 600],
    ['1h30m', 5400],
    ['90s', 90],
    ['10min', 600],
    ['10 min', 600],
    ['10 minutes', 600],
    ['1 h 30 min', 5400],
    ['2 hours', 7200],
    ['1h', 3600],
    ['2d', 172_800],
    ['1h0m5s', 3605],
    [' 15M ', 900],
  ])('reads %s as %i seconds', (text, sec) => {
    expect(parseDuration(text)).toBe(sec);
  });

  it('refuses more than the protocol allows, saying the limit', () => {
    expect(parseDuration('3650d')).toBe(315_360_000);
    expect(() => parseDuration('3651d')).toThrow('it is longer than 3650 d');
  });

  it.each(['', '0m', '10x', 'm', '30m1h', '1h1h', '1.5h', '-5m', '10 mi', 'abc'])(
    'refuses %j with a UsageError that gives examples',
    (text) => {
      expect(() => parseDuration(text, 'grant')).toThrow(UsageError);
      try {
        parseDuration(text, 'grant');
      } catch (err) {
        expect((err as UsageError).message).toMatch(
          /is not a duration: .*\(examples: 90s, 10m, 10 min, 1h30m\)\.$/,
        );
        expect((err as UsageError).command).toBe('grant');
      }
    },
  );

  it('refuses a bare number rather than guess its unit, and says how to write it', () => {
    expect(() => parseDuration('10', 'request')).toThrow(
      '"10" has no unit: write 10m for 10 minutes, 10h for hours or 10s for seconds.',
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [90, '1 min 30 s'],
    [600, '10 min'],
    [1800, '30 min'],
    [5400, '1 h 30 min'],
    [3600, '1 hour'],
    [7200, '2 hours'],
    [90_000, '1 d 1 h'],
  ])('%i s reads "%s"', (sec, text) => {
    expect(formatDuration(sec)).toBe(text);
  });
});

describe('formatTimeLeft', () => {
  it('rounds minutes up, as the popover clock rounds its seconds and the tray its minutes', () => {
    expect(formatTimeLeft(570_000)).toBe('10 min left');
    expect(formatTimeLeft(600_000)).toBe('10 min left');
    expect(formatTimeLeft(600_001)).toBe('11 min left');
  });
  it.each([
    [40_500, '41 s left'],
    [3_900_000, '1 h 5 min left'],
    [7_200_000, '2 h left'],
    [90_000_000, '1 d 1 h left'],
    [0, 'ending now'],
    [-500, 'ending now'],
  ])('%i ms reads "%s"', (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});

describe('formatClock', () => {
  it('counts like a kitchen timer: rounds up to the next whole second', () => {
    expect(formatClock(299_001)).toBe('5:00');
    expect(formatClock(299_000)).toBe('4:59');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-10)).toBe('0:00');
  });
});
