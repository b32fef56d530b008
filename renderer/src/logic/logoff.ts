/**
 * The forced log-off countdown (policy windowsLogoffAtEnd "force"): the snapshot's
 * `platform.logoffAt` measured against the agent's `now`, advanced by the wall clock since the
 * snapshot arrived, as the grant countdown is (logic/countdown.ts).
 */
import { remainingMs, type ReceivedSnapshotTime } from './countdown.js';
import { formatClockTime, formatCountdown } from './format.js';

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
): string {
  const why =
    hint === 'grant'
      ? 'to apply your new administrator rights'
      : 'to finish removing your administrator rights';
  return `Windows will sign you out at ${formatClockTime(logoffAt, locale, timeZone)} ${why}. Save your work now.`;
}

export function logoffCountdownText(remaining: number): string {
  return remaining > 0 ? `Signing out in ${formatCountdown(remaining)}` : 'Signing you out now…';
}
