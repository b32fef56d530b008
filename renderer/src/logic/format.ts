/**
 * Text the popover shows for levels, countdowns, durations and clock times, in the catalogue's
 * language (English unless one is passed). Pure, no DOM.
 */
import type { Level } from '../../../agent/protocol/schemas.js';
import { actorOf, actorText, granterOf } from '../../../agent/shared/actor.js';
import type { Locale } from '../../../agent/shared/i18n/locale.js';
import { WORDS } from '../../../agent/shared/i18n/words.js';
import { en, type PopoverMessages } from '../i18n/en.js';

export function levelLabel(level: Level, t: PopoverMessages = en): string {
  return t.level.name[level];
}

/**
 * Who acted, for the person `user`: "you", "an administrator" for root or SYSTEM, or an
 * administrator's own name. `granted`: who gave a grant (self-serve reads "you").
 */
export function whoText(
  by: string,
  user: string,
  t: PopoverMessages = en,
  granted = false,
): string {
  return actorText(granted ? granterOf(by, user) : actorOf(by, user), t.who);
}

/**
 * Whole seconds left, rounded up: "0:01" is shown until the very end, and "0:00" only once the
 * deadline has passed, so the display never claims the rights are gone while they are not.
 */
export function secondsLeft(remainingMs: number): number {
  return Math.max(0, Math.ceil(remainingMs / 1000));
}

/** mm:ss under an hour, h:mm:ss from an hour up. */
export function formatCountdown(remainingMs: number): string {
  const total = secondsLeft(remainingMs);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${ss}`;
  return `${String(m).padStart(2, '0')}:${ss}`;
}

/** A countdown in words for screen readers: "9 minutes 5 seconds left". */
export function spokenCountdown(remainingMs: number, t: PopoverMessages = en): string {
  return t.time.left(spokenDuration(secondsLeft(remainingMs), t));
}

/** A duration in words: "1 hour 5 minutes", "30 seconds". */
export function spokenDuration(totalSec: number, t: PopoverMessages = en): string {
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const parts: string[] = [];
  if (h) parts.push(t.time.hours(h));
  if (m) parts.push(t.time.minutes(m));
  if (s || parts.length === 0) parts.push(t.time.seconds(s));
  return parts.join(' ');
}

/** A policy duration as a choice label: "10 min", "1 hour", "1 h 30 min", "45 s" (shared words). */
export function formatDuration(sec: number, locale: Locale = 'en'): string {
  return WORDS[locale].duration(sec);
}

/** Local wall-clock time such as "14:32"; the locale and zone default to the person's own. */
export function formatClockTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** Date and time for the history list, e.g. "24 Nov, 14:02". */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}
