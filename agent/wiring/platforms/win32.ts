import { Win32Backend } from '../../backends/win32.js';
import { win32AdminRule } from '../../backends/win32/admin-rule.js';
import { protectWin32Dirs } from '../../backends/win32/dir-acls.js';
import { Win32SessionCheck } from '../../backends/win32/session-check.js';
import { Win32UserDirectory } from '../../backends/win32/user-directory.js';
import type { AgentConfig } from '../../config.js';
import { readRegistryPolicy } from '../../policy/registry-policy.js';
import type { Log, Platform } from '../platform.js';

export function win32Platform(config: AgentConfig, log: Log): Platform {
  const backend = new Win32Backend();
  const users = new Win32UserDirectory({ log });
  return {
    guardStateDir: () => protectWin32Dirs(config.stateDir, log),
    managedPolicy: { label: (m) => m.registry.label, read: readRegistryPolicy },
    users,
    backend: () => backend,
    /** SYSTEM and permanent admins, directly or through a group. */
    adminRule: (store) =>
      win32AdminRule({
        administratorMembers: () => backend.administratorMembers(),
        memberships: (a) => users.memberships(a),
        peek: (u) => store.peek(u),
        computerName: process.env.COMPUTERNAME ?? null,
        log,
      }),
    win32Check: (deps) => new Win32SessionCheck(deps),
  };
}
