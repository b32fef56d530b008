/**
 * The vocabulary every surface shares (popover, tray, notifications, both CLIs), so a level or a
 * length of time reads the same wherever a person meets it. Pure: no DOM, no Node, no zod.
 */
import type { Locale } from './locale.js';

type Level = 'none' | 'admin' | 'passwordless';

export interface Words {
  level: Record<Level, string>;
  /** A length of time from the policy or a request: "10 min", "1 hour", "1 h 30 min". */
  duration(sec: number): string;
  /**
   * Time left at minute granularity: "9 min left", "1 h 5 min left", "40 s left" in the last
   * minute. Minutes are rounded up, as the popover's clock rounds its seconds up: a grant with
   * 9:30 left reads "10 min left" everywhere, never 9 in one place and 10 in another.
   */
  timeLeft(remainingMs: number): string;
}

function parts(sec: number): { d: number; h: number; m: number; s: number } {
  return {
    d: Math.floor(sec / 86_400),
    h: Math.floor((sec % 86_400) / 3600),
    m: Math.floor((sec % 3600) / 60),
    s: sec % 60,
  };
}

function makeWords(t: {
  level: Record<Level, string>;
  hours(n: number): string;
  days(n: number): string;
  left(text: string): string;
  ending: string;
}): Words {
  const duration = (total: number): string => {
    const sec = Math.max(0, Math.round(total));
    const { d, h, m, s } = parts(sec);
    if (sec < 60) return `${sec} s`;
    if (sec < 3600) return s ? `${m} min ${s} s` : `${m} min`;
    if (d > 0) return h ? `${d} d ${h} h` : t.days(d);
    const mins = Math.round((sec % 3600) / 60);
    if (mins === 60) return t.hours(h + 1);
    return mins ? `${h} h ${mins} min` : t.hours(h);
  };
  return {
    level: t.level,
    duration,
    timeLeft(ms) {
      if (ms <= 0) return t.ending;
      if (ms < 60_000) return t.left(`${Math.ceil(ms / 1000)} s`);
      const min = Math.ceil(ms / 60_000);
      if (min < 60) return t.left(`${min} min`);
      const h = Math.floor(min / 60);
      const m = min % 60;
      if (h < 24) return t.left(m ? `${h} h ${m} min` : `${h} h`);
      return t.left(h % 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${Math.floor(h / 24)} d`);
    },
  };
}

export const WORDS: Record<Locale, Words> = {
  en: makeWords({
    level: { none: 'Standard user', admin: 'Administrator', passwordless: 'Passwordless sudo' },
    hours: (n) => (n === 1 ? '1 hour' : `${n} hours`),
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
    left: (text) => `${text} left`,
    ending: 'ending now',
  }),
  de: makeWords({
    level: {
      none: 'Standardbenutzer',
      admin: 'Administrator',
      passwordless: 'sudo ohne Passwort',
    },
    hours: (n) => (n === 1 ? '1 Stunde' : `${n} Stunden`),
    days: (n) => (n === 1 ? '1 Tag' : `${n} Tage`),
    left: (text) => `noch ${text}`,
    ending: 'endet jetzt',
  }),
};
