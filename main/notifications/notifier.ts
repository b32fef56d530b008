/** Shows NotificationModels as OS notifications, with the "Request more time" button where supported (macOS). */
import { Notification } from 'electron';
import type { NotificationModel } from './schedule.js';

export class Notifier {
  constructor(
    private readonly iconPath: string,
    private readonly onRequestMoreTime: () => void,
    private readonly onClick: () => void,
  ) {}

  show(model: NotificationModel): void {
    if (!Notification.isSupported()) return;
    const n = new Notification({
      title: model.title,
      body: model.body,
      icon: this.iconPath,
      silent: false,
      actions: model.action ? [{ type: 'button', text: model.action.label }] : [],
    });
    n.on('action', () => this.onRequestMoreTime());
    // Everywhere else, clicking the notification opens the popover, where the button is.
    n.on('click', () => this.onClick());
    n.show();
  }
}
