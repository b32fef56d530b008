/**
 * The tray icon and notifications: the menu runs its actions, the icon and menu are redrawn
 * each second from AppState and the countdown, and the schedule decides which notices show.
 */
import { app, dialog, powerMonitor, Tray } from 'electron';
import { join } from 'node:path';
import type { ActionResult } from '../../preload/api.js';
import type { IpcHandlers } from '../ipc/handlers.js';
import { msUntilNextSecond } from '../countdown.js';
import { setupLockReport } from '../lock-report.js';
import type { SetOpenAtLogin } from '../login-item/wiring.js';
import { Notifier } from '../notifications/notifier.js';
import { NotificationSchedule } from '../notifications/schedule.js';
import { hostOs, type Services } from '../services.js';
import { setupWakeResync } from '../wake-resync.js';
import { showPopover, togglePopover } from '../window/popover.js';
import { runMenuAction } from './menu-actions.js';
import { TrayAdapter } from './tray-adapter.js';
import { buildTrayView } from './tray-model.js';

export function setupTrayAndNotifications(
  s: Services,
  handlers: IpcHandlers,
  setOpenAtLogin: SetOpenAtLogin,
): void {
  const tray = new Tray(
    join(
      s.paths.assets,
      'tray',
      hostOs === 'darwin' ? 'mac/offlineTemplate.png' : `${hostOs}/offline.png`,
    ),
  );
  s.tray = tray;
  const trayLog = s.logger('tray');
  const notifier = new Notifier(
    hostOs,
    join(s.paths.assets, 'icon.png'),
    () => showPopover(s),
    () => showPopover(s),
  );
  const report = (result: ActionResult): void => {
    if (!result.ok)
      notifier.show({ key: 'action-failed', title: 'Elevate', body: result.message, action: null });
  };
  const adapter = new TrayAdapter(
    tray,
    hostOs,
    s.paths.assets,
    (action) => {
      runMenuAction(action, {
        handlers,
        snapshot: () => s.store.current.snapshot,
        showPopover: () => showPopover(s),
        openRequestForm: (durationSec) => {
          s.store.openRequestForm(durationSec);
          showPopover(s);
        },
        toggleOpenAtLogin: () => void setOpenAtLogin(!s.store.current.openAtLogin).then(report),
        quit: () => app.quit(),
        report,
        locale: s.store.current.locale,
        confirm: async (q) => {
          const { response } = await dialog.showMessageBox({
            type: 'question',
            buttons: [q.confirmLabel, q.cancelLabel],
            defaultId: 1,
            cancelId: 1,
            message: q.message,
            detail: q.detail,
          });
          return response === 0;
        },
      }).catch((err: unknown) => trayLog.error(err));
    },
    () => togglePopover(s),
  );

  const schedule = new NotificationSchedule(s.store.current.locale?.language);
  s.connection.on('snapshot', (snapshot) => {
    for (const n of schedule.onSnapshot(snapshot)) notifier.show(n);
  });
  s.connection.on('change', (view) => {
    for (const n of schedule.onConnection(view.connection)) notifier.show(n);
  });

  let timer: NodeJS.Timeout | null = null;
  const render = (): void => {
    const state = s.store.current;
    const remainingMs = s.countdown.remainingMs();
    adapter.render(
      buildTrayView({
        os: hostOs,
        connection: state.connection,
        snapshot: state.snapshot,
        remainingMs,
        totalMs: s.countdown.totalMs(),
        openAtLogin: state.openAtLogin,
        locale: state.locale,
      }),
    );
    if (state.connection === 'connected' && state.snapshot && remainingMs !== null) {
      for (const n of schedule.onTick(
        state.snapshot,
        remainingMs,
        s.countdown.totalMs() ?? remainingMs,
      ))
        notifier.show(n);
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(render, msUntilNextSecond(remainingMs));
  };
  s.store.on('change', render);
  render();
  setupLockReport(powerMonitor, () => s.connection.call('session.locked'), trayLog.info);
  setupWakeResync(powerMonitor, (why) => {
    trayLog.info(`${why}: asking the agent again`);
    s.connection.refresh();
    render();
  });
  app.on('before-quit', () => {
    if (timer) clearTimeout(timer);
  });
}
