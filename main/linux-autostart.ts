/**
 * "Open at login" on Linux, where Electron's setLoginItemSettings does nothing: an XDG
 * autostart entry ($XDG_CONFIG_HOME/autostart/elevate.desktop), which GNOME, KDE, Xfce and
 * others start at login.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUTOSTART_FILE = 'elevate.desktop';

/** Quotes one Exec argument as the Desktop Entry spec asks (double quotes; \ " ` $ escaped). */
export function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Elevate',
    'Comment=Temporary administrator rights that end on time',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Icon=elevate',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export class LinuxAutostart {
  constructor(
    private readonly configHome: string,
    /** The command that starts this app: the AppImage, the installed binary, or electron + app dir. */
    private readonly command: readonly string[],
  ) {}

  get path(): string {
    return join(this.configHome, 'autostart', AUTOSTART_FILE);
  }

  isEnabled(): boolean {
    return existsSync(this.path);
  }

  set(enabled: boolean): void {
    if (!enabled) {
      rmSync(this.path, { force: true });
      return;
    }
    mkdirSync(join(this.configHome, 'autostart'), { recursive: true });
    writeFileSync(this.path, desktopEntry(this.command), { mode: 0o644 });
  }
}
