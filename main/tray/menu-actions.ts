/**
 * What a tray-menu click does. Requests that need a reason (policy requireReason) open the
 * popover, where the person can type one; the rest go straight to the agent.
 */
import type { Snapshot } from '../../agent/protocol/schemas.js';
import { clockTime } from '../../agent/shared/i18n/dates.js';
import type { UiLocale } from '../../agent/shared/i18n/locale.js';
import { mainMessages, type MainMessages } from '../i18n/index.js';
import type { ActionResult } from '../../preload/api.js';
import type { IpcHandlers } from '../ipc/handlers.js';
import type { MenuAction } from './tray-model.js';

export interface MenuActionDeps {
  handlers: IpcHandlers;
  snapshot(): Snapshot | null;
  showPopover(): void;
  /** Shows the popover with its request form open, preset to this duration. */
  openRequestForm(durationSec: number | null): void;
  toggleOpenAtLogin(): void;
  quit(): void;
  /** Tells the person when a direct action failed (there is no window to show it in). */
  report(result: ActionResult): void;
  /** Asks before something the person cannot undo from the tray; true to go ahead. */
  confirm(question: Confirmation): Promise<boolean>;
  /** The language and date conventions the questions are asked in; absent: English. */
  locale?: UiLocale;
}

export interface Confirmation {
  message: string;
  detail: string;
  /** The button that goes ahead; the other one (cancelLabel) is the default. */
  confirmLabel: string;
  cancelLabel: string;
}

/** The same question the popover asks before Stop now. */
export function stopNowQuestion(t: MainMessages = mainMessages('en')): Confirmation {
  const q = t.dialog.stopNow;
  return {
    message: q.message,
    detail: q.detail,
    confirmLabel: q.confirm,
    cancelLabel: t.dialog.cancel,
  };
}

export function quitQuestion(expiresAt: string, locale?: UiLocale): Confirmation {
  const t = mainMessages(locale?.language ?? 'en');
  return {
    message: t.dialog.quit.message,
    detail: t.dialog.quit.detail(clockTime(expiresAt, { tag: locale?.intl })),
    confirmLabel: t.dialog.quit.confirm,
    cancelLabel: t.dialog.cancel,
  };
}

export async function runMenuAction(action: MenuAction, deps: MenuActionDeps): Promise<void> {
  switch (action.type) {
    case 'stop-now':
      if (!(await deps.confirm(stopNowQuestion(mainMessages(deps.locale?.language ?? 'en')))))
        return;
      deps.report(await deps.handlers['elevate:stop-now'](undefined));
      return;
    case 'request-more-time':
      if (deps.snapshot()?.policy.requireReason ?? true) {
        deps.openRequestForm(action.durationSec);
        return;
      }
      deps.report(
        await deps.handlers['elevate:request-more-time']({
          durationSec: action.durationSec,
          reason: '',
        }),
      );
      return;
    case 'cancel-request':
      deps.report(await deps.handlers['elevate:cancel-request'](action.id));
      return;
    case 'request-rights':
      deps.openRequestForm(null);
      return;
    case 'show-details':
      deps.showPopover();
      return;
    case 'log-out':
      deps.report(await deps.handlers['elevate:log-out-now'](undefined));
      return;
    case 'toggle-open-at-login':
      deps.toggleOpenAtLogin();
      return;
    case 'quit': {
      const grant = deps.snapshot()?.grant;
      if (grant && !(await deps.confirm(quitQuestion(grant.expiresAt, deps.locale)))) return;
      deps.quit();
      return;
    }
  }
}
