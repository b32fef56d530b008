/** The macOS side of the end-of-session check (cleanup/os-watch.ts). */
import { dropInFileName } from '../linux/account-name.js';
import type { SessionWatches } from '../../cleanup/os-watch.js';
import { takeDarwinInventory } from './admin-inventory.js';
import { undoDarwinDrift } from './drift-remover.js';
import { darwinProcesses } from './processes.js';

/** `root`: the darwin backend's prefix ("/" on a Mac); sudoers keys are under private/. */
export function darwinWatches(root: string): SessionWatches {
  return {
    admin: {
      take: (alsoGids) => takeDarwinInventory(root, alsoGids),
      undo: (drift, before, dir, note) => undoDarwinDrift(root, drift, before, dir, note),
      dropInKey: (user) => `etc/sudoers.d/${dropInFileName(user)}`,
    },
    processes: darwinProcesses,
  };
}
