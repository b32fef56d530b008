/** Open at login: AppState shows the OS's current setting; the popover and tray menu change it. */
import type { ActionResult } from '../../preload/api.js';
import { mainMessages } from '../i18n/index.js';
import { hostOs, type Services } from '../services.js';
import type { LoginItemView } from './choice.js';
import { openAtLogin } from './create.js';

export type SetOpenAtLogin = (enabled: boolean) => Promise<ActionResult>;

export function setupOpenAtLogin(s: Services): SetOpenAtLogin {
  const item = openAtLogin(
    hostOs,
    s.loginChoice,
    () => mainMessages(s.store.current.locale?.language ?? 'en').loginItem,
  );
  const log = s.logger('login-item');
  const show = (view: LoginItemView): void => s.store.setOpenAtLogin(view.enabled, view.note);
  const refresh = (): void =>
    void item.read().then(show, (err: unknown) => log.warn(`cannot read Open at login: ${err}`));
  refresh();
  // The person may approve or switch it in System Settings / Task Manager meanwhile.
  s.refreshOpenAtLogin = refresh;
  return async (enabled) => {
    const { result, view } = await item.set(enabled);
    show(view);
    return result;
  };
}
