/** The popover's catalogue in the language main chose from the OS (AppState.locale). */
import { catalogue, type Catalogues } from '../../../agent/shared/i18n/catalogue.js';
import type { Locale } from '../../../agent/shared/i18n/locale.js';
import type { Level } from '../../../agent/protocol/schemas.js';
import {
  formatClockTime,
  formatDateTime,
  formatDuration,
  levelLabel,
  spokenCountdown,
  whoText,
} from '../logic/format.js';
import { useStore } from '../store/store.js';
import { de } from './de.js';
import { en, type PopoverMessages } from './en.js';

export const POPOVER_CATALOGUES: Catalogues<PopoverMessages> = { en, de };

export function messagesFor(locale: Locale): PopoverMessages {
  return catalogue(POPOVER_CATALOGUES, locale);
}

/** The current catalogue, for components (re-renders when the language changes). */
export function useText(): PopoverMessages {
  return messagesFor(useStore((s) => s.locale.language));
}

/** The current catalogue, for module-level code (actions, announcements). */
export function text(): PopoverMessages {
  return messagesFor(useStore.getState().locale.language);
}

/** The catalogue with the formatters that follow the same locale, for components. */
export function useWords() {
  const locale = useStore((s) => s.locale);
  const user = useStore((s) => s.snapshot?.user ?? '');
  const t = messagesFor(locale.language);
  return {
    t,
    level: (level: Level): string => levelLabel(level, t),
    duration: (sec: number): string => formatDuration(sec, locale.language),
    clock: (iso: string): string => formatClockTime(iso, locale.intl),
    dayTime: (iso: string): string => formatDateTime(iso, locale.intl),
    spoken: (remainingMs: number): string => spokenCountdown(remainingMs, t),
    /** Who decided or ended something ("an administrator", "you", "alice"). */
    who: (by: string): string => whoText(by, user, t),
    /** Who gave a grant: under self-serve, "you". */
    granter: (by: string): string => whoText(by, user, t, true),
  };
}
