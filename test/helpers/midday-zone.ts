/**
 * A time zone in which it is about midday right now, so a grant of up to ten hours that a test
 * starts ends on the same local day and the CLIs print its time without a date. Tests that pin
 * TZ=UTC failed when run within an hour of midnight UTC: `elevate` (correctly) prints a time on
 * the next day with its date.
 */
export function middayZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // hours east of UTC that make it 12:xx locally
  if (offset === 0) return 'UTC';
  // The IANA Etc zones count the other way round: Etc/GMT-5 is five hours east of UTC.
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
