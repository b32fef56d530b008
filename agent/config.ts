/** The agent's command line, validated: a bad flag is one clear sentence and exit code 2. */
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { OsSchema } from './protocol/schemas.js';
import { defaultSocketPath, defaultStateDir } from './shared/default-paths.js';

export const AgentConfigSchema = z.object({
  socket: z.string().min(1),
  stateDir: z.string().min(1),
  backend: z.enum(['simulated', 'linux', 'darwin', 'win32']),
  root: z.string().min(1),
  policy: z.string().min(1).nullable(),
  simulateOs: OsSchema,
});
export type AgentConfig = z.infer<typeof AgentConfigSchema>;

export const USAGE = `Usage: elevate-agent [restore-all] [--socket PATH] [--state-dir DIR] [--backend simulated|linux|darwin|win32]
                     [--root PREFIX] [--policy FILE] [--simulate-os linux|darwin|win32]

  restore-all          end every active grant now, restoring each person exactly (installers
                       run it before removing Elevate); exits non-zero with the reason if anyone
                       could not be restored

  --socket PATH        where to listen (default ${defaultSocketPath()})
  --state-dir DIR      grants, requests, keys and the audit log (default ${defaultStateDir()})
  --backend NAME       linux (the default on Linux) / darwin (the default on macOS): change the
                       real admin group and sudoers (run as root); simulated: change nothing,
                       keep a pretend OS in the state dir (a demo; only when asked for by name,
                       and every status says so)
                       win32 (the default on Windows): change the real Administrators group
                       (run as SYSTEM)
  --root PREFIX        linux/darwin backend: act on PREFIX/etc/... instead of /etc (tests)
  --policy FILE        the admin's policy file (POLICY.md); SIGHUP reloads it
  --simulate-os OS     simulated backend: which OS to play (default: this one)`;

export function parseAgentArgs(argv: string[]): AgentConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      socket: { type: 'string' },
      'state-dir': { type: 'string' },
      backend: { type: 'string' },
      root: { type: 'string' },
      policy: { type: 'string' },
      'simulate-os': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageError(null);
  const hostOs = OsSchema.safeParse(process.platform);
  const parsed = AgentConfigSchema.safeParse({
    socket: values.socket ?? defaultSocketPath(),
    stateDir: values['state-dir'] ?? defaultStateDir(),
    backend: values.backend ?? defaultBackend(),
    root: values.root ?? '/',
    policy: values.policy ?? null,
    simulateOs: values['simulate-os'] ?? (hostOs.success ? hostOs.data : 'linux'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `--${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} is invalid: ${issue?.message}.`,
    );
  }
  return parsed.data;
}

/**
 * The real backend for this OS. There is no silent fallback to the simulated one: an agent
 * installed where no real backend exists would otherwise pretend to grant rights.
 */
function defaultBackend(): string {
  if (process.platform === 'linux') return 'linux';
  if (process.platform === 'darwin') return 'darwin';
  if (process.platform === 'win32') return 'win32';
  throw new UsageError(
    `There is no real backend for ${process.platform} in this build; pass --backend simulated to run a demo that changes nothing.`,
  );
}

export class UsageError extends Error {
  constructor(readonly reason: string | null) {
    super(reason ?? 'usage');
  }
}
