import { describe, expect, it } from 'vitest';
import { catalogue, catalogueGaps, plural } from '../../../../agent/shared/i18n/catalogue.js';
import { clockTime, dateTimeSeconds, dayAndTime } from '../../../../agent/shared/i18n/dates.js';
import { envLocale, intlTag, pickLocale, uiLocale } from '../../../../agent/shared/i18n/locale.js';

describe('catalogue mechanism', () => {
  const en = { stop: 'Stop now', menu: { left: (n: number) => `${n} left` } };
  const de: typeof en = { stop: 'Jetzt beenden', menu: { left: (n: number) => `noch ${n}` } };

  it('picks the catalogue of the chosen language', () => {
    expect(catalogue({ en, de }, 'de').menu.left(3)).toBe('noch 3');
    expect(catalogue({ en, de }, 'en').stop).toBe('Stop now');
  });

  it('names every key a language lacks or adds, nested ones by their dotted path', () => {
    expect(catalogueGaps({ en, de })).toEqual([]);
    const half = { stop: 'Jetzt beenden', menu: { right: () => 'x' } } as unknown as typeof en;
    expect(catalogueGaps({ en, de: half })).toEqual([
      'de lacks menu.left',
      'de has extra menu.right',
    ]);
  });

  it('chooses plural forms by each language’s rules', () => {
    const forms = { one: '# command', other: '# commands' };
    expect([0, 1, 2].map((n) => plural('en', n, forms))).toEqual([
      '0 commands',
      '1 command',
      '2 commands',
    ]);
    expect(plural('de', 1, { one: '# Befehl', other: '# Befehle' })).toBe('1 Befehl');
    expect(plural('de', 5, { one: '# Befehl', other: '# Befehle' })).toBe('5 Befehle');
  });
});

describe('locale chooser', () => {
  it('reads the POSIX variables in their order of precedence', () => {
    expect(envLocale({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(envLocale({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(envLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(envLocale({ LC_MESSAGES: 'de_AT.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('de');
    expect(envLocale({ LANGUAGE: 'fr:de', LANG: 'en_US.UTF-8' })).toBe('de');
    expect(envLocale({})).toBe('en');
  });

  it('takes the first preferred language that has a catalogue, else English', () => {
    expect(pickLocale(['fr-FR', 'de-CH', 'en-US'])).toBe('de');
    expect(pickLocale(['ja-JP'])).toBe('en');
  });

  it('words from the preferred languages, dates from the regional setting', () => {
    expect(uiLocale(['en-US'], 'de-DE')).toEqual({ language: 'en', intl: 'de-DE' });
    expect(uiLocale(['de-AT', 'en-US'], undefined)).toEqual({ language: 'de', intl: 'de-AT' });
    expect(intlTag('de_DE.UTF-8')).toBe('de-DE');
    expect(intlTag('C')).toBeUndefined();
  });
});

describe('dates and times in the person’s locale', () => {
  const at = '2026-11-24T14:02:09Z';
  const utc = { timeZone: 'UTC' };

  it('writes a clock time as the locale does', () => {
    expect(clockTime(at, { ...utc, tag: 'de-DE' })).toBe('14:02');
    expect(clockTime(at, { ...utc, tag: 'en-US' })).toBe('02:02 PM');
  });

  it('writes a day and time as the locale does', () => {
    expect(dayAndTime(at, { ...utc, tag: 'en-GB' })).toBe('24 Nov, 14:02');
    expect(dayAndTime(at, { ...utc, tag: 'de-DE' })).toBe('24. Nov., 14:02');
  });

  it('writes a full date with seconds as the locale does', () => {
    expect(dateTimeSeconds(at, { ...utc, tag: 'de-DE' })).toBe('24.11.2026, 14:02:09');
    expect(dateTimeSeconds(at, { ...utc, tag: 'en-US' })).toBe('11/24/2026, 02:02:09 PM');
  });
});
