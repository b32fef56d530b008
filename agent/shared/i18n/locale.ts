/**
 * Which language a surface speaks: the first of the OS locale settings whose language has a
 * catalogue, else English. Each surface reads its own source (the CLIs the environment, the tray
 * Electron's app.getLocale(), the popover navigator.languages) and passes the tags here.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** "de_DE.UTF-8", "de-AT", "de" → "de"; "C", "POSIX", unknown languages and blanks are skipped. */
export function pickLocale(tags: readonly (string | undefined)[]): Locale {
  for (const tag of tags) {
    const lang = tag?.split(/[-_.@]/)[0]?.toLowerCase();
    if (lang && (LOCALES as readonly string[]).includes(lang)) return lang as Locale;
  }
  return 'en';
}

/**
 * What a graphical surface speaks and how it writes dates: main picks it from the OS
 * (main/locale.ts) and hands it to the popover in AppState, so both say the same.
 */
export interface UiLocale {
  /** The catalogue language. */
  language: Locale;
  /** BCP 47 tag for Intl dates and times ("de-AT"); undefined: the runtime's default. */
  intl: string | undefined;
}

/**
 * The language from the person's preferred languages in order (Electron's
 * app.getPreferredSystemLanguages(), then app.getLocale()), and the date conventions from the
 * OS's regional setting (app.getSystemLocale()), which may differ: English words, German dates.
 */
export function uiLocale(preferred: readonly string[], regional: string | undefined): UiLocale {
  return { language: pickLocale(preferred), intl: intlTag(regional ?? preferred[0]) };
}

/** The locale a command line speaks, from the POSIX variables in their order of precedence. */
export function envLocale(env: Record<string, string | undefined>): Locale {
  return pickLocale([env.LC_ALL, env.LC_MESSAGES, ...(env.LANGUAGE?.split(':') ?? []), env.LANG]);
}

/** A BCP 47 tag for Intl (dates and times) from a POSIX locale such as "de_DE.UTF-8". */
export function intlTag(posix: string | undefined): string | undefined {
  const tag = posix?.split(/[.@]/)[0]?.replaceAll('_', '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0];
  } catch {
    return undefined;
  }
}
