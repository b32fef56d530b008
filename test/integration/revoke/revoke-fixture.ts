/**
 * What the revokeAt tests share: a person, and an agent revoking at `trigger` inside a mount
 * namespace that the test's `setup` prepares (its own /etc copy and /run), for the whole file;
 * plus reads of what the agent recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AgentClient } from '../../../agent/client/agent-client.js';
import type { AgentHandle } from '../../helpers/agent-process.js';
import { startAgentInNamespace, type AgentInNamespace } from '../../helpers/agent-in-namespace.js';
import { createUser, deleteUser } from '../../helpers/os-users.js';
import { copyEtcToTempDir } from '../usage/namespace-agent.js';

export interface RevokeWorld {
  user: string;
  nsArg: string;
  agent: AgentHandle;
  /** Connected as root (the admin). */
  client: AgentClient;
}

/**
 * Before the file's tests (when `canRun`): creates the person, copies /etc into a temp dir,
 * and starts the agent in the namespace `setup(user, dir)` returns the bash of; hands it all
 * to `use`. After them: stops it all and removes the person.
 */
export function agentRevokingAt(
  trigger: 'lock' | 'logout',
  opts: {
    canRun: boolean;
    userPrefix: string;
    setup: (user: string, dir: string) => string;
    use: (world: RevokeWorld) => void;
  },
): void {
  let env: AgentInNamespace | undefined;
  let user: string | undefined;
  beforeAll(async () => {
    if (!opts.canRun) return;
    user = createUser(opts.userPrefix);
    const dir = copyEtcToTempDir();
    env = await startAgentInNamespace(opts.setup(user, dir), {
      dir,
      policy: { version: 1, defaults: { revokeAt: [trigger] } },
    });
    opts.use({ user, nsArg: env.nsArg, agent: env.agent, client: env.client });
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
    if (user) deleteUser(user);
  });
}

/** The person's current grant as admin.status reports it (null once the rights ended). */
export async function grantOf(client: AgentClient, user: string): Promise<unknown> {
  return (await client.call('admin.status', { user })).users[0]!.grant;
}

/** Whether any grant's revoke-trigger marks (what the agent keeps across restarts) pass `ok`. */
export function anyTriggerMark<M>(agent: AgentHandle, ok: (mark: M) => boolean): boolean {
  try {
    const marks = JSON.parse(readFileSync(join(agent.stateDir, 'revoke-triggers.json'), 'utf8'));
    return Object.values(marks.grants as Record<string, M>).some(ok);
  } catch {
    return false;
  }
}
