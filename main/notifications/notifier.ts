/**
 * Shows NotificationModels as OS notifications. Electron 45 (docs/api/notification.md):
 * action buttons exist on macOS and Windows only, so on Linux the notification itself is the
 * way in (a click opens the popover, where the button is). A Notification that nothing
 * references is garbage-collected with its click and action handlers, so each one is kept
 * until it closes (or fails), with a cap so a sleepless week cannot grow the set forever.
 */
import { Notification } from 'electron';
import type { NotificationModel } from './schedule.js';

const MAX_KEPT = 20;

export class Notifier {
  private readonly live = new Set<Notification>();

  constructor(
    private readonly os: 'darwin' | 'win32' | 'linux',
    private readonly iconPath: string,
    private readonly onRequestMoreTime: () => void,
    private readonly onClick: () => void,
  ) {}

  show(model: NotificationModel): void {
    if (!Notification.isSupported()) return;
    const buttons = model.action && this.os !== 'linux';
    const n = new Notification({
      title: model.title,
      body: model.body,
      icon: this.iconPath,
      silent: false,
      actions: buttons && model.action ? [{ type: 'button', text: model.action.label }] : [],
    });
    n.on('action', () => this.onRequestMoreTime());
    n.on('click', () => this.onClick());
    const forget = (): void => void this.live.delete(n);
    n.on('close', forget);
    n.on('failed', forget);
    this.live.add(n);
    if (this.live.size > MAX_KEPT)
      this.live.delete(this.live.values().next().value as Notification);
    n.show();
  }

  /** How many notifications are held (for tests). */
  get held(): number {
    return this.live.size;
  }
}
