/**
 * A client that names its language in auth.hello gets the agent's refusals in it; one that
 * names none, or one without a catalogue, gets English. The error codes never change.
 */
import { describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { ErrorCode, RpcError } from '../../../agent/protocol/errors.js';
import { agentPerTest } from '../../helpers/agent-per-test.js';

const agents = agentPerTest();

async function refusal(socketPath: string, locale?: string): Promise<RpcError> {
  const client = await AgentClient.connect({
    socketPath,
    user: 'root',
    ...(locale ? { locale } : {}),
  });
  try {
    await client.call('privilege.release');
    throw new Error('privilege.release with no rights was not refused');
  } catch (err) {
    return err as RpcError;
  } finally {
    client.close();
  }
}

describe('error messages in the client’s language', () => {
  it('answers in German to a client that says de_DE.UTF-8, in English otherwise', async () => {
    const { agent } = await agents.start();
    const de = await refusal(agent.socket, 'de_DE.UTF-8');
    expect(de).toBeInstanceOf(RpcError);
    expect([de.code, de.message]).toEqual([
      ErrorCode.NotFound,
      'Sie haben keine aktiven Administratorrechte, die Sie zurückgeben könnten.',
    ]);
    for (const locale of [undefined, 'fr-FR']) {
      const en = await refusal(agent.socket, locale);
      expect([en.code, en.message]).toEqual([
        ErrorCode.NotFound,
        'You have no active admin rights to give back.',
      ]);
    }
  });
});
