/**
 * The two secrets behind approval codes, each in a file only its owner may read: the device
 * key (on the device, read by the agent as root) and the master secret (on the approver's
 * machine). A key that others can read approves requests for them, so a loose mode is refused.
 */
import { readFileSync } from 'node:fs';
import type { PolicyMessages } from '../i18n/policy-en.js';
import { privateFileFault, privateFileSentence } from '../shared/private-file.js';
import { parseDeviceKey, type DeviceKey } from './approval-code.js';

export const MIN_MASTER_BYTES = 32;

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** Refuses a key file others could read or own, in `m`'s words; `what` names the file. */
function checkPrivate(
  path: string,
  what: string,
  owners: readonly number[],
  m: PolicyMessages,
): void {
  const fault = privateFileFault(path, owners);
  if (fault) throw new KeyFileError(privateFileSentence(fault, what, path, m));
}

/** The device's key, for the agent: root-owned, mode 0600 or stricter; refused in `m`'s words. */
export function readDeviceKeyFile(path: string, m: PolicyMessages): DeviceKey {
  const self = process.getuid?.() ?? 0;
  checkPrivate(path, m.keyFile.deviceFile, self === 0 ? [0] : [0, self], m);
  const key = parseDeviceKey(readFileSync(path, 'utf8'));
  if (!key) {
    throw new KeyFileError(m.keyFile.noDeviceKey(path));
  }
  return key;
}

/** The organisation's master secret, for the approver: theirs alone, at least 32 bytes. */
export function readMasterFile(path: string, m: PolicyMessages): Buffer {
  const self = process.getuid?.() ?? 0;
  checkPrivate(path, m.keyFile.masterFile, [...new Set([self, 0])], m);
  const bytes = readFileSync(path);
  if (bytes.length < MIN_MASTER_BYTES) {
    throw new KeyFileError(m.keyFile.masterTooShort(path, bytes.length, MIN_MASTER_BYTES));
  }
  return bytes;
}

/** For `elevatectl policy check`: one sentence per problem with the policy's key file. */
export function approvalKeyProblems(keyFile: string | undefined, m: PolicyMessages): string[] {
  if (!keyFile) return [];
  try {
    readDeviceKeyFile(keyFile, m);
    return [];
  } catch (err) {
    return [`approvalCodes.keyFile: ${(err as Error).message}`];
  }
}
