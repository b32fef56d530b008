import { posixAdminRule } from '../../auth/admin-rule.js';
import { SimulatedBackend } from '../../backends/simulated.js';
import type { AgentConfig } from '../../config.js';
import { EtcUserDirectory } from '../../users/user-directory.js';
import type { Platform } from '../platform.js';

/** The demo: named on the command line, never chosen by default; it changes nothing. */
export function simulatedPlatform(config: AgentConfig): Platform {
  const users = new EtcUserDirectory('/');
  return {
    users,
    backend: () => new SimulatedBackend(config.stateDir, config.simulateOs, users),
    adminRule: () => posixAdminRule(process.getuid?.() ?? 0),
  };
}
