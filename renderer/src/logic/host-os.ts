/**
 * Which OS the person is on, for the words that differ (Credential Manager, Keychain, keyring;
 * restarting a Mac or a PC). The agent says it in the snapshot; before the first snapshot the
 * browser's own platform string is all there is.
 */
import type { Snapshot } from '../../../agent/protocol/schemas.js';

export type HostOs = 'darwin' | 'win32' | 'linux';

export function hostOs(snapshot: Pick<Snapshot, 'platform'> | null, platform: string): HostOs {
  if (snapshot) return snapshot.platform.os;
  if (/^win/i.test(platform)) return 'win32';
  if (/^mac/i.test(platform)) return 'darwin';
  return 'linux';
}
