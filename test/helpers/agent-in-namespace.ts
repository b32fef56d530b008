/**
 * A real agent inside a private mount namespace that `setup` prepared (see namespace-holder.ts:
 * private /etc, /run, daemons such as a system D-Bus), with a root client. One test file holds
 * it from beforeAll to afterAll; `stop` takes it all down, in the order that leaves nothing
 * behind.
 */
import { AgentClient } from '../../agent/client/agent-client.js';
import { startAgentProcess, type AgentHandle, type AgentOptions } from './agent-process.js';
import { holdNamespace } from './namespace-holder.js';

export interface AgentInNamespace {
  /** `--mount=/proc/PID/ns/mnt`, for `nsenter ${nsArg} --` (commands as they see that /etc). */
  nsArg: string;
  agent: AgentHandle;
  /** Connected as root (the admin). */
  client: AgentClient;
  /** Closes the client, stops the agent and its namespace, removes the agent's temp dir. */
  stop(): Promise<void>;
}

export async function startAgentInNamespace(
  setup: string,
  opts: Omit<AgentOptions, 'wrap'>,
): Promise<AgentInNamespace> {
  const ns = await holdNamespace(setup);
  const nsArg = ns.nsArg;
  let agent: AgentHandle | undefined;
  try {
    agent = await startAgentProcess({ ...opts, wrap: (cmd) => ['nsenter', nsArg, '--', ...cmd] });
    const client = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    const started = agent;
    return {
      nsArg,
      agent: started,
      client,
      async stop() {
        client.close();
        await started.stop();
        await ns.stop();
        started.cleanup();
      },
    };
  } catch (e) {
    // A failed start must not leave the namespace's daemons running after the test file.
    await agent?.stop();
    await ns.stop();
    agent?.cleanup();
    throw e;
  }
}
