/** The request form's line about the policy's elevated-time caps (snapshot `allowance`). */
import type { Snapshot } from '../../../agent/protocol/schemas.js';
import type { UiLocale } from '../../../agent/shared/i18n/locale.js';
import { en, type PopoverMessages } from '../i18n/en.js';
import { formatClockTime, formatDuration } from './format.js';

export function allowanceText(
  a: Snapshot['allowance'],
  timeZone?: string,
  t: PopoverMessages = en,
  locale: UiLocale = { language: 'en', intl: 'en-GB' },
): string | null {
  if (!a) return null;
  const more = a.moreAt ? t.form.moreFrom(formatClockTime(a.moreAt, locale.intl, timeZone)) : '';
  return a.leftSec === 0
    ? t.form.noTimeLeft(more)
    : t.form.timeLeft(formatDuration(a.leftSec, locale.language), more);
}
