/**
 * The language and date conventions of the tray, its notifications and the popover, from the
 * OS (Electron 45 docs/api/app.md): the person's preferred languages in order
 * (getPreferredSystemLanguages; getLocale as the last resort) for the words, the regional
 * setting (getSystemLocale) for dates and times. Call after app ready: before it, getLocale
 * can be empty.
 */
import { app } from 'electron';
import { uiLocale, type UiLocale } from '../agent/shared/i18n/locale.js';

export function appLocale(): UiLocale {
  return uiLocale(
    [...app.getPreferredSystemLanguages(), app.getLocale()],
    app.getSystemLocale() || undefined,
  );
}
