/**
 * What the popover says about how the last grant ended, when someone other than the person
 * ended it: who, when and the reason they gave. An expiry or the person's own "Stop now" is
 * no news to them (the history lists those).
 */
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import { formatClockTime, whoText } from './format.js';
import { en, type PopoverMessages } from '../i18n/en.js';

export interface EndedNotice {
  text: string;
  reason: string | null;
}

export function endedNotice(
  s: Pick<Snapshot, 'user' | 'grant' | 'ended'>,
  timeZone?: string,
  t: PopoverMessages = en,
  intl?: string,
): EndedNotice | null {
  const e = s.ended;
  if (s.grant || !e || e.how === 'expired' || e.by === s.user) return null;
  return {
    text: t.details.endedBy(
      t.level.rights[e.level],
      whoText(e.by, s.user, t),
      formatClockTime(e.at, intl, timeZone),
    ),
    reason: e.reason,
  };
}
