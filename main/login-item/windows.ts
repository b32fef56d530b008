/**
 * Windows: the installer writes HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run "Elevate"
 * (packaging/windows/installer.nsh), which Windows runs at every person's logon. Task Manager's
 * and Settings' Startup switch for a machine Run value lives under HKLM\…\Explorer\
 * StartupApproved\Run, a 12-byte REG_BINARY whose first byte is 02 when on and 03 when switched
 * off (superuser.com/questions/1766797, traced from Task Manager). A value of the same name
 * under HKCU\…\StartupApproved\Run only approves HKCU Run values: Electron's own
 * GetLoginItemSettings (shell/browser/browser_win.cc) reads HKLM's for scope "machine" and
 * HKCU's for scope "user". Writing HKLM needs an administrator, so a person's "off" is their
 * own choice (choice.ts); the HKLM switch is read only, to tell the person when an
 * administrator turned it off for the whole PC.
 *
 * Plans (the `reg query` commands) and parsers (their output) are pure; `/reg:64` reads the
 * 64-bit hive, where the 64-bit installer writes, from any process.
 */
import { parseRegQuery } from '../../agent/backends/win32/parsers.js';
import { view, type LoginItemView } from './choice.js';

export const RUN_VALUE = 'Elevate';
export const RUN_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run';
export const APPROVED_KEY =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run';

export interface Command {
  file: string;
  args: string[];
}
export interface Output {
  code: number | null;
  stdout: string;
}

export function runValueQuery(): Command {
  return { file: 'reg', args: ['query', RUN_KEY, '/v', RUN_VALUE, '/reg:64'] };
}
export function approvedQuery(): Command {
  return { file: 'reg', args: ['query', APPROVED_KEY, '/v', RUN_VALUE, '/reg:64'] };
}

/** The Run value's command line, or null when the installer's value is not there. */
export function parseRunValue(out: Output): string | null {
  if (out.code !== 0) return null;
  const value = parseRegQuery(out.stdout).find((v) => v.name === RUN_VALUE);
  return value && /^REG_(EXPAND_)?SZ$/.test(value.type) && value.data.trim() ? value.data : null;
}

/**
 * Task Manager's switch: 'off' when the first byte is odd (03; 01 is seen too), 'on' when even,
 * null when nobody ever switched it (no value: Windows runs the entry).
 */
export function parseApproved(out: Output): 'on' | 'off' | null {
  if (out.code !== 0) return null;
  const value = parseRegQuery(out.stdout).find((v) => v.name === RUN_VALUE);
  const first = value?.type === 'REG_BINARY' ? /^([0-9A-Fa-f]{2})/.exec(value.data)?.[1] : null;
  if (!first) return null;
  return (Number.parseInt(first, 16) & 1) === 1 ? 'off' : 'on';
}

export function windowsLoginItem(run: Output, approved: Output, choice: boolean): LoginItemView {
  if (parseRunValue(run) === null) return view('not-installed', choice);
  if (parseApproved(approved) === 'off') return view('off-by-admin', choice);
  return view('ok', choice);
}
