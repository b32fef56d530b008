/**
 * LinuxBackend against a private copy of /etc under a temp root (prefix mode): real gpasswd
 * (-Q ROOT), real visudo, real files; the host's /etc is never written.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OsCommandError, type PriorState } from '../../../agent/backends/backend.js';
import { LinuxBackend } from '../../../agent/backends/linux.js';
import { dropInFileName } from '../../../agent/backends/linux/account-name.js';

let root: string;
let user: string;
let backend: LinuxBackend;
const NONE: PriorState = { permanentLevel: 'none', adminGroupMember: false, dropIn: null };
/** What inspect reads on this machine: the prior state names the group it refers to. */
const NONE_IN_SUDO: PriorState = { ...NONE, adminGroup: 'sudo' };

const etc = (p: string): string => join(root, 'etc', p);
const groupLine = (name: string): string =>
  readFileSync(etc('group'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`)) ?? '';
const members = (name: string): string[] =>
  groupLine(name).split(':')[3]?.split(',').filter(Boolean) ?? [];
const dropInPath = (u: string): string => join(root, 'etc/sudoers.d', dropInFileName(u));

/** Everything the backend may touch, byte for byte. */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = { group: readFileSync(etc('group'), 'utf8') };
  for (const f of readdirSync(etc('sudoers.d')))
    files[`sudoers.d/${f}`] = readFileSync(etc(`sudoers.d/${f}`), 'utf8');
  return files;
}

function addUser(prefix = 'elv'): string {
  const name = `${prefix}${randomBytes(3).toString('hex')}`;
  execFileSync('useradd', ['--prefix', root, name], { stdio: 'ignore' });
  return name;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'elevate-linux-'));
  mkdirSync(etc('sudoers.d'), { recursive: true });
  for (const f of ['passwd', 'group', 'shadow', 'gshadow', 'sudoers'])
    copyFileSync(join('/etc', f), etc(f));
  backend = new LinuxBackend({ root });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  user = addUser();
});

describe('LinuxBackend in prefix mode', () => {
  it('grants admin with a validated 0440 drop-in and the sudo group, and restores byte for byte', async () => {
    const before = snapshot();
    expect(await backend.inspect(user)).toEqual(NONE_IN_SUDO);

    await backend.apply(user, 'admin', NONE);
    const st = statSync(dropInPath(user));
    expect(st.mode & 0o777).toBe(0o440);
    expect(st.uid).toBe(0);
    expect(readFileSync(dropInPath(user), 'utf8')).toContain(`\n${user} ALL=(ALL:ALL) ALL\n`);
    expect(members('sudo')).toContain(user);
    execFileSync('visudo', ['-c', '-f', dropInPath(user)], { stdio: 'ignore' });
    expect((await backend.inspect(user)).adminGroupMember).toBe(true);

    await backend.apply(user, 'admin', NONE); // idempotent
    expect(members('sudo').filter((m) => m === user)).toHaveLength(1);

    await backend.restore(user, NONE);
    expect(snapshot()).toEqual(before);
    await backend.restore(user, NONE); // restoring twice is fine
    expect(snapshot()).toEqual(before);
    expect(await backend.inspect(user)).toEqual(NONE_IN_SUDO);
  });

  it('grants passwordless with NOPASSWD and can move between levels', async () => {
    const before = snapshot();
    await backend.apply(user, 'passwordless', NONE);
    expect(readFileSync(dropInPath(user), 'utf8')).toContain(`${user} ALL=(ALL:ALL) NOPASSWD: ALL`);
    await backend.apply(user, 'admin', NONE);
    expect(readFileSync(dropInPath(user), 'utf8')).not.toContain('NOPASSWD');
    await backend.restore(user, NONE);
    expect(snapshot()).toEqual(before);
  });

  it('keeps a permanent admin group membership when the grant ends', async () => {
    execFileSync('gpasswd', ['-Q', root, '-a', user, 'sudo'], { stdio: 'ignore' });
    const prior = await backend.inspect(user);
    expect(prior).toEqual({
      permanentLevel: 'admin',
      adminGroupMember: true,
      dropIn: null,
      adminGroup: 'sudo',
    });
    await backend.apply(user, 'passwordless', prior);
    await backend.restore(user, prior);
    expect(members('sudo')).toContain(user);
    expect(readdirSync(etc('sudoers.d'))).not.toContain(dropInFileName(user));
    execFileSync('gpasswd', ['-Q', root, '-d', user, 'sudo'], { stdio: 'ignore' });
  });

  it('puts a pre-existing drop-in back exactly', async () => {
    const handMade = `# written by hand\n${user} ALL=(root) /usr/bin/apt\n`;
    writeFileSync(dropInPath(user), handMade, { mode: 0o440 });
    const prior = await backend.inspect(user);
    expect(prior).toEqual({ ...NONE_IN_SUDO, dropIn: handMade });
    await backend.apply(user, 'admin', prior);
    expect(readFileSync(dropInPath(user), 'utf8')).not.toBe(handMade);
    await backend.restore(user, prior);
    expect(readFileSync(dropInPath(user), 'utf8')).toBe(handMade);
    rmSync(dropInPath(user));
  });

  it('refuses an unknown user with a clear sentence and changes nothing', async () => {
    const before = snapshot();
    const ghost = `elvghost${randomBytes(3).toString('hex')}`;
    expect(await backend.userExists(ghost)).toBe(false);
    const err = await backend.apply(ghost, 'admin', NONE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OsCommandError);
    expect((err as Error).message).toBe(
      `gpasswd could not add ${ghost} to group sudo: user '${ghost}' does not exist.`,
    );
    expect(snapshot()).toEqual(before);
  });

  it('leaves nothing behind when visudo refuses a file', async () => {
    const before = snapshot();
    const broken: PriorState = { ...NONE, dropIn: `${user} ALL=(ALL:ALL ALL\n` };
    const err = await backend.restore(user, broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OsCommandError);
    expect((err as Error).message).toMatch(
      new RegExp(`^visudo refused the sudoers file .*${dropInFileName(user)}: .*syntax error`),
    );
    expect(snapshot()).toEqual(before);
  });

  it('rejects names that would escape sudoers.d or change a rule, and keeps look-alike names apart', async () => {
    for (const bad of ['../../etc/passwd', 'a/b', '-rf', '.hidden', 'ALL', 'sam\nALL', '']) {
      await expect(backend.inspect(bad)).rejects.toBeInstanceOf(OsCommandError);
      await expect(backend.apply(bad, 'admin', NONE)).rejects.toBeInstanceOf(OsCommandError);
      expect(await backend.userExists(bad)).toBe(false);
    }
    expect(dropInFileName('a.b')).toBe('elevate-a_2eb');
    expect(dropInFileName('a_b')).toBe('elevate-a__b');
    expect(dropInFileName('a_2eb')).toBe('elevate-a__2eb');
    expect(readdirSync(etc('sudoers.d'))).toEqual([]);
  });

  it('reads a permanent level from the other sudoers files', async () => {
    const devs = `elvgrp${randomBytes(3).toString('hex')}`;
    execFileSync('groupadd', ['--prefix', root, devs], { stdio: 'ignore' });
    execFileSync('gpasswd', ['-Q', root, '-a', user, devs], { stdio: 'ignore' });
    const site = etc('sudoers.d/site');
    const level = async (text: string): Promise<string> => {
      writeFileSync(site, text, { mode: 0o440 });
      return (await backend.inspect(user)).permanentLevel;
    };
    expect(await level(`%${devs} ALL=(ALL) NOPASSWD: ALL\n`)).toBe('passwordless');
    expect(await level(`other, ${user} ALL = (ALL:ALL) ALL\n`)).toBe('admin');
    expect(await level(`${user} ALL=(ALL) NOPASSWD: /usr/bin/apt, PASSWD: ALL\n`)).toBe('admin');
    expect(await level(`${user} ALL=(nobody) NOPASSWD: ALL\n`)).toBe('none');
    expect(await level(`# ${user} ALL=(ALL) NOPASSWD: ALL\nDefaults:${user} !authenticate\n`)).toBe(
      'none',
    );
    expect(await level(`ALL, !${user} ALL=(ALL) ALL\n`)).toBe('none');
    expect(await level(`${user} ALL=(ALL) \\\n  NOPASSWD: ALL\n`)).toBe('passwordless');
    writeFileSync(site, '');
    writeFileSync(etc('sudoers.d/site.bak'), `${user} ALL=(ALL) NOPASSWD: ALL\n`); // sudo skips it
    expect((await backend.inspect(user)).permanentLevel).toBe('none');
    rmSync(site);
    rmSync(etc('sudoers.d/site.bak'));
  });

  it('knows which accounts exist', async () => {
    expect(await backend.userExists(user)).toBe(true);
    expect(await backend.userExists('root')).toBe(true);
  });

  it('uses wheel when there is no sudo group, and a configured group when given', async () => {
    const wheelRoot = mkdtempSync(join(tmpdir(), 'elevate-linux-wheel-'));
    try {
      mkdirSync(join(wheelRoot, 'etc/sudoers.d'), { recursive: true });
      for (const f of ['passwd', 'shadow', 'sudoers'])
        copyFileSync(etc(f), join(wheelRoot, 'etc', f));
      const rename = (f: string): void =>
        writeFileSync(
          join(wheelRoot, 'etc', f),
          readFileSync(etc(f), 'utf8').replace(/^sudo:/m, 'wheel:'),
        );
      rename('group');
      rename('gshadow');
      const wheel = new LinuxBackend({ root: wheelRoot });
      await wheel.apply(user, 'admin', NONE);
      expect(readFileSync(join(wheelRoot, 'etc/group'), 'utf8')).toMatch(
        new RegExp(`^wheel:.*${user}`, 'm'),
      );
      await wheel.restore(user, NONE);

      const missing = new LinuxBackend({ root: wheelRoot, adminGroup: 'admins' });
      await expect(missing.inspect(user)).rejects.toThrow(
        /The admin group 'admins' set in the policy does not exist/,
      );
    } finally {
      rmSync(wheelRoot, { recursive: true, force: true });
    }
  });
});
