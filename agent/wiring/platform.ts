/**
 * What differs per OS, behind one interface. Each OS's wiring (platforms/<os>.ts) is imported
 * only on that OS, so an agent never initialises another OS's backend, parsers and schemas:
 * memory an idle agent would otherwise hold for good (issue 9).
 */
import type { DirGuard } from '../auth/cookie-challenge.js';
import type { AdminRule } from '../auth/admin-rule.js';
import type { Backend } from '../backends/backend.js';
import type { Win32SessionCheck, Win32SessionCheckDeps } from '../backends/win32/session-check.js';
import type { SessionWatches } from '../cleanup/os-watch.js';
import type { AgentConfig } from '../config.js';
import type { ManagedPolicySource } from '../policy/managed-policy.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import type { StateStore } from '../store/state-store.js';
import type { UserDirectory } from '../users/user-directory.js';

export type Log = (msg: string) => void;

export interface Platform {
  /** Windows: ACLs instead of modes; the agent does not start on a state dir it cannot restrict. */
  guardStateDir?(): Promise<DirGuard>;
  /** Settings an MDM pushed: Group Policy / Intune on Windows, managed preferences on macOS. */
  managedPolicy?: ManagedPolicySource;
  /** macOS: a configuration profile installed or removed takes effect without a restart. */
  watchManagedPolicy?(changed: () => void): { close(): void } | null;
  users: UserDirectory;
  backend(policies: PolicyHolder): Backend;
  /**
   * Who gets admin.*: root (or the agent's uid); on Windows SYSTEM and permanent admins,
   * directly or through a group.
   */
  adminRule(store: StateStore): AdminRule;
  /** Linux, macOS: the backend's side of the end-of-session check. */
  sessionWatches?(policies: PolicyHolder): SessionWatches;
  /** Windows: the Security log's check instead. */
  win32Check?(deps: Win32SessionCheckDeps): Win32SessionCheck;
}

export async function loadPlatform(config: AgentConfig, log: Log): Promise<Platform> {
  switch (config.backend) {
    case 'linux':
      return (await import('./platforms/linux.js')).linuxPlatform(config);
    case 'darwin':
      return (await import('./platforms/darwin.js')).darwinPlatform(config, log);
    case 'win32':
      return (await import('./platforms/win32.js')).win32Platform(config, log);
    case 'simulated':
      return (await import('./platforms/simulated.js')).simulatedPlatform(config);
  }
}
