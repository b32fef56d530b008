/**
 * The XDG autostart rules (specifications.freedesktop.org/autostart-spec/latest, "Autostart
 * Directories"): an entry in $XDG_CONFIG_HOME/autostart wins over one of the same name in
 * $XDG_CONFIG_DIRS/autostart (default /etc/xdg); Hidden=true there means the entry is not
 * started; $XDG_CONFIG_DIRS unset or empty means /etc/xdg.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  desktopEntry,
  entryStarts,
  LinuxAutostart,
  quoteExecArg,
  systemConfigDirs,
} from '../../../../main/login-item/linux.js';
import { REPO } from '../../../helpers/agent-process.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'elevate-autostart-'));
  dirs.push(d);
  return d;
}
/** A system config dir holding the entry the tray deb installs in /etc/xdg/autostart. */
function systemWithPackagedEntry(): string {
  const system = tempDir();
  mkdirSync(join(system, 'autostart'));
  copyFileSync(
    join(REPO, 'packaging/linux/elevate-autostart.desktop'),
    join(system, 'autostart/elevate.desktop'),
  );
  return system;
}

describe('LinuxAutostart without a machine-wide entry (AppImage, development)', () => {
  it('writes and removes the person’s own entry', () => {
    const config = tempDir();
    const autostart = new LinuxAutostart(config, ['/opt/Elevate/elevate'], [tempDir()]);
    expect(autostart.isEnabled()).toBe(false);
    autostart.set(true);
    expect(autostart.isEnabled()).toBe(true);
    const text = readFileSync(join(config, 'autostart/elevate.desktop'), 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\nName=Elevate\n');
    expect(text).toContain('\nExec=/opt/Elevate/elevate\n');
    autostart.set(false);
    expect(existsSync(join(config, 'autostart/elevate.desktop'))).toBe(false);
    autostart.set(false);
    expect(autostart.isEnabled()).toBe(false);
  });
});

describe('LinuxAutostart with the machine-wide entry from the deb', () => {
  it('is on for a person who never touched it', () => {
    const autostart = new LinuxAutostart(
      tempDir(),
      ['/opt/Elevate/elevate'],
      [systemWithPackagedEntry()],
    );
    expect(autostart.isEnabled()).toBe(true);
  });

  it('turns off for this person only, with a Hidden=true entry of the same name', () => {
    const system = systemWithPackagedEntry();
    const config = tempDir();
    const autostart = new LinuxAutostart(config, ['/opt/Elevate/elevate'], [system]);
    autostart.set(false);
    expect(autostart.isEnabled()).toBe(false);
    const override = readFileSync(join(config, 'autostart/elevate.desktop'), 'utf8');
    expect(override).toMatch(/^\[Desktop Entry\]$/m);
    expect(override).toMatch(/^Hidden=true$/m);
    // The machine-wide entry is untouched: everyone else still gets it.
    expect(readFileSync(join(system, 'autostart/elevate.desktop'), 'utf8')).toBe(
      readFileSync(join(REPO, 'packaging/linux/elevate-autostart.desktop'), 'utf8'),
    );
    expect(new LinuxAutostart(tempDir(), [], [system]).isEnabled()).toBe(true);
    // Back on: the override goes, and the machine-wide entry applies again.
    autostart.set(true);
    expect(existsSync(join(config, 'autostart/elevate.desktop'))).toBe(false);
    expect(autostart.isEnabled()).toBe(true);
  });

  it('reads an override written by GNOME Startup Applications as off', () => {
    const config = tempDir();
    mkdirSync(join(config, 'autostart'));
    writeFileSync(
      join(config, 'autostart/elevate.desktop'),
      desktopEntry(['/opt/Elevate/elevate']).replace(
        'X-GNOME-Autostart-enabled=true',
        'X-GNOME-Autostart-enabled=false',
      ),
    );
    const autostart = new LinuxAutostart(config, [], [systemWithPackagedEntry()]);
    expect(autostart.isEnabled()).toBe(false);
    autostart.set(true);
    expect(autostart.isEnabled()).toBe(true);
  });

  it('finds the entry along $XDG_CONFIG_DIRS, /etc/xdg when unset', () => {
    expect(systemConfigDirs(undefined)).toEqual(['/etc/xdg']);
    expect(systemConfigDirs('')).toEqual(['/etc/xdg']);
    expect(systemConfigDirs('/etc/xdg/xdg-ubuntu:/etc/xdg')).toEqual([
      '/etc/xdg/xdg-ubuntu',
      '/etc/xdg',
    ]);
    const autostart = new LinuxAutostart(tempDir(), [], [tempDir(), systemWithPackagedEntry()]);
    expect(autostart.isEnabled()).toBe(true);
  });
});

describe('desktop entries', () => {
  it('quotes Exec arguments as the Desktop Entry spec asks', () => {
    expect(quoteExecArg('/usr/bin/electron')).toBe('/usr/bin/electron');
    expect(quoteExecArg('/home/sam/My Apps/Elevate.AppImage')).toBe(
      '"/home/sam/My Apps/Elevate.AppImage"',
    );
    expect(quoteExecArg('a"b$c`d\\e')).toBe('"a\\"b\\$c\\`d\\\\e"');
    expect(desktopEntry(['/usr/bin/electron', '/work/my app'])).toContain(
      'Exec=/usr/bin/electron "/work/my app"\n',
    );
  });

  it('describes Elevate in every catalogue language, for the desktop to pick', () => {
    const entry = desktopEntry(['/x']);
    expect(entry).toContain('\nComment=Temporary administrator rights that end on time\n');
    expect(entry).toContain('\nComment[de]=Befristete Administratorrechte, die pünktlich enden\n');
  });

  it('knows which entries start', () => {
    expect(entryStarts(desktopEntry(['/x']))).toBe(true);
    expect(entryStarts('[Desktop Entry]\nHidden=true\n')).toBe(false);
    expect(entryStarts('[Desktop Entry]\nHidden = true\n')).toBe(false);
    expect(entryStarts('[Desktop Entry]\nHidden=false\n')).toBe(true);
  });
});
