import { describe, expect, it } from 'vitest';
import { catalogueGaps } from '../../../agent/shared/i18n/catalogue.js';
import { formatClock } from '../../../main/format.js';
import { MAIN_CATALOGUES, mainMessages } from '../../../main/i18n/index.js';

describe('format', () => {
  it('formats the countdown clock, rounding up to whole seconds', () => {
    expect(formatClock(581_000)).toBe('9:41');
    expect(formatClock(580_001)).toBe('9:41');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});

describe('the tray catalogue', () => {
  const en = mainMessages('en');
  const de = mainMessages('de');

  it('has every English sentence in German too', () => {
    expect(catalogueGaps(MAIN_CATALOGUES)).toEqual([]);
  });

  it('says minutes left at minute granularity', () => {
    expect(en.minutesLeft(540_000)).toBe('9 min left');
    expect(en.minutesLeft(540_001)).toBe('10 min left');
    expect(en.minutesLeft(3_900_000)).toBe('1 h 5 min left');
    expect(en.minutesLeft(7_200_000)).toBe('2 h left');
    expect(en.minutesLeft(0)).toBe('ending now');
    expect(de.minutesLeft(540_001)).toBe('noch 10 Min.');
    expect(de.minutesLeft(3_900_000)).toBe('noch 1 Std. 5 Min.');
  });

  it('says policy durations in full words, singular and plural by each language’s rules', () => {
    expect([600, 60, 3600, 5400, 7200, 45].map(en.duration)).toEqual([
      '10 minutes',
      '1 minute',
      '1 hour',
      '1 h 30 min',
      '2 hours',
      '45 seconds',
    ]);
    expect([600, 60, 3600, 7200, 1].map(de.duration)).toEqual([
      '10 Minuten',
      '1 Minute',
      '1 Stunde',
      '2 Stunden',
      '1 Sekunde',
    ]);
  });

  it('names levels', () => {
    expect(en.level('admin')).toBe('Administrator');
    expect(en.level('passwordless')).toBe('Passwordless sudo');
    expect(de.level('none')).toBe('Standardbenutzer');
  });
});
