/** Text the popover shows for levels, countdowns, durations and clock times. Pure, no DOM. */
import type { Level } from '../../../agent/protocol/schemas.js';

export function levelLabel(level: Level): string {
  switch (level) {
    case 'admin':
      return 'Administrator';
    case 'passwordless':
      return 'Passwordless sudo';
    case 'none':
      return 'Standard user';
  }
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
export function spokenCountdown(remainingMs: number): string {
  return `${spokenDuration(secondsLeft(remainingMs))} left`;
}

/** A duration in words: "1 hour 5 minutes", "30 seconds". */
export function spokenDuration(totalSec: number): string {
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  const parts: string[] = [];
  if (h) parts.push(plural(h, 'hour'));
  if (m) parts.push(plural(m, 'minute'));
  if (s || parts.length === 0) parts.push(plural(s, 'second'));
  return parts.join(' ');
}

/** A policy duration as a choice label: "10 min", "1 hour", "1 h 30 min", "45 s". */
export function formatDuration(sec: number): string {
  if (sec < 60) return `${sec} s`;
  if (sec < 3600) {
    const m = Math.floor(sec / 60);
    const s = sec % 60;
    return s ? `${m} min ${s} s` : `${m} min`;
  }
  const h = Math.floor(sec / 3600);
  const m = Math.round((sec % 3600) / 60);
  if (m === 0) return h === 1 ? '1 hour' : `${h} hours`;
  return `${h} h ${m} min`;
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

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
