/**
 * The forced log-off countdown (policy windowsLogoffAtEnd "force"): the snapshot's
 * `platform.logoffAt` measured against the agent's `now`, advanced by the wall clock since the
 * snapshot arrived, as the grant countdown is (logic/countdown.ts).
 */
import { remainingMs, type ReceivedSnapshotTime } from './countdown.js';
import { formatClockTime, formatCountdown } from './format.js';
import { en, type PopoverMessages } from '../i18n/en.js';

export function logoffRemainingMs(
  logoffAt: string,
  at: ReceivedSnapshotTime,
  wallNow: number,
): number {
  return remainingMs({ expiresAt: logoffAt }, at, wallNow);
}

/** Why Windows signs the person out: new rights reach a session only through a new logon. */
export function logoffText(
  logoffAt: string,
  hint: 'grant' | 'revoke' | null,
  locale?: string,
  timeZone?: string,
  t: PopoverMessages = en,
): string {
  return t.logout.forced(formatClockTime(logoffAt, locale, timeZone), hint);
}

export function logoffCountdownText(remaining: number, t: PopoverMessages = en): string {
  return remaining > 0 ? t.logout.signingOutIn(formatCountdown(remaining)) : t.logout.signingOutNow;
}
