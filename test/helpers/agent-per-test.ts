/**
 * The usual integration-test shape: a real agent per test with a root client (root is both the
 * person and the admin), all stopped and removed after each test whatever it asserted.
 */
import { afterEach } from 'vitest';
import { AgentClient } from '../../agent/client/agent-client.js';
import { startAgentProcess, type AgentHandle, type AgentOptions } from './agent-process.js';

export function agentPerTest() {
  let agents: AgentHandle[] = [];
  let clients: AgentClient[] = [];
  afterEach(async () => {
    for (const c of clients) c.close();
    for (const a of agents) {
      await a.stop();
      a.cleanup();
    }
    agents = [];
    clients = [];
  });
  const connect = async (agent: AgentHandle, user = 'root'): Promise<AgentClient> => {
    const client = await AgentClient.connect({ socketPath: agent.socket, user });
    clients.push(client);
    return client;
  };
  return {
    connect,
    /** Starts an agent (simulated backend unless `opts` say otherwise) and connects as root. */
    async start(opts: AgentOptions = {}): Promise<{ agent: AgentHandle; client: AgentClient }> {
      const agent = await startAgentProcess(opts);
      agents.push(agent);
      return { agent, client: await connect(agent) };
    },
  };
}
