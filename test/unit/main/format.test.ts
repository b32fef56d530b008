import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDuration,
  formatMinutesLeft,
  levelLabel,
} from '../../../main/format.js';

describe('format', () => {
  it('formats the countdown clock, rounding up to whole seconds', () => {
    expect(formatClock(581_000)).toBe('9:41');
    expect(formatClock(580_001)).toBe('9:41');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
  it('formats minutes left at minute granularity', () => {
    expect(formatMinutesLeft(540_000)).toBe('9 min left');
    expect(formatMinutesLeft(540_001)).toBe('10 min left');
    expect(formatMinutesLeft(3_900_000)).toBe('1 h 5 min left');
    expect(formatMinutesLeft(7_200_000)).toBe('2 h left');
    expect(formatMinutesLeft(0)).toBe('ending now');
  });
  it('formats policy durations', () => {
    expect(formatDuration(600)).toBe('10 minutes');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5400)).toBe('1 h 30 min');
    expect(formatDuration(7200)).toBe('2 hours');
    expect(formatDuration(45)).toBe('45 seconds');
  });
  it('names levels', () => {
    expect(levelLabel('admin')).toBe('Administrator');
    expect(levelLabel('passwordless')).toBe('Passwordless sudo');
  });
});
