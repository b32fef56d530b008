/**
 * The agent with `--backend darwin` on Linux: the macOS directory tools are the STAND-INS in
 * test/standins/darwin (they replay the recorded behaviour in test/fixtures/darwin and keep a
 * local directory node in a temp dir); visudo is the real one; every path is under a private
 * root. Nothing here touches the host's groups or sudoers.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { makeTempDir, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { readAudit } from '../../helpers/audit.js';
import { waitFor } from '../../helpers/until.js';
import { makeDarwinWorld, type DarwinWorld } from '../../helpers/darwin-standins.js';

/** Each stand-in tool is a Node start; on a loaded 2-core machine an operation can take seconds. */
const TIMEOUT_MS = 60_000;
const connect = (socketPath: string, user: string): Promise<AgentClient> =>
  AgentClient.connect({ socketPath, user, timeoutMs: TIMEOUT_MS });

describe(
  'agent + darwin backend against the stand-in directory tools',
  { timeout: 180_000 },
  () => {
    let world: DarwinWorld;
    let agent: AgentHandle;
    let admin: AgentClient;
    const cleanAdmin = () => ({ ...world.group('admin') });
    let baseline: Record<string, string[]>;

    const dropIn = (user: string) => join(world.root, 'private/etc/sudoers.d', `elevate-${user}`);
    const members = () => world.group('admin').GroupMembership ?? [];

    beforeAll(async () => {
      world = makeDarwinWorld();
      baseline = cleanAdmin();
      agent = await startAgentProcess({ backend: 'darwin', root: world.root, env: world.env });
      admin = await connect(agent.socket, 'root');
    });

    afterAll(async () => {
      admin?.close();
      await agent?.stop();
      agent?.cleanup();
      rmSync(world.root, { recursive: true, force: true });
    });

    afterEach(() => expect(world.group('admin')).toEqual(baseline));

    it('grants admin through dseditgroup, flushes the caches, extends, and revokes exactly', async () => {
      const { guid } = world.addUser('sam');
      const s = await admin.call('admin.grant', { user: 'sam', level: 'admin', durationSec: 600 });
      expect(s).toMatchObject({
        level: 'admin',
        permanentLevel: 'none',
        platform: { os: 'darwin' },
      });
      expect(members()).toContain('sam');
      expect(world.group('admin').GroupMembers).toContain(guid);
      const calls = world.calls();
      const edit = calls.indexOf('dseditgroup -o edit -a sam -t user admin');
      expect(edit).toBeGreaterThan(-1);
      expect(calls.slice(edit)).toEqual(
        expect.arrayContaining(['dsmemberutil flushcache', 'dscacheutil -flushcache']),
      );
      const file = dropIn('sam');
      expect(readFileSync(file, 'utf8')).toMatch(/^sam ALL=\(ALL:ALL\) ALL$/m);
      expect(readFileSync(file, 'utf8')).toMatch(/^Defaults:sam log_allowed$/m);
      expect(statSync(file).mode & 0o777).toBe(0o440);
      expect(statSync(file).uid).toBe(0);

      const longer = await admin.call('admin.grant', {
        user: 'sam',
        level: 'admin',
        durationSec: 1200,
      });
      expect(Date.parse(longer.grant!.expiresAt)).toBeGreaterThan(Date.parse(s.grant!.expiresAt));
      const types = (await admin.call('admin.audit', { user: 'sam', limit: 5 })).events.map(
        (e) => e.type,
      );
      expect(types[0]).toBe('privilege.extended');

      writeFileSync(join(world.root, 'var/db/sudo/ts/sam'), 'cached credentials');
      const after = await admin.call('admin.revoke', { user: 'sam' });
      expect(after).toMatchObject({ level: 'none', grant: null });
      expect(existsSync(file)).toBe(false);
      expect(existsSync(join(world.root, 'var/db/sudo/ts/sam'))).toBe(false);
    });

    it('passwordless writes NOPASSWD and ends by itself at the deadline', async () => {
      world.addUser('pat');
      await admin.call('admin.grant', { user: 'pat', level: 'passwordless', durationSec: 2 });
      expect(readFileSync(dropIn('pat'), 'utf8')).toMatch(/^pat ALL=\(ALL:ALL\) NOPASSWD: ALL$/m);
      expect(members()).toContain('pat');
      await waitFor('the grant to expire', () => !members().includes('pat'), {
        withinMs: 30_000,
        everyMs: 50,
      });
      expect(existsSync(dropIn('pat'))).toBe(false);
      const pats = (): string[] =>
        readAudit(agent.stateDir)
          .filter((e) => e.user === 'pat')
          .map((e) => e.type);
      await waitFor('privilege.restored', () => pats().includes('privilege.restored'), {
        withinMs: 15_000,
        everyMs: 50,
      });
      expect(pats()).toEqual(['privilege.granted', 'privilege.expired', 'privilege.restored']);
    });

    it('lets the person give the rights back early', async () => {
      world.addUser('riley');
      await admin.call('admin.grant', { user: 'riley', level: 'admin', durationSec: 600 });
      const me = await connect(agent.socket, 'riley');
      try {
        expect(await me.call('privilege.release', {})).toMatchObject({
          level: 'none',
          grant: null,
        });
      } finally {
        me.close();
      }
      expect(members()).not.toContain('riley');
      expect(existsSync(dropIn('riley'))).toBe(false);
    });

    it('keeps a permanent admin (direct member) a member after a passwordless grant ends', async () => {
      world.addUser('ada');
      await admin.call('admin.grant', { user: 'ada', level: 'admin', durationSec: 600 }); // makes her a member…
      const g = world.group('admin');
      // …then IT makes that permanent: the agent must keep it once it re-reads (a new grant).
      await admin.call('admin.revoke', { user: 'ada' });
      world.setGroup('admin', { ...g });
      try {
        // The agent caches OS lookups for 2 s (snapshot-builder LOOKUP_TTL_MS): a change made
        // outside Elevate shows once that has passed.
        await expect
          .poll(
            async () =>
              (await admin.call('admin.status', { user: 'ada' })).users[0]?.permanentLevel,
            { timeout: 10_000, interval: 250 },
          )
          .toBe('admin');
        await expect(
          admin.call('admin.grant', { user: 'ada', level: 'admin', durationSec: 60 }),
        ).rejects.toMatchObject({ code: -32004 });
        await admin.call('admin.grant', { user: 'ada', level: 'passwordless', durationSec: 600 });
        await admin.call('admin.revoke', { user: 'ada' });
        expect(members()).toContain('ada');
        expect(existsSync(dropIn('ada'))).toBe(false);
      } finally {
        world.setGroup('admin', baseline);
      }
    });

    it('keeps an admin through a nested group or primary group 80, without adding them directly', async () => {
      const itGuid = world.addGroup('it-admins', 701, { membership: ['nia'] });
      world.addUser('nia');
      world.addUser('pgid', { gid: 80 });
      world.setGroup('admin', { ...baseline, NestedGroups: [itGuid] });
      try {
        for (const user of ['nia', 'pgid']) {
          const s = await admin.call('admin.status', { user });
          expect(s.users[0]).toMatchObject({ permanentLevel: 'admin' });
          await admin.call('admin.grant', { user, level: 'passwordless', durationSec: 600 });
          expect(members()).not.toContain(user);
          await admin.call('admin.revoke', { user });
          expect(world.group('admin')).toEqual({ ...baseline, NestedGroups: [itGuid] });
        }
      } finally {
        world.setGroup('admin', baseline);
      }
    });

    it('refuses an unknown account, changing nothing', async () => {
      await expect(
        admin.call('admin.grant', { user: 'nosuchuser', level: 'admin', durationSec: 60 }),
      ).rejects.toMatchObject({ code: -32003 });
    });
  },
);

