/**
 * The clients' shared catalogue (agent/client/i18n): the tray passes the language main chose
 * (main/locale.ts), the CLIs the one their environment names (envLocale).
 */
import { catalogue, type Catalogues } from '../../shared/i18n/catalogue.js';
import type { Locale } from '../../shared/i18n/locale.js';
import { de } from './de.js';
import { en, type ClientMessages } from './en.js';

export type { ClientMessages };
export const CLIENT_CATALOGUES: Catalogues<ClientMessages> = { en, de };

export function clientMessages(locale: Locale): ClientMessages {
  return catalogue(CLIENT_CATALOGUES, locale);
}
