/**
 * Dates and times in the person's own conventions (Intl.DateTimeFormat): "14:35" or "2:35 PM",
 * "24 Nov, 14:02" or "24. Nov., 14:02". `tag` is a BCP 47 locale such as "de-AT" (undefined:
 * the runtime's default); `timeZone` is only ever pinned by tests. Pure: no DOM, no Node.
 */
export interface Place {
  /** BCP 47 tag for Intl; undefined uses the runtime's default locale. */
  tag?: string | undefined;
  /** IANA zone; undefined is the person's own. */
  timeZone?: string | undefined;
}

type When = string | number | Date;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(when: When, opts: Intl.DateTimeFormatOptions, place: Place): string {
  const key = JSON.stringify([place.tag, place.timeZone, opts]);
  let f = formats.get(key);
  if (!f)
    formats.set(
      key,
      (f = new Intl.DateTimeFormat(place.tag, { ...opts, timeZone: place.timeZone })),
    );
  return f.format(new Date(when));
}

/** A clock time: "14:35" (de, en-GB) or "02:35 PM" (en-US). */
export function clockTime(when: When, place: Place = {}): string {
  return format(when, { hour: '2-digit', minute: '2-digit' }, place);
}

/** A day and a time, for lists: "24 Nov, 14:02", "Nov 24, 02:02 PM", "24. Nov., 14:02". */
export function dayAndTime(when: When, place: Place = {}): string {
  return format(
    when,
    { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
    place,
  );
}

/** A full date and time with seconds, for audit lines an admin reads: "24.11.2026, 14:02:09". */
export function dateTimeSeconds(when: When, place: Place = {}): string {
  return format(
    when,
    {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    },
    place,
  );
}
