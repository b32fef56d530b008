import { posixAdminRule } from '../../auth/admin-rule.js';
import { DarwinBackend } from '../../backends/darwin.js';
import {
  managedPreferences,
  watchManagedPreferences,
} from '../../backends/darwin/managed-preferences.js';
import { darwinWatches } from '../../backends/darwin/session-watch.js';
import { DarwinUserDirectory } from '../../backends/darwin/user-directory.js';
import type { AgentConfig } from '../../config.js';
import { sudoLogDir } from '../../usage/sudo-log-path.js';
import type { Log, Platform } from '../platform.js';

export function darwinPlatform(config: AgentConfig, log: Log): Platform {
  return {
    managedPolicy: managedPreferences(config.root),
    watchManagedPolicy: (changed) => watchManagedPreferences(config.root, changed, log),
    users: new DarwinUserDirectory(),
    backend: () =>
      new DarwinBackend({ root: config.root, sudoLogDir: sudoLogDir(config.stateDir), log }),
    adminRule: () => posixAdminRule(process.getuid?.() ?? 0),
    sessionWatches: () => darwinWatches(config.root),
  };
}
