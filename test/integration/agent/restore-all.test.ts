/**
 * `elevate-agent restore-all` (what every installer runs before removing Elevate) with the real
 * Linux backend on a root prefix: through the running agent, with no agent running, and when the
 * OS refuses, in which case it says so and exits non-zero.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { readAudit } from '../../helpers/audit.js';
import { makePrivateRoot } from '../../helpers/copy-etc.js';
import {
  AGENT_MAIN,
  programCommand,
  startAgentProcess,
  type AgentHandle,
} from '../../helpers/agent-process.js';
import { createUser, deleteUser, run } from '../../helpers/os-users.js';

describe('elevate-agent restore-all', () => {
  let users: string[];
  let root: string;
  let agent: AgentHandle;
  const dropIn = (u: string): string => join(root, 'etc/sudoers.d', `elevate-${u}`);

  function restoreAll(): ReturnType<typeof run> {
    const [cmd, ...args] = programCommand(AGENT_MAIN);
    return run(cmd!, [
      ...args,
      'restore-all',
      ...['--socket', agent.socket, '--state-dir', agent.stateDir],
      ...['--backend', 'linux', '--root', root],
    ]);
  }
  async function grantAll(): Promise<void> {
    const admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    for (const user of users)
      await admin.call('admin.grant', { user, level: 'admin', durationSec: 3600 });
    admin.close();
  }
  const auditTypes = (): string[] => readAudit(agent.stateDir).map((e) => e.type);

  beforeAll(async () => {
    users = [createUser(), createUser()];
    root = makePrivateRoot('elevate-restore-all-');
    agent = await startAgentProcess({ backend: 'linux', root });
  });
  afterAll(async () => {
    await agent?.stop();
    agent?.cleanup();
    for (const u of users ?? []) deleteUser(u);
  });

  it('ends every grant through the running agent and restores each person exactly', async () => {
    const group = readFileSync(join(root, 'etc/group'));
    await grantAll();
    expect(users.every((u) => existsSync(dropIn(u)))).toBe(true);
    const r = await restoreAll();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 active grant(s) ended');
    expect(users.some((u) => existsSync(dropIn(u)))).toBe(false);
    expect(readFileSync(join(root, 'etc/group'))).toEqual(group);
    const types = auditTypes();
    expect(types.filter((t) => t === 'privilege.revoked')).toHaveLength(2);
    expect(types.filter((t) => t === 'privilege.restored')).toHaveLength(2);
    // Closed until it restarts: nobody is elevated between restore-all and the service stop.
    const admin = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
    await expect(
      admin.call('admin.grant', { user: users[0]!, level: 'admin', durationSec: 3600 }),
    ).rejects.toThrow('Elevate is being removed from this computer, so it gives no new rights');
    admin.close();
    expect(users.some((u) => existsSync(dropIn(u)))).toBe(false);
    await agent.stop();
    agent = await startAgentProcess({ backend: 'linux', root, dir: agent.dir });
  });

  it('does the same with no agent running, recording the events in its audit log', async () => {
    const group = readFileSync(join(root, 'etc/group'));
    await grantAll();
    await agent.stop(); // grants stay recorded, rights stay in place
    expect(users.every((u) => existsSync(dropIn(u)))).toBe(true);
    const r = await restoreAll();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('no agent answers');
    expect(users.some((u) => existsSync(dropIn(u)))).toBe(false);
    expect(readFileSync(join(root, 'etc/group'))).toEqual(group);
    expect(auditTypes().filter((t) => t === 'privilege.restored')).toHaveLength(4);
    agent = await startAgentProcess({ backend: 'linux', root, dir: agent.dir });
  });

  it('exits non-zero with the reason when the OS refuses, and restores once it can', async () => {
    await grantAll();
    const group = join(root, 'etc/group');
    renameSync(group, `${group}.away`);
    try {
      const r = await restoreAll();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^elevate-agent: could not restore 2 people \(.+\); fix the cause/);
    } finally {
      renameSync(`${group}.away`, group);
    }
    const again = await restoreAll();
    expect(again.code, again.stderr).toBe(0);
    expect(users.some((u) => existsSync(dropIn(u)))).toBe(false);
  });
});