describe(
  'darwin backend: kill -9 between the OS change and the agent record, then recovery',
  { timeout: 180_000 },
  () => {
    for (const op of ['grant', 'revoke'] as const) {
      it(`rolls back / completes an interrupted ${op}`, async () => {
        const world = makeDarwinWorld();
        const baseline = world.group('admin');
        world.addUser('kim');
        const dir = makeTempDir();
        let agent = await startAgentProcess({
          dir,
          backend: 'darwin',
          root: world.root,
          env: world.env,
        });
        const pause = join(world.dslocal, 'pause-after-edit');
        const paused = join(world.dslocal, 'paused');
        try {
          const admin = await connect(agent.socket, 'root');
          if (op === 'revoke')
            await admin.call('admin.grant', { user: 'kim', level: 'admin', durationSec: 600 });
          writeFileSync(pause, '');
          const call =
            op === 'grant'
              ? admin.call('admin.grant', { user: 'kim', level: 'admin', durationSec: 600 })
              : admin.call('admin.revoke', { user: 'kim' });
          call.catch(() => undefined);
          await waitFor('dseditgroup to make its change', () => existsSync(paused), {
            withinMs: 15_000,
            everyMs: 50,
          });
          await agent.kill9();
          admin.close();
          // The hung stand-in is this test's own child's child: end it by its pid.
          process.kill(Number(readFileSync(paused, 'utf8')), 'SIGKILL');
          unlinkSync(pause);

          agent = await startAgentProcess({
            dir,
            backend: 'darwin',
            root: world.root,
            env: world.env,
          });
          const again = await connect(agent.socket, 'root');
          try {
            const s = (await again.call('admin.status', { user: 'kim' })).users[0];
            expect(s, agent.output()).toMatchObject({ level: 'none', grant: null });
            expect(world.group('admin')).toEqual(baseline);
            expect(existsSync(join(world.root, 'private/etc/sudoers.d/elevate-kim'))).toBe(false);
            const events = (await again.call('admin.audit', { user: 'kim', limit: 10 })).events;
            expect(events.map((e) => e.type)).toContain('recovery.applied');
          } finally {
            again.close();
          }
        } finally {
          await agent.stop();
          agent.cleanup();
          rmSync(world.root, { recursive: true, force: true });
        }
      });
    }
  },
);
