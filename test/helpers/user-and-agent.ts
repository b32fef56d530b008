/**
 * One real OS user and one real agent (with a root client) for a describe block: made before
 * its tests, stopped and removed after them whatever they asserted.
 */
import { afterAll, beforeAll } from 'vitest';
import { AgentClient } from '../../agent/client/agent-client.js';
import { startAgentProcess, type AgentHandle, type AgentOptions } from './agent-process.js';
import { createUser, deleteUser } from './os-users.js';

export interface UserAndAgent {
  user: string;
  agent: AgentHandle;
  /** Connected as root (the admin). */
  client: AgentClient;
}

/**
 * Creates the user first, so a copy of /etc that `options` makes knows them, then starts the
 * agent with those options and hands all three to `use` (which keeps them for the tests).
 */
export function withUserAndAgent(
  options: () => AgentOptions,
  use: (made: UserAndAgent) => void,
): void {
  let made: Partial<UserAndAgent> = {};
  beforeAll(async () => {
    made.user = createUser();
    made.agent = await startAgentProcess(options());
    made.client = await AgentClient.connect({ socketPath: made.agent.socket, user: 'root' });
    use(made as UserAndAgent);
  });
  afterAll(async () => {
    made.client?.close();
    await made.agent?.stop();
    made.agent?.cleanup();
    if (made.user) deleteUser(made.user);
    made = {};
  });
}
