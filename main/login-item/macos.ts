/**
 * macOS: the pkg installs /Library/LaunchAgents/com.elevate.tray.plist
 * (packaging/macos/com.elevate.tray.plist), which launchd starts in every person's GUI session.
 *
 * Why not Electron's `setLoginItemSettings({ type: 'agentService', serviceName })`: that is
 * SMAppService.agent(plistName:), which only knows property lists inside the app bundle's
 * Contents/Library/LaunchAgents and registers them for the calling person (Electron docs,
 * app.setLoginItemSettings); it can neither start the tray for everyone nor switch off the
 * machine-wide job. So the person's "off" is their own choice (choice.ts).
 *
 * macOS 13+ lists the job under System Settings > General > Login Items, where it can be
 * switched off or wait for approval. Its state is SMAppService.statusForLegacyPlist(at:)
 * (developer.apple.com/documentation/servicemanagement/smappservice/statusforlegacyplist(at:)),
 * which Electron does not expose; osascript's JavaScript bridge calls it
 * (`+[SMAppService statusForLegacyURL:]`) and prints the SMAppServiceStatus number:
 * 0 notRegistered, 1 enabled, 2 requiresApproval, 3 notFound (SMAppService.h; the names
 * Electron's getLoginItemSettings().status uses). Before macOS 13 the class does not exist,
 * osascript fails, and launchd simply runs the job.
 */
import { view, type LoginItemView } from './choice.js';
import type { Command, Output } from './windows.js';

export const LAUNCH_AGENT_LABEL = 'com.elevate.tray';
export const LAUNCH_AGENT_PLIST = `/Library/LaunchAgents/${LAUNCH_AGENT_LABEL}.plist`;
/** System Settings > General > Login Items (macOS 13+; older versions open System Settings). */
export const LOGIN_ITEMS_PANE = 'x-apple.systempreferences:com.apple.LoginItems-Settings.extension';

export type LoginItemStatus = 'not-registered' | 'enabled' | 'requires-approval' | 'not-found';
const STATUS_BY_NUMBER: readonly LoginItemStatus[] = [
  'not-registered',
  'enabled',
  'requires-approval',
  'not-found',
];

export function legacyStatusQuery(plist = LAUNCH_AGENT_PLIST): Command {
  const script =
    "ObjC.import('ServiceManagement');" +
    `$.SMAppService.statusForLegacyURL($.NSURL.fileURLWithPath(${JSON.stringify(plist)}))`;
  return { file: '/usr/bin/osascript', args: ['-l', 'JavaScript', '-e', script] };
}

/** The status osascript printed, or null when it could not tell (macOS 12 and older). */
export function parseLegacyStatus(out: Output): LoginItemStatus | null {
  if (out.code !== 0) return null;
  const m = /^\s*(\d)\s*$/.exec(out.stdout);
  return m ? (STATUS_BY_NUMBER[Number(m[1])] ?? null) : null;
}

/**
 * `installed`: the plist is there. 'not-registered' (Background Task Management has not
 * recorded it yet) and an unknown status leave launchd's normal behaviour: it runs the job.
 */
export function macLoginItem(installed: boolean, status: Output, choice: boolean): LoginItemView {
  if (!installed) return view('not-installed', choice);
  const parsed = parseLegacyStatus(status);
  if (parsed === 'requires-approval') return view('requires-approval', choice);
  if (parsed === 'not-found') return view('not-installed', choice);
  return view('ok', choice);
}
