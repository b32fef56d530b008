/**
 * A full disk under the state dir (a small tmpfs mounted for the test): a new grant is
 * refused with one sentence and changes nothing; rights already given still end on time; the
 * audit events that could not be written then are written once there is room again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePrivateRoot } from '../../helpers/copy-etc.js';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { readAudit } from '../../helpers/audit.js';
import { createUser, deleteUser, run } from '../../helpers/os-users.js';

describe('agent on a full disk', () => {
  let users: string[] = [];
  let root: string;
  let agent: AgentHandle;
  let client: AgentClient;
  let stateDir = '';

  beforeAll(async () => {
    users = [createUser(), createUser(), createUser()];
    root = makePrivateRoot('elevate-root-');
    const dir = makeTempDir();
    stateDir = join(dir, 'state');
    mkdirSync(stateDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0711', 'tmpfs', stateDir]);
    agent = await startAgentProcess({ dir, backend: 'linux', root });
    client = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
  });

  afterAll(async () => {
    client?.close();
    await agent?.stop();
    if (stateDir) execFileSync('umount', [stateDir]);
    agent?.cleanup();
    for (const u of users) deleteUser(u);
    execFileSync('rm', ['-rf', root]);
  });

  it('refuses new grants with one sentence, still ends rights on time, and catches up on the audit', async () => {
    const [early, refused, later] = users as [string, string, string];
    const g = await client.call('admin.grant', {
      user: early,
      level: 'passwordless',
      durationSec: 2,
    });
    expect(existsSync(join(root, 'etc/sudoers.d', `elevate-${early}`))).toBe(true);

    await run('dd', ['if=/dev/zero', `of=${join(stateDir, 'fill')}`, 'bs=4k']);
    const err = await client
      .call('admin.grant', { user: refused, level: 'admin', durationSec: 60 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: -32603,
      message: expect.stringMatching(/disk is full.*nothing was changed/),
    });
    expect(existsSync(join(root, 'etc/sudoers.d', `elevate-${refused}`))).toBe(false);

    // The earlier grant ends on time even though nothing can be written.
    await expect
      .poll(() => existsSync(join(root, 'etc/sudoers.d', `elevate-${early}`)), {
        timeout: 4000,
        interval: 50,
      })
      .toBe(false);
    expect(Date.now() - Date.parse(g.grant!.expiresAt)).toBeLessThan(1500);
    await expect
      .poll(async () => (await client.call('admin.status', { user: early })).users[0]!.grant)
      .toBeNull();

    rmSync(join(stateDir, 'fill'));
    await client.call('admin.grant', { user: later, level: 'admin', durationSec: 60 });
    const { events } = await client.call('admin.audit', { user: early, limit: 10 });
    expect(events.map((e) => e.type)).toEqual([
      'privilege.restored',
      'privilege.expired',
      'privilege.granted',
    ]);
    // Every line in the file is a whole event, with the late ones written in order.
    expect(
      readAudit(stateDir)
        .filter((e) => e.user === early)
        .map((e) => e.type),
    ).toEqual(['privilege.granted', 'privilege.expired', 'privilege.restored']);
  });
});
