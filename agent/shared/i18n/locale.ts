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

/** The locale a command line speaks, from the POSIX variables in their order of precedence. */
export function envLocale(env: Record<string, string | undefined>): Locale {
  return pickLocale([env.LC_ALL, env.LC_MESSAGES, ...(env.LANGUAGE?.split(':') ?? []), env.LANG]);
}

/** A BCP 47 tag for Intl (dates and times) from a POSIX locale such as "de_DE.UTF-8". */
export function intlTag(posix: string | undefined): string | undefined {
  const tag = posix?.split(/[.@]/)[0]?.replace('_', '-');
  if (!tag || tag === 'C' || tag === 'POSIX') return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag])[0];
  } catch {
    return undefined;
  }
}
