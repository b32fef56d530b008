/** The CLIs' catalogue for the language the environment asks for (agent/cli/locale.ts). */
import { catalogue, type Catalogues } from '../../shared/i18n/catalogue.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { de } from './de.js';
import { en, type CliMessages } from './en.js';

export type { CliMessages };
export const CLI_CATALOGUES: Catalogues<CliMessages> = { en, de };

export function cliMessages(locale: Locale): CliMessages {
  return catalogue(CLI_CATALOGUES, locale);
}
