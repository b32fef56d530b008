/**
 * LinuxBackend with root "/" for real, inside a private mount namespace whose /etc is a
 * private copy (and /run a private tmpfs, for sudo's timestamps): real sudo must honour the
 * grant and forget it after restore. The host's /etc is never written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../helpers/agent-process.js';
import { copyEtc } from '../../helpers/copy-etc.js';
import { bindEtc, privateMountNs } from '../../helpers/namespace-holder.js';
import { createUser, deleteUser, run } from '../../helpers/os-users.js';

let dir: string;
let user: string;

/** Runs inside the namespace: each step's observation, printed as one JSON line. */
const DRIVER = `
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { LinuxBackend } from ${JSON.stringify(join(REPO, 'agent/backends/linux.ts'))};

const user = process.argv[2];
const backend = new LinuxBackend({ root: '/' });
const sudoN = () => spawnSync('runuser', ['-u', user, '--', 'sudo', '-n', 'true']).status;
const list = () => spawnSync('sudo', ['-l', '-U', user], { encoding: 'utf8' }).stdout;
const inSudo = () => execFileSync('getent', ['group', 'sudo'], { encoding: 'utf8' }).trim().split(':')[3].split(',').includes(user);
const obs = {};

const prior = await backend.inspect(user);
obs.prior = prior;
obs.exists = await backend.userExists(user);

await backend.apply(user, 'passwordless', prior);
obs.passwordless = { sudoN: sudoN(), list: list(), inSudo: inSudo() };
await backend.restore(user, prior);
obs.afterPasswordless = { sudoN: sudoN(), list: list(), inSudo: inSudo() };

await backend.apply(user, 'admin', prior);
execFileSync('chpasswd', { input: user + ':elevate-test-pw\\n' });
const withPw = spawnSync('runuser', ['-u', user, '--', 'sudo', '-S', '-p', '', 'true'], { input: 'elevate-test-pw\\n' }).status;
obs.admin = { sudoN: sudoN(), list: list(), inSudo: inSudo(), withPassword: withPw, timestamp: existsSync('/run/sudo/ts/' + user) };
await backend.restore(user, prior);
obs.afterAdmin = { timestamp: existsSync('/run/sudo/ts/' + user), sudoN: sudoN(), list: list(), inSudo: inSudo(), inspect: await backend.inspect(user) };

// A permanent admin (password) rule, and credentials cached for every terminal: a grant's end
// must clear the cache, or sudo would keep skipping the password after the rights end.
writeFileSync('/etc/sudoers.d/zz-site', 'Defaults timestamp_type=global\\n' + user + ' ALL=(ALL:ALL) ALL\\n', { mode: 0o440 });
const permanent = await backend.inspect(user);
const validate = () => spawnSync('runuser', ['-u', user, '--', 'sudo', '-S', '-p', '', '-v'], { input: 'elevate-test-pw\\n' }).status;
obs.permanent = { prior: permanent, validate: validate(), cachedSudoN: sudoN() };
await backend.apply(user, 'passwordless', permanent);
obs.permanent.grantedSudoN = sudoN();
await backend.restore(user, permanent);
obs.permanent.afterSudoN = sudoN();
obs.permanent.list = list();
console.log(JSON.stringify(obs));
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'elevate-linux-ns-'));
  // The user must exist before /etc is copied, so the copy knows them.
  user = createUser();
  copyEtc(join(dir, 'etc'));
  writeFileSync(join(dir, 'driver.mts'), DRIVER);
});

afterAll(() => {
  deleteUser(user);
  rmSync(dir, { recursive: true, force: true });
});

describe('LinuxBackend on a whole (private) system', () => {
  it('makes real sudo honour passwordless and admin grants and forget them on restore', async () => {
    const script = [
      bindEtc(`${dir}/etc`),
      'mount -t tmpfs tmpfs /run',
      `exec ${join(REPO, 'node_modules/.bin/tsx')} ${dir}/driver.mts ${user}`,
    ].join(' && ');
    const [unshare, ...args] = privateMountNs(script);
    const r = await run(unshare, args);
    expect(r.code, r.stderr).toBe(0);
    const obs = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    const ruleLine = /\(ALL : ALL\) ALL/;

    expect(obs.prior).toEqual({
      permanentLevel: 'none',
      adminGroupMember: false,
      dropIn: null,
      adminGroup: 'sudo',
    });
    expect(obs.exists).toBe(true);

    expect(obs.passwordless.sudoN).toBe(0);
    expect(obs.passwordless.list).toContain('(ALL : ALL) NOPASSWD: ALL');
    expect(obs.passwordless.inSudo).toBe(true);
    expect(obs.afterPasswordless.sudoN).not.toBe(0);
    expect(obs.afterPasswordless.list).not.toContain('ALL');
    expect(obs.afterPasswordless.inSudo).toBe(false);

    expect(obs.admin.sudoN).not.toBe(0); // a password is required
    expect(obs.admin.list).toMatch(ruleLine);
    expect(obs.admin.withPassword).toBe(0);
    expect(obs.admin.timestamp).toBe(true);
    expect(obs.afterAdmin.sudoN).not.toBe(0);
    expect(obs.afterAdmin.list).not.toMatch(ruleLine);
    expect(obs.afterAdmin.inSudo).toBe(false);
    expect(obs.afterAdmin.timestamp).toBe(false);
    expect(obs.afterAdmin.inspect).toEqual(obs.prior);

    expect(obs.permanent.prior).toEqual({
      permanentLevel: 'admin',
      adminGroupMember: false,
      dropIn: null,
      adminGroup: 'sudo',
    });
    expect(obs.permanent.validate).toBe(0);
    expect(obs.permanent.cachedSudoN).toBe(0); // the cache works: no password asked
    expect(obs.permanent.grantedSudoN).toBe(0);
    expect(obs.permanent.afterSudoN).not.toBe(0); // cache cleared: the password is asked again
    expect(obs.permanent.list).toMatch(ruleLine); // the permanent rule is untouched

    // The host never saw any of it.
    expect(execFileSync('getent', ['group', 'sudo'], { encoding: 'utf8' })).not.toContain(user);
    expect((await run('sudo', ['-l', '-U', user])).stdout).not.toMatch(ruleLine);
  });
});
