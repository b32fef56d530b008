/**
 * Windows login item: the machine Run value the installer writes and Task Manager's switch for
 * it, read from recorded `reg query` outputs (test/fixtures/win32/*.json cite their sources).
 */
import { describe, expect, it } from 'vitest';
import {
  approvedQuery,
  parseApproved,
  parseRunValue,
  runValueQuery,
  windowsLoginItem,
} from '../../../../main/login-item/windows.js';
import { win32Fixture } from '../../../helpers/win32-fixtures.js';

const run = win32Fixture('reg-query-run-elevate');
const missing = win32Fixture('reg-query-missing');
const off = win32Fixture('reg-query-startup-approved-off');
const on = win32Fixture('reg-query-startup-approved-on');

describe('Windows login item plans', () => {
  it('reads the 64-bit HKLM Run value and its HKLM StartupApproved switch', () => {
    expect(runValueQuery()).toEqual({
      file: 'reg',
      args: [
        'query',
        'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
        '/v',
        'Elevate',
        '/reg:64',
      ],
    });
    expect(approvedQuery().args[1]).toBe(
      'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run',
    );
  });
});

describe('Windows login item parsers', () => {
  it('reads the Run value the installer wrote, or none', () => {
    expect(parseRunValue(run)).toBe('"C:\\Program Files\\Elevate\\Elevate.exe" --at-login');
    expect(parseRunValue(missing)).toBeNull();
  });

  it("reads Task Manager's switch from the first byte", () => {
    expect(parseApproved(off)).toBe('off');
    expect(parseApproved(on)).toBe('on');
    expect(parseApproved(missing)).toBeNull();
    expect(
      parseApproved({ code: 0, stdout: '    Elevate    REG_BINARY    0100000009A408A7' }),
    ).toBe('off');
  });
});

describe('what the person sees on Windows', () => {
  it('is on for everyone after install, until the person turns it off', () => {
    expect(windowsLoginItem(run, missing, true)).toEqual({
      enabled: true,
      cause: 'ok',
      note: null,
    });
    expect(windowsLoginItem(run, on, true).enabled).toBe(true);
    expect(windowsLoginItem(run, missing, false)).toEqual({
      enabled: false,
      cause: 'ok',
      note: null,
    });
  });

  it('says so when an administrator switched it off for the PC', () => {
    const seen = windowsLoginItem(run, off, true);
    expect(seen.enabled).toBe(false);
    expect(seen.note).toMatch(/administrator turned Elevate off.*Task Manager > Startup apps/);
    // A person who turned it off anyway is not told how to turn it on.
    expect(windowsLoginItem(run, off, false).note).toBeNull();
  });

  it('says so when this copy was not installed by the installer', () => {
    const seen = windowsLoginItem(missing, missing, true);
    expect(seen).toMatchObject({ enabled: false, cause: 'not-installed' });
    expect(seen.note).toMatch(/installer/);
  });
});
