/**
 * macOS: the hardware UUID (IOPlatformUUID), the id Jamf and other MDMs list as the Mac's UDID.
 * Apple TN1103 names it as the per-computer identifier; `ioreg` prints it as
 * `"IOPlatformUUID" = "…"` (fixture: test/fixtures/darwin/ioreg-platform-expert-device.txt).
 */
import { normalizeDeviceId } from '../../codes/approval-code.js';
import { runCommand } from '../run-command.js';

export const DEVICE_ID_COMMAND = {
  // Found on PATH (/usr/sbin is on the runner's PATH), so tests can put a stand-in first.
  file: 'ioreg',
  args: ['-rd1', '-c', 'IOPlatformExpertDevice'],
} as const;

export function parsePlatformUuid(stdout: string): string | null {
  const m = /"IOPlatformUUID"\s*=\s*"([0-9A-Fa-f-]{8,64})"/.exec(stdout);
  return m ? normalizeDeviceId(m[1] as string) : null;
}

export async function readDarwinDeviceId(): Promise<string | null> {
  const r = await runCommand(DEVICE_ID_COMMAND.file, [...DEVICE_ID_COMMAND.args], 5_000);
  return r.code === 0 ? parsePlatformUuid(r.stdout) : null;
}
