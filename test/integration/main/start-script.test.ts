/**
 * `npm start`'s launcher (scripts/start.js): a real demo agent, then the tray, or, without a
 * display or an Electron binary, the agent alone with instructions. A stand-in `electron`
 * (ELECTRON_OVERRIDE_DIST_PATH, honoured as the electron package does) records how it was run.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, REPO } from '../../helpers/agent-process.js';

let tmp: string;
beforeAll(() => {
  tmp = makeTempDir('elevate-start-');
  // Stands in for Electron: checks the agent is live on the socket it was given, then quits.
  writeFileSync(
    join(tmp, 'electron'),
    `#!/bin/sh\nif [ -S "$ELEVATE_SOCKET" ]; then live=yes; else live=no; fi\necho "$ELEVATE_SOCKET $live $*" > "${join(tmp, 'ran.txt')}"\n`,
  );
  chmodSync(join(tmp, 'electron'), 0o755);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function start(
  env: NodeJS.ProcessEnv,
  untilOutput?: string,
): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve) => {
    const clean: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete clean[k];
    const p = spawn(process.execPath, [join(REPO, 'scripts/start.js')], { cwd: REPO, env: clean });
    let out = '';
    const onData = (d: Buffer): void => {
      out += d;
      if (untilOutput && out.includes(untilOutput)) p.kill('SIGINT');
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('close', (code) => resolve({ out, code }));
  });
}

describe('scripts/start.js', () => {
  it('starts the demo agent, then the tray with ELEVATE_SOCKET, and cleans up when the tray quits', async () => {
    const { out } = await start({ DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: tmp });
    const [socket, live, ...args] = readFileSync(join(tmp, 'ran.txt'), 'utf8').trim().split(' ');
    expect(live).toBe('yes');
    expect(args).toEqual(['.']);
    expect(out).toContain(`elevate-agent listening on ${socket}`);
    expect(existsSync(socket!)).toBe(false);
  });

  it('without a display, keeps the agent running and explains how to drive it', async () => {
    const { out } = await start(
      { DISPLAY: undefined, WAYLAND_DISPLAY: undefined },
      'Ctrl-C stops it',
    );
    expect(out).toContain(
      'start: not starting the tray app: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set).',
    );
    expect(out).toMatch(/ELEVATE_SOCKET=\S+ npm run ctl -- grant \S+ --for 10m/);
    const dir = /state in (\S+)\)/.exec(out)?.[1];
    expect(dir && existsSync(dir)).toBe(false);
  });

  it('without an Electron binary, says how to get it', async () => {
    const missing = join(tmp, 'nowhere');
    const wrongPath = await start(
      { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: missing },
      'Ctrl-C stops it',
    );
    expect(wrongPath.out).toContain(
      `there is no electron executable in ELECTRON_OVERRIDE_DIST_PATH (${missing}); point it at an unpacked Electron`,
    );
    // This checkout's setup skipped the download (github.com is not reachable here).
    const notInstalled = await start(
      { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: undefined },
      'Ctrl-C stops it',
    );
    expect(notInstalled.out).toContain('the Electron binary is not installed');
    expect(notInstalled.out).toContain('node node_modules/electron/install.js');
    expect(notInstalled.out).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it('on Ctrl-C, says the demo state is deleted rather than kept for the next start', async () => {
    const { out } = await start({ DISPLAY: undefined }, 'Ctrl-C stops it');
    expect(out).toContain(
      'start: demo stopped. Its grants were only simulated (nothing on this computer changed) and its state and audit log are deleted, so the next npm start begins with no grants.',
    );
    expect(out).not.toContain('enforced again at the next start');
  });
});
