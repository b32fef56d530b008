/**
 * The agent with the real Linux backend: real gpasswd, visudo and sudo, on private copies of
 * /etc (a root prefix, or a private mount namespace with a copy bind-mounted over /etc). The
 * host's own /etc is never touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { createUser, deleteUser, run } from '../../helpers/os-users.js';
import { copyEtc, makePrivateRoot } from '../../helpers/copy-etc.js';
import { bindEtc, privateMountNs } from '../../helpers/namespace-holder.js';
import { withUserAndAgent } from '../../helpers/user-and-agent.js';

function adminGroupLine(etc: string): string {
  const group = existsSync(join(etc, 'group')) ? readFileSync(join(etc, 'group'), 'utf8') : '';
  return group.split('\n').find((l) => l.startsWith('sudo:')) ?? '';
}

describe('agent + Linux backend on a root prefix', () => {
  let user: string;
  let root: string;
  let client: AgentClient;

  withUserAndAgent(
    () => {
      root = makePrivateRoot('elevate-root-');
      return { backend: 'linux', root };
    },
    (made) => ({ user, client } = made),
  );

  it('adds exactly the group membership and drop-in, and takes them away exactly', async () => {
    const groupBefore = readFileSync(join(root, 'etc/group'));
    const gshadowBefore = readFileSync(join(root, 'etc/gshadow'));
    const s = await client.call('admin.grant', { user, level: 'admin', durationSec: 600 });
    expect(s).toMatchObject({ level: 'admin', permanentLevel: 'none' });
    expect(adminGroupLine(join(root, 'etc'))).toMatch(new RegExp(`[:,]${user}(,|$)`));
    const dropIn = join(root, 'etc/sudoers.d', `elevate-${user}`);
    expect(readFileSync(dropIn, 'utf8')).toContain(`${user} ALL=(ALL:ALL) ALL`);
    expect(execFileSync('stat', ['-c', '%a %U', dropIn]).toString().trim()).toBe('440 root');
    expect(execFileSync('visudo', ['-c', '-f', dropIn]).toString()).toMatch(/parsed OK/);

    await client.call('admin.revoke', { user });
    expect(existsSync(dropIn)).toBe(false);
    expect(readFileSync(join(root, 'etc/group'))).toEqual(groupBefore);
    expect(readFileSync(join(root, 'etc/gshadow'))).toEqual(gshadowBefore);
  });

  it('refuses an unknown user and a missing admin group, changing nothing', async () => {
    await expect(
      client.call('admin.grant', { user: 'nosuchuser', level: 'admin', durationSec: 60 }),
    ).rejects.toMatchObject({ code: -32003 });
    const dir = makeTempDir();
    const bad = await startAgentProcess({
      dir,
      backend: 'linux',
      root,
      policy: { version: 1, adminGroup: 'nosuchgroup' },
    });
    const c = await AgentClient.connect({ socketPath: bad.socket, user: 'root' });
    try {
      const groupBefore = readFileSync(join(root, 'etc/group'));
      const err = await c
        .call('admin.grant', { user, level: 'admin', durationSec: 60 })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: -32010, message: expect.stringMatching(/nosuchgroup/) });
      // A German client reads the whole refusal in German, the backend's own part too.
      const de = await AgentClient.connect({
        socketPath: bad.socket,
        user: 'root',
        locale: 'de_DE.UTF-8',
      });
      const german = await de
        .call('admin.grant', { user, level: 'admin', durationSec: 60 })
        .catch((e: unknown) => e)
        .finally(() => de.close());
      expect(german).toMatchObject({
        code: -32010,
        message: `Die aktuellen Rechte von ${user} konnten nicht gelesen werden: Die in der Richtlinie festgelegte Administratorgruppe 'nosuchgroup' gibt es in ${join(root, 'etc/group')} nicht.`,
      });
      expect(existsSync(join(root, 'etc/sudoers.d', `elevate-${user}`))).toBe(false);
      expect(readFileSync(join(root, 'etc/group'))).toEqual(groupBefore);
      expect((await c.call('admin.status', { user })).users[0]).toMatchObject({
        level: 'none',
        grant: null,
      });
    } finally {
      c.close();
      await bad.stop();
      bad.cleanup();
    }
  });
});

describe('agent + Linux backend: recovery the OS refuses at start-up', () => {
  it('still starts, then keeps trying until the rights are gone', async () => {
    const user = createUser();
    const root = makePrivateRoot('elevate-root-');
    const dir = makeTempDir();
    let agent = await startAgentProcess({ dir, backend: 'linux', root });
    try {
      const c = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
      await c.call('admin.grant', { user, level: 'admin', durationSec: 1 });
      c.close();
      await agent.kill9();
      await new Promise((r) => setTimeout(r, 1200)); // the deadline passes while it is down
      // While the agent is down, /etc/group becomes unreadable: the restore at start-up fails.
      renameSync(join(root, 'etc/group'), join(root, 'etc/group.moved'));
      mkdirSync(join(root, 'etc/group'));
      agent = await startAgentProcess({ dir, backend: 'linux', root });
      expect(agent.output()).toMatch(new RegExp(`recovery of ${user} failed, retrying`));
      // What could be removed is gone (the drop-in); the group membership waits for the retry.
      expect(existsSync(join(root, 'etc/sudoers.d', `elevate-${user}`))).toBe(false);
      const member = new RegExp(`[:,]${user}(,|$)`, 'm');
      expect(readFileSync(join(root, 'etc/group.moved'), 'utf8')).toMatch(member);

      rmdirSync(join(root, 'etc/group'));
      renameSync(join(root, 'etc/group.moved'), join(root, 'etc/group'));
      await expect
        .poll(() => adminGroupLine(join(root, 'etc')), { timeout: 12_000, interval: 200 })
        .not.toMatch(member);
      const c2 = await AgentClient.connect({ socketPath: agent.socket, user: 'root' });
      await expect
        .poll(async () => (await c2.call('admin.status', { user })).users[0]!.grant)
        .toBeNull();
      c2.close();
    } finally {
      await agent.stop();
      agent.cleanup();
      deleteUser(user);
    }
  }, 30_000);
});

describe('agent + Linux backend with real sudo, in a private mount namespace', () => {
  let user: string;
  let dir: string;
  let agent: AgentHandle;
  let client: AgentClient;
  const hostSudoersD = readdirNames('/etc/sudoers.d');
  const hostSudoLine = adminGroupLine('/etc');

  /** Runs a command as root inside the agent's mount namespace (where /etc is the copy). */
  const inNs = (...cmd: string[]) =>
    run('nsenter', [`--mount=/proc/${agent.proc.pid}/ns/mnt`, '--', ...cmd]);
  /** The same, as `user`. */
  const asUserInNs = (...cmd: string[]) => inNs('runuser', '-u', user, '--', ...cmd);

  withUserAndAgent(
    () => {
      dir = makeTempDir();
      copyEtc(join(dir, 'etc'));
      return {
        dir,
        backend: 'linux',
        wrap: (cmd) => privateMountNs(`${bindEtc(join(dir, 'etc'))} && exec "$@"`, 'bash', ...cmd),
      };
    },
    (made) => ({ user, agent, client } = made),
  );

  it('sudo -n works during a passwordless grant and is refused after the deadline', async () => {
    expect((await asUserInNs('sudo', '-n', 'true')).code).not.toBe(0);
    const s = await client.call('admin.grant', { user, level: 'passwordless', durationSec: 3 });
    const deadline = Date.parse(s.grant!.expiresAt);
    const during = await asUserInNs('sudo', '-n', 'id', '-u');
    expect(during).toMatchObject({ code: 0, stdout: '0\n' });
    // The host's own /etc is untouched (other tests may add users there, so look at ours only).
    expect(readdirNames('/etc/sudoers.d')).toEqual(hostSudoersD);
    expect(adminGroupLine('/etc')).toBe(hostSudoLine);
    expect(adminGroupLine(join(dir, 'etc'))).toMatch(new RegExp(`[:,]${user}(,|$)`));

    await expect
      .poll(async () => (await client.call('admin.status', { user })).users[0]!.grant, {
        timeout: 6000,
        interval: 100,
      })
      .toBeNull();
    expect(Date.now() - deadline).toBeLessThan(1500);
    const after = await asUserInNs('sudo', '-n', 'true');
    expect(after.code).not.toBe(0);
    expect(after.stderr).toMatch(/password is required|not allowed|may not run/);
    const list = await inNs('sudo', '-l', '-U', user);
    expect(list.stdout).not.toMatch(/NOPASSWD/);
  });

  it('admin level: sudo asks for a password, and sudo -l lists the rule', async () => {
    await client.call('admin.grant', { user, level: 'admin', durationSec: 60 });
    const list = await inNs('sudo', '-l', '-U', user);
    expect(list.stdout).toMatch(/\(ALL : ALL\) ALL/);
    const noPassword = await asUserInNs('sudo', '-n', 'true');
    expect(noPassword.code).not.toBe(0);
    expect(noPassword.stderr).toMatch(/password is required/);
    await client.call('admin.revoke', { user });
    const listAfter = await inNs('sudo', '-l', '-U', user);
    expect(listAfter.stdout).toMatch(/not allowed to run sudo/);
  });
});

function readdirNames(path: string): string[] {
  return execFileSync('ls', ['-A', path]).toString().split('\n').filter(Boolean).sort();
}
