import { posixAdminRule } from '../../auth/admin-rule.js';
import { LinuxBackend } from '../../backends/linux.js';
import { linuxWatches } from '../../cleanup/linux-watch.js';
import type { AgentConfig } from '../../config.js';
import { sudoLogDir } from '../../usage/sudo-log-path.js';
import { EtcUserDirectory } from '../../users/user-directory.js';
import type { Platform } from '../platform.js';

export function linuxPlatform(config: AgentConfig): Platform {
  return {
    users: new EtcUserDirectory(config.root),
    backend: (policies) => {
      const group = policies.policy.adminGroup;
      return new LinuxBackend({
        root: config.root,
        sudoLogDir: sudoLogDir(config.stateDir),
        ...(group && { adminGroup: group }),
      });
    },
    adminRule: () => posixAdminRule(process.getuid?.() ?? 0),
    sessionWatches: (policies) =>
      linuxWatches(
        config.root,
        () => policies.policy.adminGroup,
        () => (policies.policy.rules ?? []).flatMap((r) => r.groups ?? []),
      ),
  };
}
