/**
 * "Open at login" on Linux, where Electron's setLoginItemSettings does nothing: XDG autostart
 * entries, which GNOME, KDE, Xfce and others start at login. The tray package installs the
 * machine-wide entry (/etc/xdg/autostart/elevate.desktop, electron-builder.yml), so it is on for
 * everyone. Per the Desktop Application Autostart Specification
 * (specifications.freedesktop.org/autostart-spec/latest), an entry of the same name in the
 * person's $XDG_CONFIG_HOME/autostart takes precedence over the ones in $XDG_CONFIG_DIRS, and
 * `Hidden=true` there means "do not start it" — which is how one person turns it off. GNOME's
 * `X-GNOME-Autostart-enabled=false` (what its own Startup Applications writes) counts as off too.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../agent/shared/i18n/locale.js';
import { MAIN_CATALOGUES } from '../i18n/index.js';

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
    // Every language at once (Comment[de]=…): the desktop picks the person's, as the spec says.
    `Comment=${MAIN_CATALOGUES.en.desktopComment}`,
    ...LOCALES.filter((l) => l !== 'en').map(
      (l) => `Comment[${l}]=${MAIN_CATALOGUES[l].desktopComment}`,
    ),
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Icon=elevate',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The person's override that hides the machine-wide entry (the spec's Hidden key). */
export const HIDDEN_ENTRY = '[Desktop Entry]\nType=Application\nName=Elevate\nHidden=true\n';

/** Whether an entry's text says "start me": not Hidden, not switched off by GNOME's key. */
export function entryStarts(text: string): boolean {
  const key = (name: string): string | undefined =>
    new RegExp(`^${name}\\s*=\\s*(\\S*)\\s*$`, 'm').exec(text)?.[1];
  return key('Hidden') !== 'true' && key('X-GNOME-Autostart-enabled') !== 'false';
}

/** The spec's search path: $XDG_CONFIG_DIRS (':'-separated), /etc/xdg when unset or empty. */
export function systemConfigDirs(xdgConfigDirs: string | undefined): string[] {
  const dirs = (xdgConfigDirs ?? '').split(':').filter((d) => d.startsWith('/'));
  return dirs.length > 0 ? dirs : ['/etc/xdg'];
}

export class LinuxAutostart {
  constructor(
    private readonly configHome: string,
    /** The command that starts this app: the AppImage, the installed binary, or electron + app dir. */
    private readonly command: readonly string[],
    private readonly configDirs: readonly string[] = ['/etc/xdg'],
  ) {}

  get path(): string {
    return join(this.configHome, 'autostart', AUTOSTART_FILE);
  }

  /** The first machine-wide entry in the search path, as the session manager finds it. */
  private systemEntry(): string | null {
    for (const dir of this.configDirs) {
      const file = join(dir, 'autostart', AUTOSTART_FILE);
      if (existsSync(file)) return readFileSync(file, 'utf8');
    }
    return null;
  }

  isEnabled(): boolean {
    if (existsSync(this.path)) return entryStarts(readFileSync(this.path, 'utf8'));
    const system = this.systemEntry();
    return system !== null && entryStarts(system);
  }

  set(enabled: boolean): void {
    const system = this.systemEntry();
    const systemStarts = system !== null && entryStarts(system);
    if (enabled === systemStarts) {
      // The machine-wide entry already says what the person wants: no override of their own.
      rmSync(this.path, { force: true });
      return;
    }
    mkdirSync(join(this.configHome, 'autostart'), { recursive: true });
    writeFileSync(this.path, enabled ? desktopEntry(this.command) : HIDDEN_ENTRY, { mode: 0o644 });
  }
}
