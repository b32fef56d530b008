/**
 * The message-catalogue mechanism every surface shares (popover, tray and notifications, both
 * CLIs, the agent's error messages). Each surface keeps its own catalogue beside its code:
 *
 *   <surface>/i18n/en.ts  `export const en = { stopNow: 'Stop now', left: (t: string) => … }`
 *                         English is the source of truth; its shape is the surface's type,
 *                         `export type XMessages = typeof en`.
 *   <surface>/i18n/de.ts  `export const de: XMessages = { … }`: a missing or extra key is a
 *                         type error, so no language ships half a catalogue by accident.
 *   <surface>/i18n/index.ts  `catalogue({ en, de }, locale)` picks one for the chosen locale.
 *
 * A message is a sentence, or a function of the values it shows (numbers, names, formatted
 * dates) returning one, so word order and grammar stay inside the language that needs them.
 * Pure: no DOM, no Node, no zod (the renderer imports it too).
 */
import { LOCALES, type Locale } from './locale.js';

/** A sentence, or a function of the values it shows that returns one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any argument list a message needs
export type Message = string | ((...args: any[]) => string);
export type Messages = { readonly [key: string]: Message | Messages };

/** One catalogue per language; every language has every key of English (checked by tsc). */
export type Catalogues<M extends Messages> = Readonly<Record<Locale, M>>;

/** The catalogue for `locale`. */
export function catalogue<M extends Messages>(all: Catalogues<M>, locale: Locale): M {
  return all[locale];
}

/** Every dotted key path of a catalogue ("menu.stopNow"), sorted: what a test compares. */
export function keyPaths(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([key, value]) =>
      typeof value === 'object' ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
    )
    .sort();
}

/** Key paths that English has and `locale` lacks, or the other way round: [] when complete. */
export function catalogueGaps<M extends Messages>(all: Catalogues<M>): string[] {
  const english = new Set(keyPaths(all.en));
  return LOCALES.flatMap((locale) => {
    const own = new Set(keyPaths(all[locale]));
    return [
      ...[...english].filter((k) => !own.has(k)).map((k) => `${locale} lacks ${k}`),
      ...[...own].filter((k) => !english.has(k)).map((k) => `${locale} has extra ${k}`),
    ];
  });
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The form of a counted phrase the language's plural rules choose (Intl.PluralRules), with
 * `#` replaced by the number: plural('de', 3, { one: '# Befehl', other: '# Befehle' }).
 * `other` is required because every language has it; the rest are used where a language has them.
 */
export function plural(
  locale: Locale,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return (forms[rules.select(n)] ?? forms.other).replaceAll('#', String(n));
}
