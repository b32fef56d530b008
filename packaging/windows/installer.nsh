; Elevate's additions to electron-builder's per-machine NSIS installer (electron-builder.yml
; nsis.include). Macros: electron-builder docs/nsis.md; templates/nsis/include/*.nsh.
; The agent is a SYSTEM service hosted by WinSW (elevate-agent-service.xml). Windows only;
; test/integration/packaging/windows-installer.test.ts compiles this with Debian's makensis.

!define ELEVATE_SERVICE "elevate-agent"
!define ELEVATE_SERVICE_HOST "$INSTDIR\resources\elevate-agent-service.exe"
!define ELEVATE_AGENT "$INSTDIR\resources\elevate-agent.exe"
!define ELEVATE_PS "$SYSDIR\WindowsPowerShell\v1.0\powershell.exe"
; Open at login for everyone (main/login-item/windows.ts): Windows runs HKLM Run values at each
; person's logon; --at-login lets the tray quit at once for a person who turned it off.
!define ELEVATE_RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define ELEVATE_APPROVED_KEY "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
!define ELEVATE_RUN_VALUE "Elevate"

; electron-builder's default check kills every process whose image is under $INSTDIR, which
; includes the SYSTEM agent (resources\elevate-agent.exe): on every install, upgrade and uninstall
; the agent would die mid-operation. Instead stop the service through the Service Control
; Manager and wait for it (the agent keeps grants and deadlines across the upgrade), then
; close the tray apps, which are only views.
!macro customCheckAppRunning
  DetailPrint "Stopping the Elevate agent service"
  nsExec::ExecToLog `"${ELEVATE_PS}" -NoProfile -NonInteractive -Command "$$s = Get-Service -Name '${ELEVATE_SERVICE}' -ErrorAction SilentlyContinue; if ($$s -and $$s.Status -ne 'Stopped') { Stop-Service -Name '${ELEVATE_SERVICE}' -Force; $$s.WaitForStatus('Stopped', '00:00:30') }"`
  Pop $0
  ${if} $0 != 0
    MessageBox MB_OK|MB_ICONSTOP "The Elevate agent service did not stop. Stop it in Services (elevate-agent), then run the installer again." /SD IDOK
    Quit
  ${endIf}
  DetailPrint "Closing Elevate"
  nsExec::ExecToLog `"$SYSDIR\taskkill.exe" /F /IM "${APP_EXECUTABLE_FILENAME}"`
  Pop $0
  Sleep 500
!macroend

; Registers the service (first install) and starts it. On an upgrade the service is still
; registered (customUnInstall keeps it), so "install" fails harmlessly and "start" runs the
; new version with the same state.
!macro customInstall
  WriteRegStr HKLM "${ELEVATE_RUN_KEY}" "${ELEVATE_RUN_VALUE}" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --at-login'
  DetailPrint "Registering the Elevate agent service"
  nsExec::ExecToLog `"${ELEVATE_SERVICE_HOST}" install`
  Pop $0
  nsExec::ExecToLog `"${ELEVATE_SERVICE_HOST}" start`
  Pop $0
  ${if} $0 != 0
    MessageBox MB_OK|MB_ICONEXCLAMATION "The Elevate agent service did not start. Its log is in %ProgramData%\Elevate\logs; start it in Services (elevate-agent) once the cause is fixed." /SD IDOK
  ${endIf}
!macroend

; A real uninstall ends every grant first, restoring each person exactly, then removes the
; service. An upgrade runs the old uninstaller with --updated: then nothing is touched.
!macro customUnInstall
  ${ifNot} ${isUpdated}
    DetailPrint "Ending every Elevate grant"
    nsExec::ExecToLog `"${ELEVATE_AGENT}" restore-all --backend win32`
    Pop $0
    ${if} $0 != 0
      ; The check above stopped the agent: start it again so the rights still end on time.
      nsExec::ExecToLog `"${ELEVATE_SERVICE_HOST}" start`
      Pop $1
      MessageBox MB_OK|MB_ICONSTOP "Elevate could not take back every temporary administrator right, so it is not removed. See %ProgramData%\Elevate\logs, fix the cause, and uninstall again." /SD IDOK
      Abort
    ${endIf}
    ; The login entry, and Task Manager's switch for it, go with the app.
    DeleteRegValue HKLM "${ELEVATE_RUN_KEY}" "${ELEVATE_RUN_VALUE}"
    DeleteRegValue HKLM "${ELEVATE_APPROVED_KEY}" "${ELEVATE_RUN_VALUE}"
    DetailPrint "Removing the Elevate agent service"
    nsExec::ExecToLog `"${ELEVATE_SERVICE_HOST}" uninstall`
    Pop $0
  ${endIf}
!macroend
