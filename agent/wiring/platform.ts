/** The agent's OS-specific parts, chosen from its configuration: backend, users, MDM policy. */
import type { Backend } from '../backends/backend.js';
import { DarwinBackend } from '../backends/darwin.js';
import { managedPreferences } from '../backends/darwin/managed-preferences.js';
import { DarwinUserDirectory } from '../backends/darwin/user-directory.js';
import { LinuxBackend } from '../backends/linux.js';
import { SimulatedBackend } from '../backends/simulated.js';
import { Win32Backend } from '../backends/win32.js';
import { win32AdminRule } from '../backends/win32/admin-rule.js';
import { Win32UserDirectory } from '../backends/win32/user-directory.js';
import { posixAdminRule, type AdminRule } from '../auth/admin-rule.js';
import type { StateStore } from '../store/state-store.js';
import type { AgentConfig } from '../config.js';
import type { ManagedPolicySource } from '../policy/managed-policy.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import { readRegistryPolicy } from '../policy/registry-policy.js';
import { sudoLogDir } from '../usage/sudo-log-path.js';
import { EtcUserDirectory, type UserDirectory } from '../users/user-directory.js';

/** Settings an MDM pushed: Group Policy / Intune on Windows, managed preferences on macOS. */
export function managedPolicySource(config: AgentConfig): ManagedPolicySource | undefined {
  if (config.backend === 'win32')
    return { label: (m) => m.registry.label, read: readRegistryPolicy };
  if (config.backend === 'darwin') return managedPreferences(config.root);
  return undefined;
}

export function userDirectory(config: AgentConfig, log: (msg: string) => void): UserDirectory {
  if (config.backend === 'darwin') return new DarwinUserDirectory();
  if (config.backend === 'win32') return new Win32UserDirectory({ log });
  return new EtcUserDirectory(config.backend === 'linux' ? config.root : '/');
}

/**
 * Who gets admin.*: root (or the agent's uid); on Windows SYSTEM and permanent admins, directly
 * or through a group.
 */
export function adminRule(
  backend: Backend,
  store: StateStore,
  users: UserDirectory,
  log: (msg: string) => void,
): AdminRule {
  if (!(backend instanceof Win32Backend)) return posixAdminRule(process.getuid?.() ?? 0);
  return win32AdminRule({
    administratorMembers: () => backend.administratorMembers(),
    memberships: (a) =>
      users instanceof Win32UserDirectory ? users.memberships(a) : Promise.resolve([]),
    peek: (u) => store.peek(u),
    computerName: process.env.COMPUTERNAME ?? null,
    log,
  });
}

export function createBackend(
  config: AgentConfig,
  policies: PolicyHolder,
  users: UserDirectory,
  log: (msg: string) => void,
): Backend {
  switch (config.backend) {
    case 'linux':
      return new LinuxBackend({
        root: config.root,
        sudoLogDir: sudoLogDir(config.stateDir),
        ...adminGroupOption(policies),
      });
    case 'darwin':
      return new DarwinBackend({ root: config.root, sudoLogDir: sudoLogDir(config.stateDir), log });
    case 'win32':
      return new Win32Backend();
    case 'simulated':
      return new SimulatedBackend(config.stateDir, config.simulateOs, users);
  }
}

function adminGroupOption(policies: PolicyHolder): { adminGroup?: string } {
  const group = policies.policy.adminGroup;
  return group ? { adminGroup: group } : {};
}
