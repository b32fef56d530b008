/**
 * `elevate-agent restore-all`: ends every active grant now, for installers (remove, purge,
 * uninstall on every OS). The running agent does it when one answers on the socket, so its
 * state, audit log and pushes stay its own; otherwise this process runs the agent itself on a
 * private socket for the duration (recovery, then the same revoke path). Either way each person
 * is restored exactly by the backend and the audit log gets the events.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, type RunningAgent } from '../agent.js';
import { AgentClient, AgentUnavailableError } from '../client/agent-client.js';
import type { AgentConfig } from '../config.js';

export interface RestoreAllResult {
  restored: string[];
  /** One line per person who could not be restored. */
  failures: string[];
}

const REASON = 'restore-all: Elevate is being removed or reinstalled';

async function connectAsRoot(socketPath: string): Promise<AgentClient | null> {
  try {
    // An uninstall must wait for a slow OS (directory tools under load) rather than give up.
    return await AgentClient.connect({
      socketPath,
      user: 'root',
      client: 'restore-all',
      timeoutMs: 60_000,
    });
  } catch (err) {
    if (err instanceof AgentUnavailableError) return null;
    throw err;
  }
}

export async function restoreAll(
  config: AgentConfig,
  log: (msg: string) => void,
): Promise<RestoreAllResult> {
  let client = await connectAsRoot(config.socket);
  let ownAgent: RunningAgent | null = null;
  let privateDir: string | null = null;
  if (!client) {
    log(`no agent answers at ${config.socket}; ending the grants with an agent of its own`);
    privateDir = await mkdtemp(join(tmpdir(), 'elevate-restore-'));
    const socket = join(privateDir, 'agent.sock');
    ownAgent = await startAgent({ ...config, socket }, log);
    client = await connectAsRoot(socket);
    if (!client) throw new Error(`the agent started for restore-all did not answer at ${socket}`);
  }
  try {
    // First, so that nobody can be given rights between this and the service stop.
    await client.call('admin.close', {});
    const { users } = await client.call('admin.status', {});
    const result: RestoreAllResult = { restored: [], failures: [] };
    for (const s of users) {
      if (!s.grant) continue;
      try {
        const after = await client.call('admin.revoke', { user: s.user, reason: REASON });
        if (after.grant) result.failures.push(`${s.user}: the grant is still active`);
        else result.restored.push(s.user);
      } catch (err) {
        // The agent's own retry (or the deadline) may have ended it since admin.status.
        const now = await client.call('admin.status', { user: s.user }).catch(() => null);
        if (now && !now.users[0]?.grant) result.restored.push(s.user);
        else result.failures.push(`${s.user}: ${(err as Error).message}`);
      }
    }
    return result;
  } finally {
    client.close();
    await ownAgent?.stop();
    if (privateDir) await rm(privateDir, { recursive: true, force: true });
  }
}
