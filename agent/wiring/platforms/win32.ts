import { Win32Backend } from '../../backends/win32.js';
import { win32AdminRule } from '../../backends/win32/admin-rule.js';
import { protectWin32Dirs } from '../../backends/win32/dir-acls.js';
import { Win32SessionCheck } from '../../backends/win32/session-check.js';
import { Win32UserDirectory } from '../../backends/win32/user-directory.js';
import type { AgentConfig } from '../../config.js';
import { readRegistryPolicy } from '../../policy/registry-policy.js';
import type { Platform } from '../platform.js';

export function win32Platform(config: AgentConfig): Platform {
  const backend = new Win32Backend();
  let users: Win32UserDirectory | undefined;
  return {
    guardStateDir: (log) => protectWin32Dirs(config.stateDir, log),
    managedPolicy: { label: (m) => m.registry.label, read: readRegistryPolicy },
    users: (log) => (users = new Win32UserDirectory({ log })),
    backend: () => backend,
    /** SYSTEM and permanent admins, directly or through a group. */
    adminRule: (store, log) =>
      win32AdminRule({
        administratorMembers: () => backend.administratorMembers(),
        memberships: (a) => users?.memberships(a) ?? Promise.resolve([]),
        peek: (u) => store.peek(u),
        computerName: process.env.COMPUTERNAME ?? null,
        log,
      }),
    win32Check: (deps) => new Win32SessionCheck(deps),
  };
}
