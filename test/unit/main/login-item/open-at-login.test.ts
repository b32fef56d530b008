/**
 * The Open at login adapter through the fake electron module. What it must do, per the docs:
 * on macOS 13+, a login item waiting for approval is approved by the person in System Settings
 * > General > Login Items, which `shell.openExternal` opens for the
 * x-apple.systempreferences:com.apple.LoginItems-Settings.extension URL; Electron's
 * shell.openExternal resolves once the OS took the URL (docs/api/shell.md). Command outputs are
 * the recorded ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('../fake-electron.js'));
import { callsTo, resetCalls } from '../fake-electron.js';
import { mainMessages } from '../../../../main/i18n/index.js';
import { LoginChoice } from '../../../../main/login-item/choice.js';
import { LinuxAutostart } from '../../../../main/login-item/linux.js';
import { OpenAtLogin } from '../../../../main/login-item/open-at-login.js';
import type { Command, Output } from '../../../../main/login-item/windows.js';
import { win32Fixture } from '../../../helpers/win32-fixtures.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'elevate-login-item-'));
  dirs.push(d);
  return d;
}
beforeEach(() => resetCalls());
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Replays recorded outputs by command; anything unexpected is a failed tool. */
function replay(outputs: Record<string, Output>): (c: Command) => Promise<Output> {
  return async (c) => {
    const key = c.file === 'reg' ? c.args[1]! : c.file;
    return outputs[key] ?? { code: 1, stdout: '' };
  };
}
const RUN = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
const APPROVED =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run';

describe('Open at login on macOS', () => {
  function mac(status: number): OpenAtLogin {
    return new OpenAtLogin({
      os: 'darwin',
      choice: new LoginChoice(join(tempDir(), 'login-item.json')),
      linux: null,
      run: replay({ '/usr/bin/osascript': { code: 0, stdout: `${status}\n` } }),
      exists: (p) => p === '/Library/LaunchAgents/com.elevate.tray.plist',
    });
  }

  it('turns off and on for the person, with no System Settings detour', async () => {
    const item = mac(1);
    expect((await item.read()).enabled).toBe(true);
    expect(await item.set(false)).toMatchObject({ result: { ok: true }, view: { enabled: false } });
    expect(await item.set(true)).toMatchObject({ result: { ok: true }, view: { enabled: true } });
    expect(callsTo('shell')).toEqual([]);
  });

  it('opens Login Items and says why when macOS waits for approval', async () => {
    const item = mac(2);
    const seen = await item.read();
    expect(seen.enabled).toBe(false);
    expect(seen.note).toMatch(/System Settings > General > Login Items/);
    const { result } = await item.set(true);
    expect(result).toEqual({ ok: false, message: seen.note });
    expect(callsTo('shell', 'openExternal').map((c) => c.args[0])).toEqual([
      'x-apple.systempreferences:com.apple.LoginItems-Settings.extension',
    ]);
    // Turning it off needs no approval.
    expect((await item.set(false)).result).toEqual({ ok: true });
  });

  it('says it in the person’s language', async () => {
    const item = new OpenAtLogin({
      os: 'darwin',
      choice: new LoginChoice(join(tempDir(), 'login-item.json')),
      linux: null,
      run: replay({ '/usr/bin/osascript': { code: 0, stdout: '2\n' } }),
      exists: () => true,
      messages: () => mainMessages('de').loginItem,
    });
    expect((await item.read()).note).toBe(
      'Elevate braucht Ihre Zustimmung, um bei der Anmeldung zu starten: Schalten Sie es in Systemeinstellungen > Allgemein > Anmeldeobjekte ein.',
    );
    expect((await item.set(true)).result).toEqual({
      ok: false,
      message: mainMessages('de').loginItem['requires-approval'],
    });
  });
});

describe('Open at login on Windows', () => {
  function win(approved: Output): { item: OpenAtLogin; choice: LoginChoice } {
    const choice = new LoginChoice(join(tempDir(), 'login-item.json'));
    const item = new OpenAtLogin({
      os: 'win32',
      choice,
      linux: null,
      run: replay({ [RUN]: win32Fixture('reg-query-run-elevate'), [APPROVED]: approved }),
      exists: () => false,
    });
    return { item, choice };
  }

  it('keeps the person’s off in their own data, never touching HKLM', async () => {
    const { item, choice } = win(win32Fixture('reg-query-missing'));
    expect((await item.read()).enabled).toBe(true);
    expect((await item.set(false)).view.enabled).toBe(false);
    expect(choice.read()).toBe(false);
  });

  it('refuses to claim "on" when an administrator switched it off', async () => {
    const { item } = win(win32Fixture('reg-query-startup-approved-off'));
    const { result, view } = await item.set(true);
    expect(view.enabled).toBe(false);
    expect(result).toEqual({ ok: false, message: view.note });
    expect(callsTo('shell')).toEqual([]);
  });
});

describe('Open at login on Linux', () => {
  it('hides the machine-wide entry for this person', async () => {
    const system = tempDir();
    const linux = new LinuxAutostart(tempDir(), ['/opt/Elevate/elevate'], [system]);
    const item = new OpenAtLogin({
      os: 'linux',
      choice: new LoginChoice(join(tempDir(), 'unused.json')),
      linux,
      run: replay({}),
      exists: () => false,
    });
    expect((await item.set(true)).view.enabled).toBe(true);
    expect((await item.set(false)).view.enabled).toBe(false);
  });
});
