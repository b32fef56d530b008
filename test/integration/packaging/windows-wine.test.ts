/**
 * The Windows build of the agent (`npm run build:bin -- --target win32-x64`) run under Wine:
 * the agent executable starts on the Windows API, listens on a named pipe, keeps its state, and
 * elevatectl.exe authenticates to it over that pipe with the file cookie. With the simulated
 * backend: Wine has no real Administrators group, no `quser` and does not enforce ACLs, so
 * what it proves is the executable, the transport and the state store, not the win32 backend
 * (that runs against stand-ins in test/integration/backends/win32-standin.test.ts).
 * Skipped when Wine is not installed (scripts/setup.sh installs wine64).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO } from '../../helpers/agent-process.js';

const WINE = ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine'].find(
  (p) => spawnSync(p, ['--version']).status === 0,
);
const PIPE = `\\\\.\\pipe\\elevate-wine-${process.pid}`;
const STATE = 'C:\\elevate-state';

let dir = '';
let bin = '';
let agent: ChildProcess | null = null;
let agentLog = '';

function wineEnv(): NodeJS.ProcessEnv {
  return { ...process.env, WINEPREFIX: join(dir, 'prefix'), WINEDEBUG: '-all' };
}

/**
 * Runs a Windows program to the end. Its output goes to files: Node under Wine cannot open a
 * Unix pipe as its stdout/stderr (EBADF), which a real Windows console never hands it.
 */
function wine(exe: string, args: string[]): { code: number | null; out: string; err: string } {
  const out = join(dir, 'out.txt');
  const err = join(dir, 'err.txt');
  const r = spawnSync('sh', ['-c', '"$@" >"$OUT" 2>"$ERR"', 'sh', WINE!, exe, ...args], {
    env: { ...wineEnv(), OUT: out, ERR: err },
    timeout: 180_000,
  });
  return { code: r.status, out: readFileSync(out, 'utf8'), err: readFileSync(err, 'utf8') };
}

const ctl = (...args: string[]) => wine(join(bin, 'elevatectl.exe'), [...args, '--socket', PIPE]);

describe.skipIf(!WINE)(
  WINE
    ? 'the Windows agent executable under Wine'
    : 'the Windows agent executable under Wine (skipped: Wine is not installed; scripts/setup.sh installs wine64)',
  { timeout: 300_000 },
  () => {
    beforeAll(async () => {
      dir = makeTempDir('elevate-wine-');
      execFileSync(
        process.execPath,
        ['scripts/build-bin.js', '--target', 'win32-x64', '--out', join(dir, 'bin')],
        { cwd: REPO, stdio: 'ignore' },
      );
      bin = join(dir, 'bin', 'win32-x64');
      // A fresh prefix says Windows 7, where Node 22 refuses to start: say Windows 10.
      const reg = wine('reg', [
        'add',
        'HKCU\\Software\\Wine',
        '/v',
        'Version',
        '/d',
        'win10',
        '/f',
      ]);
      expect(reg.code, reg.err).toBe(0);
      // The simulated computer knows one domain account.
      const state = join(dir, 'prefix', 'drive_c', 'elevate-state');
      mkdirSync(state, { recursive: true });
      writeFileSync(join(state, 'simulated-os.json'), '{"users":{"CONTOSO\\\\sam":{}}}');

      const log = join(dir, 'agent.log');
      writeFileSync(log, '');
      const args = ['--backend', 'simulated', '--simulate-os', 'win32'];
      agent = spawn(
        'sh',
        [
          '-c',
          'exec "$@" >"$LOG" 2>&1',
          'sh',
          WINE!,
          join(bin, 'elevate-agent.exe'),
          ...args,
          ...['--state-dir', STATE, '--socket', PIPE],
        ],
        { env: { ...wineEnv(), LOG: log }, stdio: 'ignore' },
      );
      const end = Date.now() + 120_000;
      while (!agentLog.includes('elevate-agent listening on') && Date.now() < end) {
        if (agent.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 250));
        agentLog = readFileSync(log, 'utf8');
      }
      expect(agentLog).toContain(`elevate-agent listening on ${PIPE}`);
    }, 300_000);

    afterAll(() => {
      agent?.kill('SIGKILL');
      if (!dir) return;
      // Ends every Windows process of this test's prefix (only ours), then its wineserver.
      spawnSync(join(dirname(WINE!), 'wineserver'), ['-k'], { env: wineEnv() });
      spawnSync(join(dirname(WINE!), 'wineserver'), ['-w'], { env: wineEnv(), timeout: 30_000 });
      rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    });

    it('elevatectl.exe prints its help', () => {
      const r = wine(join(bin, 'elevatectl.exe'), ['--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: elevatectl COMMAND');
    });

    it('grants and reports over the named pipe, and keeps the grant in its state', () => {
      const grant = ctl('grant', 'CONTOSO\\sam', '--level', 'admin', '--for', '10m');
      expect(grant.code, grant.err).toBe(0);
      const status = ctl('status');
      expect(status.code, status.err).toBe(0);
      expect(status.out).toContain('CONTOSO\\sam');
      const state = readFileSync(join(dir, 'prefix', 'drive_c', 'elevate-state', 'state.json'));
      expect(String(state)).toContain('CONTOSO\\\\sam');
    });
  },
);
