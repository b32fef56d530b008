/**
 * The macOS daemon and installer scripts (packaging/macos), run on Linux against a private
 * root: the LaunchDaemon plist is checked with Debian's plistutil and our plist reader; the
 * pkg payload is laid out by build-pkg.sh's own `stage` step; postinstall, preinstall and
 * uninstall.sh run for real with STAND-IN launchctl/pkgutil and directory tools
 * (test/standins/darwin, never shipped); the agent is the real one with --backend darwin.
 * pkgbuild, signing and launchd itself exist only on a Mac (docs/packaging-macos.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { parsePlistXml } from '../../../agent/shared/plist-xml.js';
import {
  AGENT_MAIN,
  REPO,
  makeTempDir,
  startAgentProcess,
  type AgentHandle,
} from '../../helpers/agent-process.js';
import { readAudit } from '../../helpers/audit.js';
import { makeDarwinWorld, type DarwinWorld } from '../../helpers/darwin-standins.js';

const MAC = join(REPO, 'packaging/macos');
const PLIST = join(MAC, 'com.elevate.agent.plist');

describe('LaunchDaemon plist', () => {
  it('is a valid property list with the keys launchd needs', () => {
    // plistutil refuses malformed XML; a round trip through the binary form proves it parses.
    const bin = execFileSync('plistutil', ['-i', PLIST, '-f', 'bin']);
    expect(bin.subarray(0, 8).toString()).toBe('bplist00');
    expect(parsePlistXml(readFileSync(PLIST, 'utf8'))).toEqual({
      Label: 'com.elevate.agent',
      ProgramArguments: [
        '/usr/local/libexec/elevate/elevate-agent',
        '--backend',
        'darwin',
        '--policy',
        '/Library/Application Support/Elevate/policy.json',
      ],
      RunAtLoad: true,
      KeepAlive: true,
      UserName: 'root',
      StandardOutPath: '/Library/Logs/Elevate/agent.log',
      StandardErrorPath: '/Library/Logs/Elevate/agent.log',
    });
  });
});

describe('LaunchAgent plist (the tray for everyone at login)', () => {
  it('starts the installed app in each GUI session, once, saying it is a login start', () => {
    const tray = join(MAC, 'com.elevate.tray.plist');
    const bin = execFileSync('plistutil', ['-i', tray, '-f', 'bin']);
    expect(bin.subarray(0, 8).toString()).toBe('bplist00');
    expect(parsePlistXml(readFileSync(tray, 'utf8'))).toEqual({
      Label: 'com.elevate.tray',
      // main/login-item/choice.ts AT_LOGIN_ARG: a person who turned it off gets a tray that quits.
      ProgramArguments: ['/Applications/Elevate.app/Contents/MacOS/Elevate', '--at-login'],
      RunAtLoad: true,
      LimitLoadToSessionType: 'Aqua',
      ProcessType: 'Interactive',
      AssociatedBundleIdentifiers: 'com.elevate.tray',
    });
  });
});

describe(
  'pkg scripts: install, upgrade with an active grant, uninstall',
  { timeout: 240_000 },
  () => {
    let world: DarwinWorld;
    let dir: string;
    let launchd: string;
    let agent: AgentHandle | null = null;
    let env: NodeJS.ProcessEnv;

    const calls = (): string[] =>
      existsSync(join(launchd, 'calls.log'))
        ? readFileSync(join(launchd, 'calls.log'), 'utf8').trim().split('\n')
        : [];
    const sh = (script: string, args: string[] = [], extra: NodeJS.ProcessEnv = {}): string =>
      execFileSync('bash', [script, ...args], {
        env: { ...process.env, ...env, ...extra },
        encoding: 'utf8',
      });
    const startDaemon = async (): Promise<AgentClient> => {
      agent = await startAgentProcess({ dir, backend: 'darwin', root: world.root, env: world.env });
      return AgentClient.connect({ socketPath: agent.socket, user: 'root', timeoutMs: 60_000 });
    };
    /** Lays out the payload as the pkg would install it, into the private root. */
    const installPayload = (): void => {
      const bin = join(dir, 'bin');
      mkdirSync(bin, { recursive: true });
      // The "agent executable" for this test: the real agent, told where the private world is.
      writeFileSync(
        join(bin, 'elevate-agent'),
        `#!/bin/bash\nexec "${process.execPath}" "${AGENT_MAIN}" "$@" --backend darwin --root "${world.root}" --socket "${join(dir, 'agent.sock')}" --state-dir "${join(dir, 'state')}"\n`,
        { mode: 0o755 },
      );
      const stage = join(dir, 'stage');
      execFileSync('bash', [join(MAC, 'build-pkg.sh'), 'stage', bin, stage], {
        env: { ...process.env, VERSION: '0.0.0-test' },
      });
      execFileSync('cp', ['-a', `${join(stage, 'root')}/.`, world.root]);
    };

    beforeAll(() => {
      world = makeDarwinWorld();
      dir = makeTempDir('elevate-pkg-');
      launchd = join(dir, 'launchd');
      env = { ...world.env, ELEVATE_STANDIN_LAUNCHD: launchd, ELEVATE_INSTALL_TEST: '1' };
      world.addUser('sam');
    });

    afterAll(async () => {
      await agent?.stop();
      rmSync(dir, { recursive: true, force: true });
      rmSync(world.root, { recursive: true, force: true });
    });

    it('installs root-owned files and bootstraps the daemon after enabling it', () => {
      installPayload();
      sh(join(dir, 'stage/scripts/postinstall'), ['/tmp/Elevate.pkg', world.root, world.root]);
      const plist = join(world.root, 'Library/LaunchDaemons/com.elevate.agent.plist');
      expect(statSync(plist).mode & 0o777).toBe(0o644);
      expect(statSync(plist).uid).toBe(0);
      const trayPlist = join(world.root, 'Library/LaunchAgents/com.elevate.tray.plist');
      expect(statSync(trayPlist).mode & 0o777).toBe(0o644);
      expect(statSync(trayPlist).uid).toBe(0);
      const exe = join(world.root, 'usr/local/libexec/elevate/elevate-agent');
      expect(statSync(exe).mode & 0o022).toBe(0);
      expect(statSync(join(world.root, 'usr/local/libexec/elevate/elevatectl')).ino).toBe(
        statSync(exe).ino,
      );
      expect(existsSync(join(world.root, 'Library/Logs/Elevate'))).toBe(true);
      expect(calls()).toEqual([
        'launchctl enable system/com.elevate.agent',
        `launchctl bootstrap system ${plist}`,
      ]);
    });

    it('keeps an active grant and its deadline across an upgrade (bootout, new files, bootstrap)', async () => {
      let client = await startDaemon();
      const before = await client.call('admin.grant', {
        user: 'sam',
        level: 'admin',
        durationSec: 600,
      });
      client.close();
      sh(join(dir, 'stage/scripts/preinstall'), ['/tmp/Elevate.pkg', world.root, world.root]);
      expect(calls().at(-1)).toBe('launchctl bootout system/com.elevate.agent');
      await agent!.stop(); // what launchd's bootout does: SIGTERM
      installPayload();
      sh(join(dir, 'stage/scripts/postinstall'), ['/tmp/Elevate.pkg', world.root, world.root]);
      client = await startDaemon();
      const after = (await client.call('admin.status', { user: 'sam' })).users[0]!;
      client.close();
      expect(after.grant).toMatchObject({
        id: before.grant!.id,
        expiresAt: before.grant!.expiresAt,
      });
      expect(world.group('admin').GroupMembership).toContain('sam');
    });

    it('uninstall ends every grant first (restore-all), then removes the daemon and files', () => {
      const out = sh(join(world.root, 'usr/local/libexec/elevate/uninstall.sh'), [], {
        ELEVATE_ROOT: world.root,
      });
      expect(out).toMatch(/Elevate is removed/);
      expect(world.group('admin').GroupMembership).not.toContain('sam');
      expect(existsSync(join(world.root, 'private/etc/sudoers.d/elevate-sam'))).toBe(false);
      expect(existsSync(join(world.root, 'Library/LaunchDaemons/com.elevate.agent.plist'))).toBe(
        false,
      );
      expect(existsSync(join(world.root, 'usr/local/libexec/elevate'))).toBe(false);
      expect(existsSync(join(world.root, 'Library/LaunchAgents/com.elevate.tray.plist'))).toBe(
        false,
      );
      expect(calls().slice(-3)).toEqual([
        'launchctl bootout system/com.elevate.agent',
        'pkgutil --forget com.elevate.agent',
        'pkgutil --forget com.elevate.tray',
      ]);
      // The audit trail stays (only --purge removes it) and records the restore.
      const sams = readAudit(join(dir, 'state')).filter((e) => e.user === 'sam');
      expect(sams.find((e) => e.type === 'privilege.revoked')?.reason).toMatch(/^restore-all/);
      expect(sams.at(-1)?.type).toBe('privilege.restored');
    });
  },
);
