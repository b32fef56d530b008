import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopEntry, LinuxAutostart, quoteExecArg } from '../../../main/linux-autostart.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('LinuxAutostart', () => {
  it('writes and removes the XDG autostart entry', () => {
    const config = mkdtempSync(join(tmpdir(), 'elevate-autostart-'));
    dirs.push(config);
    const autostart = new LinuxAutostart(config, ['/opt/Elevate/elevate']);
    expect(autostart.isEnabled()).toBe(false);
    autostart.set(true);
    expect(autostart.isEnabled()).toBe(true);
    const text = readFileSync(join(config, 'autostart/elevate.desktop'), 'utf8');
    expect(text).toContain('[Desktop Entry]\nType=Application\nName=Elevate\n');
    expect(text).toContain('\nExec=/opt/Elevate/elevate\n');
    autostart.set(false);
    expect(existsSync(join(config, 'autostart/elevate.desktop'))).toBe(false);
    autostart.set(false);
  });

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
});
