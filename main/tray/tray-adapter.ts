/**
 * Copies a TrayView onto Electron's Tray, touching the OS only for what changed (the
 * super-productivity indicator pattern): a rebuilt menu closes an open submenu on Linux and
 * a new image flickers, so each part is cached and compared.
 *
 * Clicks, per Electron 45 docs/api/tray.md: on macOS and Windows a tray with `setContextMenu`
 * opens that menu on a left click and also emits 'click', so the popover and the menu would
 * open together; there the menu is kept here and popped up on 'right-click'
 * (`popUpContextMenu`), and a left click toggles the popover. Linux (StatusNotifierItem) has
 * no 'right-click' and shows only a menu given with `setContextMenu`; it emits 'click' on
 * activation (a left click or a double click, as the desktop decides), which toggles the
 * popover too.
 */
import { join } from 'node:path';
import {
  Menu,
  nativeImage,
  type Menu as ElectronMenu,
  type MenuItemConstructorOptions,
  type Tray,
} from 'electron';
import type { MenuAction, MenuItemModel, TrayOs, TrayView } from './tray-model.js';
import { trayIconFile } from './tray-icons.js';

export class TrayAdapter {
  private lastIconKey: string | null = null;
  private lastTitle: string | null = null;
  private lastTooltip: string | null = null;
  private lastMenuKey: string | null = null;
  private menu: ElectronMenu | null = null;

  constructor(
    private readonly tray: Tray,
    private readonly os: TrayOs,
    private readonly assetsDir: string,
    private readonly onAction: (action: MenuAction) => void,
    onLeftClick: () => void = () => undefined,
  ) {
    tray.on('click', () => onLeftClick());
    if (os !== 'linux') {
      tray.on('right-click', () => {
        if (this.menu) tray.popUpContextMenu(this.menu);
      });
    }
  }

  render(view: TrayView): void {
    if (view.iconKey !== this.lastIconKey) {
      const image = nativeImage.createFromPath(
        join(this.assetsDir, trayIconFile(this.os, view.iconState, view.ringFrame)),
      );
      if (this.os === 'darwin') image.setTemplateImage(true);
      this.tray.setImage(image);
      this.lastIconKey = view.iconKey;
    }
    if (this.os === 'darwin' && view.title !== this.lastTitle) {
      this.tray.setTitle(view.title, { fontType: 'monospacedDigit' });
      this.lastTitle = view.title;
    }
    if (view.tooltip !== this.lastTooltip) {
      this.tray.setToolTip(view.tooltip);
      this.lastTooltip = view.tooltip;
    }
    if (view.menuKey !== this.lastMenuKey) {
      this.menu = Menu.buildFromTemplate(view.menu.map((m) => this.toTemplate(m)));
      if (this.os === 'linux') this.tray.setContextMenu(this.menu);
      this.lastMenuKey = view.menuKey;
    }
  }

  private toTemplate(item: MenuItemModel): MenuItemConstructorOptions {
    switch (item.kind) {
      case 'separator':
        return { id: item.id, type: 'separator' };
      case 'checkbox': {
        const action = item.action;
        return {
          id: item.id,
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          click: () => this.onAction(action),
        };
      }
      case 'submenu':
        return {
          id: item.id,
          type: 'submenu',
          label: item.label,
          enabled: item.enabled,
          submenu: item.items.map((m) => this.toTemplate(m)),
        };
      case 'item': {
        const action = item.action;
        return {
          id: item.id,
          type: 'normal',
          label: item.label,
          enabled: item.enabled,
          ...(action ? { click: () => this.onAction(action) } : {}),
        };
      }
    }
  }
}
