/** The Linux end-of-session check: files under the backend's root prefix, and /proc. */
import { dropInFileName } from '../backends/linux/account-name.js';
import { SUDOERS_DIR, adminGroupNames, takeInventory } from './admin-inventory.js';
import { undoDrift } from './drift-remover.js';
import type { SessionWatches } from './os-watch.js';
import { findSudoRootProcesses, finishEnding, terminate } from './root-processes.js';

export function linuxWatches(
  root: string,
  adminGroup: () => string | undefined,
  ruleGroups: () => string[],
): SessionWatches {
  return {
    admin: {
      take: (alsoGids) =>
        takeInventory(root, adminGroupNames(adminGroup(), ruleGroups()), alsoGids),
      undo: (drift, before, dir, note) => undoDrift(root, drift, before, dir, note),
      dropInKey: (user) => `${SUDOERS_DIR}/${dropInFileName(user)}`,
    },
    processes: {
      find: (uid) => findSudoRootProcesses(uid),
      terminate: (list) => terminate(list),
      finishEnding: (list, signalled, graceMs) => finishEnding(list, signalled, graceMs),
    },
  };
}
