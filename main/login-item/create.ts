/** Builds the tray's OpenAtLogin for this machine: real commands, real files. */
import { app } from 'electron';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../agent/backends/run-command.js';
import type { MainMessages } from '../i18n/index.js';
import type { TrayOs } from '../tray/tray-model.js';
import type { LoginChoice } from './choice.js';
import { LinuxAutostart, systemConfigDirs } from './linux.js';
import { OpenAtLogin } from './open-at-login.js';

/** The command that starts this app: the AppImage, the installed binary, or electron + app dir. */
function linuxCommand(): string[] {
  if (process.env.APPIMAGE) return [process.env.APPIMAGE];
  return app.isPackaged ? [process.execPath] : [process.execPath, app.getAppPath()];
}

export function openAtLogin(
  os: TrayOs,
  choice: LoginChoice,
  messages: () => MainMessages['loginItem'],
): OpenAtLogin {
  const linux =
    os === 'linux'
      ? new LinuxAutostart(
          process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
          linuxCommand(),
          systemConfigDirs(process.env.XDG_CONFIG_DIRS),
        )
      : null;
  return new OpenAtLogin({
    os,
    choice,
    linux,
    run: (c) => runCommand(c.file, c.args, 5_000),
    exists: existsSync,
    messages,
  });
}
