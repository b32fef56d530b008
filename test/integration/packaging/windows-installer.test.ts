/**
 * The Windows service and installer pieces, checked here on Linux: the NSIS include compiles
 * with Debian's real makensis (package nsis, scripts/setup.sh), and the WinSW service config
 * and electron-builder wiring are checked as data. Not proved here: that Windows runs them
 * (README support matrix).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AT_LOGIN_ARG } from '../../../main/login-item/choice.js';
import { APPROVED_KEY, RUN_KEY, RUN_VALUE } from '../../../main/login-item/windows.js';
import { REPO } from '../../helpers/agent-process.js';

const WINDOWS = join(REPO, 'packaging/windows');
const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');

/**
 * A stand-in for the script electron-builder generates around the include: only the
 * defines and the `isUpdated` test (same form as its common.nsh) the macros rely on.
 */
const WRAPPER = (outFile: string): string => `
Unicode true
!include LogicLib.nsh
!addincludedir "${WINDOWS}"
!define APP_EXECUTABLE_FILENAME "Elevate.exe"
!define APP_ID "com.elevate.tray"
!macro _isUpdated _a _b _t _f
  StrCmp "$R9" "updated" \`\${_t}\` \`\${_f}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
!include "installer.nsh"
Name "Elevate include check"
OutFile "${outFile}"
RequestExecutionLevel admin
InstallDir "$PROGRAMFILES64\\Elevate"
Section "install"
  !insertmacro customCheckAppRunning
  !insertmacro customInstall
SectionEnd
Section "uninstall-part"
  !insertmacro customUnInstall
SectionEnd
`;

describe('Windows installer include', () => {
  it('compiles with makensis, warnings as errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elevate-nsis-'));
    try {
      const script = join(dir, 'check.nsi');
      const out = join(dir, 'check.exe');
      writeFileSync(script, WRAPPER(out));
      execFileSync('makensis', ['-V2', '-WX', script], { stdio: 'pipe' });
      // A real PE file came out.
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('MZ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops the service instead of killing processes, and keeps it on upgrade', () => {
    const nsh = read('packaging/windows/installer.nsh');
    const macro = (name: string): string =>
      new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(nsh)?.[1] ?? '';
    expect(macro('customCheckAppRunning')).toContain("Stop-Service -Name '${ELEVATE_SERVICE}'");
    expect(macro('customCheckAppRunning')).toContain("WaitForStatus('Stopped'");
    expect(macro('customInstall')).toMatch(/ELEVATE_SERVICE_HOST\}" install[\s\S]*" start/);
    const uninstall = macro('customUnInstall');
    expect(uninstall.trim().startsWith('${ifNot} ${isUpdated}')).toBe(true);
    expect(uninstall.indexOf('restore-all')).toBeLessThan(uninstall.indexOf('" uninstall'));
    expect(nsh).toContain('!define ELEVATE_SERVICE "elevate-agent"');
  });

  it('starts the tray at every logon through HKLM Run, removed only on a real uninstall', () => {
    const nsh = read('packaging/windows/installer.nsh');
    const macro = (name: string): string =>
      new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(nsh)?.[1] ?? '';
    // The keys and value the tray reads (main/login-item/windows.ts); registry paths ignore case.
    const define = (name: string): string =>
      new RegExp(`!define ${name} "([^"]*)"`).exec(nsh)?.[1] ?? '';
    expect(`HKLM\\${define('ELEVATE_RUN_KEY')}`.toLowerCase()).toBe(RUN_KEY.toLowerCase());
    expect(`HKLM\\${define('ELEVATE_APPROVED_KEY')}`.toLowerCase()).toBe(
      APPROVED_KEY.toLowerCase(),
    );
    expect(define('ELEVATE_RUN_VALUE')).toBe(RUN_VALUE);
    expect(AT_LOGIN_ARG).toBe('--at-login');
    expect(macro('customInstall')).toContain(
      `WriteRegStr HKLM "\${ELEVATE_RUN_KEY}" "\${ELEVATE_RUN_VALUE}" '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" --at-login'`,
    );
    const uninstall = macro('customUnInstall');
    const guarded = uninstall.slice(uninstall.indexOf('${ifNot} ${isUpdated}'));
    expect(guarded).toContain('DeleteRegValue HKLM "${ELEVATE_RUN_KEY}" "${ELEVATE_RUN_VALUE}"');
    expect(guarded).toContain(
      'DeleteRegValue HKLM "${ELEVATE_APPROVED_KEY}" "${ELEVATE_RUN_VALUE}"',
    );
  });

  it('is wired into electron-builder, with the service host beside the app', () => {
    const yml = read('electron-builder.yml');
    expect(yml).toMatch(/nsis:[\s\S]*include: packaging\/windows\/installer\.nsh/);
    expect(yml).toMatch(/from: packaging\/windows\/elevate-agent-service\.xml/);
    // electron-builder gives the Start Menu shortcut the appId as AppUserModelID
    // (templates/nsis/include/installer.nsh: WinShell::SetLnkAUMI ... "${APP_ID}").
    const template = readFileSync(
      join(REPO, 'node_modules/app-builder-lib/templates/nsis/include/installer.nsh'),
      'utf8',
    );
    expect(template).toContain('WinShell::SetLnkAUMI "$newStartMenuLink" "${APP_ID}"');
    expect(yml).toMatch(/^appId: com\.elevate\.tray$/m);
  });
});

describe('WinSW service config', () => {
  const xml = readFileSync(join(WINDOWS, 'elevate-agent-service.xml'), 'utf8');
  const tag = (name: string): string[] =>
    [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);

  it('runs the packaged agent as LocalSystem at boot, restarted on failure, logging beside the state', () => {
    expect(tag('id')).toEqual(['elevate-agent']);
    expect(tag('startmode')).toEqual(['Automatic']);
    expect(xml).not.toMatch(/<serviceaccount>/);
    expect([...xml.matchAll(/<onfailure action="(\w+)"/g)].map((m) => m[1])).toEqual([
      'restart',
      'restart',
      'restart',
    ]);
    expect(tag('logpath')).toEqual(['%ProgramData%\\Elevate\\logs']);
    // The agent's own executable, never the tray's Electron binary run as Node (fuse off).
    expect(xml).not.toContain('ELECTRON_RUN_AS_NODE');
    expect(tag('arguments')[0]).toContain('--backend win32');
    expect(tag('executable')).toEqual(['%BASE%\\elevate-agent.exe']);
    // electron-builder puts it there: resources\ is %BASE% (the XML's own folder).
    const builder = read('electron-builder.yml');
    expect(builder).toMatch(
      /from: dist\/bin\/win32-x64\/elevate-agent\.exe\n\s+to: elevate-agent\.exe/,
    );
  });
});
