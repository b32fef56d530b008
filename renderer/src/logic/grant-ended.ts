/**
 * What the popover says about how the last grant ended, when someone other than the person
 * ended it: who, when and the reason they gave. An expiry or the person's own "Stop now" is
 * no news to them (the history lists those).
 */
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { formatClockTime, levelLabel } from './format.js';

export interface EndedNotice {
  text: string;
  reason: string | null;
}

export function endedNotice(
  s: Pick<Snapshot, 'user' | 'grant' | 'ended'>,
  timeZone?: string,
): EndedNotice | null {
  const e = s.ended;
  if (s.grant || !e || e.how === 'expired' || e.by === s.user) return null;
  return {
    text: `${levelLabel(e.level)} rights ended by ${e.by} at ${formatClockTime(e.at, undefined, timeZone)}.`,
    reason: e.reason,
  };
}
