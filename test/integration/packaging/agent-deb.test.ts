/**
 * The elevate-agent Debian package, installed for real into a throwaway copy of this machine
 * (overlay-root.ts): install, grant someone, upgrade to a newer package and see the grant go on
 * with its deadline, remove and see the person restored with the audit complete, purge. systemd
 * is not PID 1 here, so the test starts and stops the agent as the unit would, from the
 * installed unit's own ExecStart line, and checks the unit with systemd-analyze verify.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO } from '../../helpers/agent-process.js';
import { parseAudit } from '../../helpers/audit.js';
import { OverlayRoot } from './overlay-root.js';

const UNIT = '/usr/lib/systemd/system/elevate-agent.service';
const POLKIT_ACTION = '/usr/share/polkit-1/actions/com.elevate.request.policy';
const NEWER = '0.1.1~test';

describe('elevate-agent.deb installed, upgraded and removed for real', () => {
  let out: string;
  let root: OverlayRoot;
  let agent: ChildProcess | null = null;
  let sudoGroup = '';
  const user = `elvpkg${process.pid.toString(36)}`;
  const sh = async (command: string): Promise<string> => {
    const r = await root.sh(command);
    if (r.code !== 0) throw new Error(`${command} exited ${r.code}: ${r.stdout}${r.stderr}`);
    return r.stdout + r.stderr;
  };
  const grantOf = async (): Promise<{ id: string; expiresAt: string } | null> =>
    (
      JSON.parse(await sh(`elevatectl status ${user} --json`)) as {
        grant: { id: string; expiresAt: string } | null;
      }
    ).grant;
  const elevated = async (): Promise<boolean> => {
    const groups = (await sh(`id -nG ${user}`)).trim().split(' ');
    const dropIn = (await root.sh(`test -e /etc/sudoers.d/elevate-${user}`)).code === 0;
    return groups.includes('sudo') || dropIn;
  };

  /** What systemd does for the unit: its runtime directory, then ExecStart. */
  async function startService(): Promise<void> {
    const unit = await sh(`cat ${UNIT}`);
    const exec = /^ExecStart=(.+)$/m.exec(unit)![1]!.split(' ');
    await sh('install -d -m 0755 /run/elevate');
    const proc = root.spawn(exec);
    agent = proc;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (d) => {
        log += d;
        if (log.includes('elevate-agent listening on')) resolve();
      });
      proc.stderr!.on('data', (d) => (log += d));
      proc.once('exit', (code) => reject(new Error(`the agent exited ${code}: ${log}`)));
    });
  }
  async function stopService(): Promise<void> {
    const proc = agent;
    agent = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }

  beforeAll(async () => {
    out = makeTempDir('elevate-deb-out-');
    const node = process.execPath;
    execFileSync(node, ['scripts/build-bin.js', '--target', 'linux-x64', '--out', out], {
      cwd: REPO,
      stdio: 'ignore',
    });
    for (const version of ['0.1.0', NEWER])
      execFileSync(
        node,
        [
          'scripts/build-deb.js',
          '--fast',
          '--bin',
          join(out, 'linux-x64'),
          '--out',
          out,
          '--version',
          version,
        ],
        { cwd: REPO, stdio: 'ignore' },
      );
    root = await OverlayRoot.open();
    for (const deb of [`elevate-agent_0.1.0_amd64.deb`, `elevate-agent_${NEWER}_amd64.deb`])
      copyFileSync(join(out, deb), join(root.upper, deb));
  }, 300_000);

  afterAll(async () => {
    await stopService();
    root?.close();
    if (out) execFileSync('rm', ['-rf', out]);
  });

  it('installs: enabled for boot, and says that systemd is not running here', async () => {
    const r = await root.sh('dpkg -i /elevate-agent_0.1.0_amd64.deb');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('systemd is not running here, so the agent was not started');
    expect(
      await sh('readlink -f /etc/systemd/system/multi-user.target.wants/elevate-agent.service'),
    ).toContain(UNIT);
    expect(await sh("dpkg-query -W -f='${Conffiles}' elevate-agent")).toContain(
      '/etc/elevate/policy.json',
    );
  });

  it('installs every file root-owned and writable by root alone', async () => {
    const listing = await sh(
      'dpkg -L elevate-agent | while read -r p; do stat -c \'%U:%G %a %F %n\' "$p"; done',
    );
    const lines = listing.trim().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      const [owner, mode, ...rest] = line.split(' ');
      const kind = rest.slice(0, -1).join(' ');
      expect(owner, line).toBe('root:root');
      if (kind === 'symbolic link') continue;
      expect(Number.parseInt(mode!, 8) & 0o022, line).toBe(0);
    }
    const modeOf = (p: string): string | undefined =>
      lines.find((l) => l.endsWith(` ${p}`))?.split(' ')[1];
    expect(modeOf('/usr/lib/elevate/elevate-agent')).toBe('755');
    expect(modeOf('/etc/elevate/policy.json')).toBe('644');
    expect(modeOf(UNIT)).toBe('644');
    expect(await sh('readlink -f /usr/bin/elevatectl')).toBe('/usr/lib/elevate/elevate-agent\n');
  });

  it('installs the polkit action where polkitd reads it (requireAuthentication)', async () => {
    expect(await sh("dpkg-query -W -f='${Suggests}' elevate-agent")).toBe('polkitd');
    const listing = await sh('dpkg -L elevate-agent');
    expect(listing.split('\n')).toContain(POLKIT_ACTION);
    expect(await sh(`stat -c '%U:%G %a' ${POLKIT_ACTION}`)).toBe('root:root 644\n');
    // polkitd itself, on a bus of this root's own (its /run is private), reads the action.
    const started = await sh(
      [
        'mkdir -p /run/dbus',
        'dbus-daemon --system --fork --print-pid',
        '/usr/lib/polkit-1/polkitd --no-debug >/dev/null 2>&1 &',
        'echo $!',
      ].join('\n'),
    );
    const pids = started.split('\n').filter((l) => /^\d+$/.test(l.trim()));
    try {
      const shown = await sh(
        'for i in $(seq 100); do pkaction --action-id com.elevate.request --verbose 2>/dev/null && exit 0; sleep 0.1; done; exit 1',
      );
      expect(shown).toMatch(/implicit active:\s+auth_self/);
      expect(shown).toContain('Confirm it is you to get temporary administrator rights');
    } finally {
      for (const pid of pids) process.kill(Number(pid), 'SIGKILL');
    }
  });

  it("ignores NODE_OPTIONS: no JavaScript but its own runs under the executable's identity", async () => {
    const r = await root.sh(
      `echo 'console.log("injected")' > /tmp/inject.cjs && NODE_OPTIONS="--require /tmp/inject.cjs" elevatectl --help`,
    );
    expect(r.stdout + r.stderr).toContain('Usage: elevatectl');
    expect(r.stdout + r.stderr).not.toContain('injected');
  });

  it('ships a unit systemd-analyze accepts and a safe default policy', async () => {
    const r = await root.sh(`systemd-analyze verify ${UNIT}`);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(await sh('cat /etc/elevate/policy.json'))).toMatchObject({
      defaults: { selfServe: false, approvalRequired: true },
    });
    expect(await sh('elevatectl policy check /etc/elevate/policy.json')).toMatch(/ok|valid/i);
  });

  it('grants someone, and the grant goes on across an upgrade with its deadline', async () => {
    await sh(`useradd -M ${user}`);
    sudoGroup = await sh('getent group sudo');
    await startService();
    await sh(
      `elevatectl grant ${user} --level admin --for 30m --reason "install the printer driver"`,
    );
    const before = await grantOf();
    expect(before).not.toBeNull();
    expect(await elevated()).toBe(true);

    const r = await root.sh(`dpkg -i /elevate-agent_${NEWER}_amd64.deb`);
    expect(r.code, r.stderr).toBe(0);
    await stopService(); // systemctl restart, as postinst asks for
    await startService();
    expect(await sh("dpkg-query -W -f='${Version}' elevate-agent")).toBe(NEWER);
    expect(await grantOf()).toMatchObject({ id: before!.id, expiresAt: before!.expiresAt });
    expect(await elevated()).toBe(true);
  });

  it('removes: ends the grant first, restores the person, keeps the audit and the policy', async () => {
    // A CLI that outlives the package, to ask the agent between restore-all and the stop.
    await sh('install -D -m 0755 /usr/lib/elevate/elevate-agent /opt/kept/elevatectl');
    const r = await root.sh('dpkg -r elevate-agent');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`restored ${user}`);
    // systemd would stop the agent now; until then it gives nobody rights.
    const late = await root.sh(`/opt/kept/elevatectl grant ${user} --level admin --for 30m`);
    expect(late.code).not.toBe(0);
    expect(late.stderr).toContain('Elevate is being removed from this computer');
    await stopService();
    expect(await elevated()).toBe(false);
    expect(await sh('getent group sudo')).toBe(sudoGroup);
    const audit = parseAudit(await sh('cat /var/lib/elevate/audit.jsonl'));
    const mine = audit.filter((e) => e.user === user).map((e) => e.type);
    expect(mine).toEqual(['privilege.granted', 'privilege.revoked', 'privilege.restored']);
    expect(audit.find((e) => e.type === 'privilege.revoked')?.reason).toMatch(/^restore-all/);
    expect((await root.sh('test -e /usr/lib/elevate')).code).not.toBe(0);
    expect((await root.sh('test -e /etc/elevate/policy.json')).code).toBe(0);
  });

  it('purges the policy and the state, and the host never saw any of it', async () => {
    expect((await root.sh('dpkg -P elevate-agent')).code).toBe(0);
    expect((await root.sh('test -e /etc/elevate || test -e /var/lib/elevate')).code).not.toBe(0);
    expect(() => execFileSync('dpkg', ['-s', 'elevate-agent'], { stdio: 'ignore' })).toThrow();
    expect(readFileSync('/etc/passwd', 'utf8')).not.toContain(`${user}:`);
  });
});
