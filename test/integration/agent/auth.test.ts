/**
 * Authentication with real OS users: each user can prove only who they are, cannot read
 * another's cookie, act for them, or see their history.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { createUser, deleteUser, runClientAs } from '../../helpers/os-users.js';

describe('authentication as real OS users', () => {
  let agent: AgentHandle;
  let sam: string;
  let eve: string;

  beforeAll(async () => {
    sam = createUser();
    eve = createUser();
    agent = await startAgentProcess({
      policy: {
        version: 1,
        defaults: { selfServe: true, approvalRequired: false, requireReason: false },
      },
    });
  });

  afterAll(async () => {
    await agent?.stop();
    agent?.cleanup();
    deleteUser(sam);
    deleteUser(eve);
  });

  it('lets a user authenticate as themselves, not as admin', async () => {
    const out = await runClientAs(sam, agent.dir, agent.socket, 'return client.identity;');
    expect(out.result).toMatchObject({ user: sam, admin: false });
    expect((out.result as { uid: number }).uid).toBeGreaterThan(0);
  });

  it("refuses a user who claims another's name: the cookie cannot be read", async () => {
    const out = await runClientAs(eve, agent.dir, agent.socket, 'return client.identity;', {
      authAs: sam,
    });
    expect(out.error?.message).toMatch(
      new RegExp(
        `^Cannot read the authentication cookie for ${sam}: EACCES\\. Elevate acts only for the account you are signed in as\\.$`,
      ),
    );
    // In the language the client named, as the agent's own refusals are.
    const german = await runClientAs(eve, agent.dir, agent.socket, 'return client.identity;', {
      authAs: sam,
      locale: 'de-DE',
    });
    expect(german.error?.message).toBe(
      `Das Anmelde-Cookie für ${sam} lässt sich nicht lesen: EACCES. Elevate handelt nur für das Konto, mit dem Sie angemeldet sind.`,
    );
  });

  it('answers an unknown user exactly like a wrong proof', async () => {
    const c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    c.close();
    const unknown = await AgentClient.connect({
      socketPath: agent.socket,
      user: 'nosuchuser_x',
    }).catch((e: Error) => e);
    const raw = await rawExchange(agent.socket, [
      {
        jsonrpc: '2.0',
        id: 1,
        method: 'auth.hello',
        params: { user: 'root', client: 't', protocol: 1 },
      },
      { jsonrpc: '2.0', id: 2, method: 'auth.prove', params: { proof: '00'.repeat(32) } },
    ]);
    expect(unknown).toMatchObject({ code: -32001 });
    expect(raw[1]).toMatchObject({
      id: 2,
      error: { code: -32001, message: (unknown as Error).message },
    });
  });

  it('lets non-admins use only their own methods', async () => {
    const out = await runClientAs(
      sam,
      agent.dir,
      agent.socket,
      `return await client.call('admin.grant', { user: ${JSON.stringify(sam)}, level: 'admin', durationSec: 60 });`,
    );
    expect(out.error).toMatchObject({ code: -32002 });
  });

  it("does not show one user's history or grant to another", async () => {
    const req = await runClientAs(
      sam,
      agent.dir,
      agent.socket,
      `return await client.call('request.create', { kind: 'elevate', level: 'admin', durationSec: 600 });`,
    );
    expect(req.result).toMatchObject({
      user: sam,
      level: 'admin',
      grant: { source: 'self-serve' },
    });
    const eveView = await runClientAs(
      eve,
      agent.dir,
      agent.socket,
      `const s = await client.call('status.get'); const h = await client.call('history.list', {}); return { s, h };`,
    );
    const { s, h } = eveView.result as {
      s: { user: string; grant: unknown };
      h: { events: { user: string }[] };
    };
    expect(s.user).toBe(eve);
    expect(s.grant).toBeNull();
    expect(h.events.every((e) => e.user === eve)).toBe(true);
    const samHistory = await runClientAs(
      sam,
      agent.dir,
      agent.socket,
      `return await client.call('history.list', { limit: 10 });`,
    );
    const types = (samHistory.result as { events: { type: string; user: string }[] }).events.map(
      (e) => e.type,
    );
    expect(types).toEqual(
      expect.arrayContaining(['privilege.granted', 'request.approved', 'request.created']),
    );
    // There is no parameter to name another user: an extra field is refused, not ignored.
    const sneaky = await runClientAs(
      eve,
      agent.dir,
      agent.socket,
      `return await client.rawCall('history.list', { user: ${JSON.stringify(sam)} });`,
    );
    expect(sneaky.error).toMatchObject({ code: -32602 });
  });
  it('keeps cookie files private to their user and removes them after use', async () => {
    const authDir = join(agent.stateDir, 'auth');
    expect(statSync(agent.stateDir).mode & 0o777).toBe(0o711);
    expect(statSync(authDir).mode & 0o777).toBe(0o711);
    for (const uidDir of readdirSync(authDir)) {
      const st = statSync(join(authDir, uidDir));
      expect(st.mode & 0o777).toBe(0o700);
      expect(String(st.uid)).toBe(uidDir);
      expect(readdirSync(join(authDir, uidDir))).toEqual([]);
    }
    expect(statSync(join(agent.stateDir, 'state.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(agent.stateDir, 'audit.jsonl')).mode & 0o777).toBe(0o600);
  });
});

/** Sends frames on one raw connection and returns the parsed answers in order. */
export async function rawExchange(
  socket: string,
  frames: unknown[],
): Promise<Record<string, unknown>[]> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = connect({ path: socket });
    const answers: Record<string, unknown>[] = [];
    let buf = '';
    s.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        answers.push(JSON.parse(buf.slice(0, i)));
        buf = buf.slice(i + 1);
        if (answers.length === frames.length) {
          s.destroy();
          resolve(answers);
        }
      }
    });
    s.on('close', () => resolve(answers));
    s.on('error', reject);
    for (const f of frames) s.write(JSON.stringify(f) + '\n');
  });
}
