/**
 * The tray's "Open at login" on each OS (the one place these OS differences meet): reads what
 * the person will get at their next login and changes their own part of it. Linux: the XDG
 * autostart override (linux.ts). macOS and Windows: the installer's machine-wide entry plus the
 * person's choice (choice.ts), with the OS's own switch read through macos.ts / windows.ts.
 */
import { shell } from 'electron';
import type { ActionResult } from '../../preload/api.js';
import type { TrayOs } from '../tray/tray-model.js';
import { en, type MainMessages } from '../i18n/en.js';
import { view, type LoginChoice, type LoginItemView } from './choice.js';
import type { LinuxAutostart } from './linux.js';
import { LAUNCH_AGENT_PLIST, legacyStatusQuery, LOGIN_ITEMS_PANE, macLoginItem } from './macos.js';
import { approvedQuery, runValueQuery, windowsLoginItem } from './windows.js';
import type { Command, Output } from './windows.js';

export interface LoginItemDeps {
  os: TrayOs;
  /** macOS and Windows: the person's own choice. */
  choice: Pick<LoginChoice, 'read' | 'write'>;
  /** Linux: the XDG autostart entries. */
  linux: Pick<LinuxAutostart, 'isEnabled' | 'set'> | null;
  run(command: Command): Promise<Output>;
  exists(path: string): boolean;
  /** The sentences in the person's language (main/i18n); English when absent. */
  messages?: () => MainMessages['loginItem'];
}

type NotOk = Exclude<LoginItemView['cause'], 'ok'>;

export class OpenAtLogin {
  constructor(private readonly deps: LoginItemDeps) {}

  async read(): Promise<LoginItemView> {
    const seen = await this.readOs();
    return seen.note === null ? seen : { ...seen, note: this.text()[seen.cause as NotOk] };
  }

  private text(): MainMessages['loginItem'] {
    return this.deps.messages?.() ?? en.loginItem;
  }

  private async readOs(): Promise<LoginItemView> {
    const { os, choice, run } = this.deps;
    if (os === 'linux') return view('ok', this.deps.linux?.isEnabled() ?? false);
    if (os === 'win32') {
      const [runValue, approved] = await Promise.all([run(runValueQuery()), run(approvedQuery())]);
      return windowsLoginItem(runValue, approved, choice.read());
    }
    const installed = this.deps.exists(LAUNCH_AGENT_PLIST);
    const status = installed ? await run(legacyStatusQuery()) : { code: null, stdout: '' };
    return macLoginItem(installed, status, choice.read());
  }

  /** Changes the person's setting; the view is what they will get at their next login. */
  async set(enabled: boolean): Promise<{ result: ActionResult; view: LoginItemView }> {
    try {
      if (this.deps.os === 'linux') this.deps.linux?.set(enabled);
      else this.deps.choice.write(enabled);
    } catch (err) {
      const result = {
        ok: false as const,
        message: this.text().cannotChange((err as Error).message),
      };
      return { result, view: await this.read() };
    }
    const now = await this.read();
    if (!enabled || now.cause === 'ok') return { result: { ok: true }, view: now };
    // Turning it on cannot work by itself: say why, and open the place where it can.
    // The URL is a constant (System Settings' Login Items pane), never text from the renderer.
    if (now.cause === 'requires-approval') await shell.openExternal(LOGIN_ITEMS_PANE); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { result: { ok: false, message: this.text()[now.cause] }, view: now };
  }
}
