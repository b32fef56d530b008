/**
 * This computer's id for approval codes: what the MDM knows the device by and what the
 * approver types as `--device`. Linux: the systemd/D-Bus machine id (machine-id(5)).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeDeviceId } from '../../codes/approval-code.js';

const MACHINE_ID_FILES = ['etc/machine-id', 'var/lib/dbus/machine-id'];

/** The machine id under `root`, or null when the system has none (codes then stay off). */
export async function readLinuxDeviceId(root: string): Promise<string | null> {
  for (const file of MACHINE_ID_FILES) {
    try {
      const id = normalizeDeviceId(await readFile(join(root, file), 'utf8'));
      if (/^[0-9a-f]{32}$/.test(id)) return id;
    } catch {
      // Try the next location.
    }
  }
  return null;
}
