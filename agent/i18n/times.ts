/**
 * A moment inside an agent message, written for the client who reads it: in its locale and, when
 * auth.hello named one, its time zone ("14:05" today, "2. Dez., 14:05" another day). Without a
 * zone the agent cannot know the person's clock, so the time is UTC and says so ("14:05 UTC").
 */
import { clockTime, dayAndTime, type Place } from '../shared/i18n/dates.js';

const dayKeys = new Map<string, Intl.DateTimeFormat>();

function day(when: number, timeZone: string): string {
  let f = dayKeys.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayKeys.set(timeZone, f);
  }
  return f.format(when);
}

export function moment(iso: string, place: Place, now = Date.now()): string {
  const timeZone = place.timeZone ?? 'UTC';
  const at = Date.parse(iso);
  const where = { tag: place.tag, timeZone };
  const text =
    day(at, timeZone) === day(now, timeZone) ? clockTime(at, where) : dayAndTime(at, where);
  return place.timeZone ? text : `${text} UTC`;
}

/** An IANA zone name the runtime knows, else undefined (a client's hint never fails a call). */
export function knownTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
