import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  formatCountdown,
  formatDuration,
  levelLabel,
  secondsLeft,
  spokenCountdown,
  spokenDuration,
} from '../../../../renderer/src/logic/format.js';

describe('levelLabel', () => {
  it('names each level as the person sees it', () => {
    expect(levelLabel('admin')).toBe('Administrator');
    expect(levelLabel('passwordless')).toBe('Passwordless sudo');
    expect(levelLabel('none')).toBe('Standard user');
  });
});

describe('formatCountdown', () => {
  it('shows mm:ss under an hour', () => {
    expect(formatCountdown(9 * 60_000 + 41_000)).toBe('09:41');
    expect(formatCountdown(59 * 60_000 + 59_000)).toBe('59:59');
  });
  it('shows h:mm:ss from an hour up', () => {
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('2:05:07');
  });
  it('rounds partial seconds up so 00:00 appears only at the deadline', () => {
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(999)).toBe('00:01');
    expect(formatCountdown(1000)).toBe('00:01');
    expect(formatCountdown(1001)).toBe('00:02');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5000)).toBe('00:00');
    expect(secondsLeft(-1)).toBe(0);
  });
});

describe('spoken text', () => {
  it('reads the countdown in words', () => {
    expect(spokenCountdown(9 * 60_000 + 5_000)).toBe('9 minutes 5 seconds left');
    expect(spokenCountdown(3_600_000 + 60_000)).toBe('1 hour 1 minute left');
    expect(spokenCountdown(0)).toBe('0 seconds left');
    expect(spokenDuration(300)).toBe('5 minutes');
  });
});

describe('formatDuration', () => {
  it('labels policy durations compactly', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(7200)).toBe('2 hours');
  });
});

describe('formatClockTime', () => {
  it('gives the local end time in the given zone', () => {
    expect(formatClockTime('2026-11-24T10:10:00.000Z', 'en-GB', 'UTC')).toBe('10:10');
    expect(formatClockTime('2026-11-24T10:10:00.000Z', 'en-GB', 'Europe/Berlin')).toBe('11:10');
    expect(formatClockTime('2026-11-24T23:05:00.000Z', 'en-US', 'UTC')).toMatch(/^11:05\sPM$/);
  });
});
