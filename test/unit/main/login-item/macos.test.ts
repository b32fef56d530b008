/**
 * macOS login item: the pkg's LaunchAgent and its Background Task Management state, as
 * SMAppService.statusForLegacyPlist(at:) reports it. osascript prints a script's result
 * followed by a newline (osascript(1)); the numbers are SMAppServiceStatus's raw values from
 * SMAppService.h: 0 notRegistered, 1 enabled, 2 requiresApproval, 3 notFound.
 */
import { describe, expect, it } from 'vitest';
import {
  LAUNCH_AGENT_PLIST,
  legacyStatusQuery,
  macLoginItem,
  parseLegacyStatus,
} from '../../../../main/login-item/macos.js';

const status = (n: number): { code: number; stdout: string } => ({ code: 0, stdout: `${n}\n` });
// macOS 12: no SMAppService class, so the bridge call throws and osascript exits 1.
const noClass = { code: 1, stdout: '' };

describe('macOS login item plan and parser', () => {
  it("asks ServiceManagement about the pkg's LaunchAgent through osascript", () => {
    const q = legacyStatusQuery();
    expect(q.file).toBe('/usr/bin/osascript');
    expect(q.args.slice(0, 3)).toEqual(['-l', 'JavaScript', '-e']);
    expect(q.args[3]).toContain('$.SMAppService.statusForLegacyURL(');
    expect(q.args[3]).toContain(JSON.stringify(LAUNCH_AGENT_PLIST));
    expect(LAUNCH_AGENT_PLIST).toBe('/Library/LaunchAgents/com.elevate.tray.plist');
  });

  it('maps the printed number to the status names Electron uses', () => {
    expect([0, 1, 2, 3].map((n) => parseLegacyStatus(status(n)))).toEqual([
      'not-registered',
      'enabled',
      'requires-approval',
      'not-found',
    ]);
    expect(parseLegacyStatus(noClass)).toBeNull();
    expect(parseLegacyStatus({ code: 0, stdout: '7\n' })).toBeNull();
  });
});

describe('what the person sees on macOS', () => {
  it('is on after install until the person turns it off', () => {
    expect(macLoginItem(true, status(1), true)).toEqual({ enabled: true, cause: 'ok', note: null });
    expect(macLoginItem(true, status(1), false).enabled).toBe(false);
    // Not yet recorded by Background Task Management, or macOS 12: launchd runs it.
    expect(macLoginItem(true, status(0), true).enabled).toBe(true);
    expect(macLoginItem(true, noClass, true).enabled).toBe(true);
  });

  it('says where to approve it when Login Items holds it back', () => {
    const seen = macLoginItem(true, status(2), true);
    expect(seen).toMatchObject({ enabled: false, cause: 'requires-approval' });
    expect(seen.note).toBe(
      'Elevate needs your approval to open at login: turn it on in System Settings > General > Login Items.',
    );
  });

  it('says so when the app was not installed with the pkg', () => {
    expect(macLoginItem(false, noClass, true)).toMatchObject({
      enabled: false,
      cause: 'not-installed',
    });
    expect(macLoginItem(true, status(3), true).cause).toBe('not-installed');
  });
});
