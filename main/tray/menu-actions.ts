/**
 * What a tray-menu click does. Requests that need a reason (policy requireReason) open the
 * popover, where the person can type one; the rest go straight to the agent.
 */
import type { Snapshot } from '../../agent/protocol/schemas.js';
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
}

export async function runMenuAction(action: MenuAction, deps: MenuActionDeps): Promise<void> {
  switch (action.type) {
    case 'stop-now':
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
    case 'quit':
      deps.quit();
      return;
  }
}
