/**
 * Windows: the MachineGuid that Windows Setup writes under HKLM\SOFTWARE\Microsoft\Cryptography.
 * `/reg:64` reads the native hive from a 32-bit process too. `reg query` prints the key path,
 * then `    MachineGuid    REG_SZ    <guid>` (fixture: test/fixtures/win32/reg-query-machineguid.txt).
 */
import { normalizeDeviceId } from '../../codes/approval-code.js';
import { runCommand } from '../run-command.js';

export const DEVICE_ID_COMMAND = {
  // CreateProcess finds reg.exe on PATH from "reg", as with the backend's other tools.
  file: 'reg',
  args: ['query', 'HKLM\\SOFTWARE\\Microsoft\\Cryptography', '/v', 'MachineGuid', '/reg:64'],
} as const;

export function parseMachineGuid(stdout: string): string | null {
  const m = /^\s*MachineGuid\s+REG_SZ\s+([0-9A-Fa-f-]{36})\s*$/m.exec(stdout);
  return m ? normalizeDeviceId(m[1] as string) : null;
}

export async function readWin32DeviceId(): Promise<string | null> {
  const r = await runCommand(DEVICE_ID_COMMAND.file, [...DEVICE_ID_COMMAND.args], 5_000);
  return r.code === 0 ? parseMachineGuid(r.stdout) : null;
}
