/**
 * The stand-in directory tools (test/standins/darwin, never shipped) print exactly what the
 * recorded Apple tools printed for the same state, so the darwin backend's integration tests
 * run against recorded behaviour.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDarwinWorld, type DarwinWorld } from '../../helpers/darwin-standins.js';
import { fixture } from './fixtures.js';

describe('darwin stand-in tools replay the recordings', { timeout: 180_000 }, () => {
  let world: DarwinWorld;

  beforeEach(() => {
    world = makeDarwinWorld();
    world.addUser('yayusernameyay', { uid: 501 });
  });
  afterEach(() => rmSync(world.root, { recursive: true, force: true }));

  const run = (command: string) => {
    const [file, ...args] = command.split(' ');
    const r = spawnSync(file!, args, { env: { ...process.env, ...world.env }, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const same = (name: string) => {
    const f = fixture(name);
    expect(run(f.command)).toEqual({ code: f.code, stdout: f.stdout, stderr: f.stderr });
  };

  it('replays dscl, dsmemberutil and dseditgroup results', () => {
    same('dscl-read-missing-record');
    same('dsmemberutil-no-user');
    world.addUser('sam');
    same('dsmemberutil-not-member');
    same('dseditgroup-record-not-found');
    same('dseditgroup-edit-ok');
    // memberd's cache still says "not a member" until it is flushed, as on a Mac.
    same('dsmemberutil-not-member');
    run('dsmemberutil flushcache');
    expect(run('dsmemberutil checkmembership -U sam -G admin').stdout).toBe(
      fixture('dsmemberutil-member').stdout,
    );
    const g = world.group('admin');
    expect(g.GroupMembership).toEqual(['root', 'sam']);
    expect(g.GroupMembers).toHaveLength(2);
  });

  it('prints a group record in the recorded plist form', () => {
    const f = fixture('dscl-read-admin-group');
    world.setGroup('admin', {
      RecordName: ['admin'],
      GeneratedUID: ['ABCDEFAB-CDEF-ABCD-EFAB-CDEF00000050'],
      GroupMembers: [
        'FFFFEEEE-DDDD-CCCC-BBBB-AAAA00000000',
        '3213A73F-B77D-4C5F-A589-514EB904749C',
      ],
      GroupMembership: ['root', 'yayusernameyay'],
      PrimaryGroupID: ['80'],
    });
    expect(run(f.command)).toEqual({ code: 0, stdout: f.stdout, stderr: '' });
  });
});
