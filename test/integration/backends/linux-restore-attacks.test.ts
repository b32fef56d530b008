/**
 * The end of a grant against a group file the elevated person (root until the deadline) has
 * tampered with, in a private root with real gpasswd and visudo: sudo must end on time, every
 * line carrying the admin gid must lose the user, and a step the OS refuses must be reported.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { OsCommandError, type PriorState } from '../../../agent/backends/backend.js';
import { LinuxBackend } from '../../../agent/backends/linux.js';
import { dropInFileName } from '../../../agent/backends/linux/account-name.js';
import { makePrivateRoot } from '../../helpers/copy-etc.js';

let root: string;
let user: string;
let backend: LinuxBackend;
const sleepers: ChildProcess[] = [];

const file = (name: string): string => readFileSync(join(root, 'etc', name), 'utf8');
const lines = (name: string): string[][] =>
  file(name)
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(':'));
const gidOf = (group: string): string => lines('group').find((f) => f[0] === group)![2]!;
/** Names of the group lines with this gid (as written) that list `who`. */
const linesWithMember = (gid: string, who: string): string[] =>
  lines('group')
    .filter((f) => Number(f[2]) === Number(gid) && f[3]!.split(',').includes(who))
    .map((f) => f[0]!);
const dropIn = (): string => join(root, 'etc/sudoers.d', dropInFileName(user));

function addUser(): string {
  const name = `elv${randomBytes(3).toString('hex')}`;
  execFileSync('useradd', ['--prefix', root, name], { stdio: 'ignore' });
  return name;
}

async function grant(b = backend): Promise<PriorState> {
  const prior = await b.inspect(user);
  await b.apply(user, 'passwordless', prior);
  expect(existsSync(dropIn())).toBe(true);
  return prior;
}

const roots: string[] = [];

afterAll(() => {
  for (const s of sleepers) s.kill('SIGKILL');
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

// A fresh root each time: each attack leaves the group file in a state gpasswd refuses.
beforeEach(() => {
  root = makePrivateRoot('elevate-restore-');
  roots.push(root);
  backend = new LinuxBackend({ root });
  user = addUser();
});

describe('the end of a grant when the group file fights back', () => {
  it('a second "sudo" line (one sed) makes gpasswd refuse: sudo still ends, every line loses the user, the refusal is reported', async () => {
    const prior = await grant();
    const gid = gidOf('sudo');
    // What `sudo sed -i 's/^sudo:.*/&\nsudo:x:27:USER/' /etc/group` leaves behind.
    appendFileSync(join(root, 'etc/group'), `sudo:x:${gid}:${user}\n`);
    expect(linesWithMember(gid, user)).toEqual(['sudo', 'sudo']);

    const err = await backend.restore(user, prior).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OsCommandError);
    expect((err as Error).message).toMatch(
      new RegExp(`gpasswd could not remove ${user} from group sudo: Multiple entries named 'sudo'`),
    );
    expect((err as Error).message).toContain(`removed ${user} itself from every line`);
    expect(existsSync(dropIn())).toBe(false);
    expect(linesWithMember(gid, user)).toEqual([]);
    expect(file('gshadow')).not.toMatch(new RegExp(`^sudo:.*\\b${user}\\b`, 'm'));
    expect(existsSync(join(root, 'etc/group.lock'))).toBe(false);
    // The next attempt finds nothing left to remove.
    await backend.restore(user, prior);
  });

  it('a line with the admin gid under another name loses the user too', async () => {
    const prior = await grant();
    const gid = gidOf('sudo');
    const alias = `adm${randomBytes(2).toString('hex')}`;
    appendFileSync(join(root, 'etc/group'), `${alias}:x:0${gid}:${user}\n`);
    await backend.restore(user, prior);
    expect(linesWithMember(gid, user)).toEqual([]);
    expect(lines('group').find((f) => f[0] === alias)?.[3]).toBe('');
  });

  it('a held group lock cannot keep sudo alive and is reported until it is gone', async () => {
    const prior = await grant();
    const gid = gidOf('sudo');
    // A live process "holding" the lock, as shadow-utils' lock file names its holder.
    const holder = spawn('sleep', ['300'], { stdio: 'ignore' });
    sleepers.push(holder);
    writeFileSync(join(root, 'etc/group.lock'), String(holder.pid));

    const err = await backend.restore(user, prior).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OsCommandError);
    expect((err as Error).message).toMatch(/cannot lock/);
    expect((err as Error).message).toContain(`is locked by process ${holder.pid}`);
    expect(existsSync(dropIn())).toBe(false);
    expect(linesWithMember(gid, user)).toEqual(['sudo']);
    expect(readFileSync(join(root, 'etc/group.lock'), 'utf8')).toBe(String(holder.pid));

    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    // A lock whose holder is gone is stale: the retry takes it over and finishes.
    await backend.restore(user, prior);
    expect(linesWithMember(gid, user)).toEqual([]);
  });

  it('restores the group the grant used, even after the policy names another one', async () => {
    const other = `adm${randomBytes(2).toString('hex')}`;
    execFileSync('groupadd', ['--prefix', root, other]);
    execFileSync('gpasswd', ['-Q', root, '-a', user, other], { stdio: 'ignore' });
    const prior = await grant();
    expect(prior.adminGroup).toBe('sudo');

    const afterPolicyChange = new LinuxBackend({ root, adminGroup: other });
    await afterPolicyChange.restore(user, prior);
    expect(linesWithMember(gidOf('sudo'), user)).toEqual([]);
    expect(linesWithMember(gidOf(other), user)).toEqual([other]);
  });
});
