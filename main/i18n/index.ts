/** The tray's catalogue for the language main chose from the OS (main/locale.ts). */
import { catalogue, type Catalogues } from '../../agent/shared/i18n/catalogue.js';
import type { Locale } from '../../agent/shared/i18n/locale.js';
import { de } from './de.js';
import { en, type MainMessages } from './en.js';

export type { MainMessages };
export const MAIN_CATALOGUES: Catalogues<MainMessages> = { en, de };

export function mainMessages(locale: Locale): MainMessages {
  return catalogue(MAIN_CATALOGUES, locale);
}
