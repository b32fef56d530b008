/**
 * Who the client says it is on Windows: its SID from `whoami /user`, asked once, without
 * holding up the process (the tray asks on Electron's main process). `whoami` here is the
 * STAND-IN (test/standins/win32/, never shipped) printing what test/fixtures/win32/
 * whoami-user-csv.json recorded, for the pretend machine's signed-in account.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { osUser } from '../../../../agent/client/os-user.js';
import { makeTempDir } from '../../../helpers/agent-process.js';
import { calls, standinEnv, writeMachine } from '../../../helpers/win32-machine.js';

const BOB = 'S-1-5-21-1180699209-877415012-3182924384-1004';
const savedPath = process.env.PATH;
let dir = '';

beforeEach(() => {
  dir = makeTempDir('elevate-whoami-');
  writeMachine(dir, {
    language: 'en',
    computerName: 'PC01',
    accounts: { 'CONTOSO\\bob': BOB },
    administrators: [],
    sessions: [],
    signedIn: 'CONTOSO\\bob',
  });
  // execFile looks whoami up on this process's PATH; the stand-in reads its machine from env.
  const env = standinEnv(dir, 'PC01');
  process.env.PATH = env.PATH;
  process.env.ELEVATE_WIN32_STANDIN_DIR = env.ELEVATE_WIN32_STANDIN_DIR;
});
afterEach(() => {
  process.env.PATH = savedPath;
  delete process.env.ELEVATE_WIN32_STANDIN_DIR;
});

const whoamiRuns = (): number => calls(dir).filter(([tool]) => tool === 'whoami').length;

describe('the client’s own name on Windows (stand-in whoami)', () => {
  it('is the SID whoami prints, and the process goes on while whoami runs', async () => {
    const me = osUser({ platform: 'win32', env: {} });
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 1);
    const name = await me.userName();
    clearInterval(ticker);
    expect(name).toBe(BOB);
    // A synchronous whoami would hold every timer until it returned.
    expect(turns).toBeGreaterThan(0);
  });

  it('runs whoami once, however many ask and however often', async () => {
    const me = osUser({ platform: 'win32', env: {} });
    expect(await Promise.all([me.userName(), me.userName()])).toEqual([BOB, BOB]);
    expect(await me.userName()).toBe(BOB);
    expect(whoamiRuns()).toBe(1);
  });

  it('is the account name when whoami does not answer in time, and does not ask again', async () => {
    // A whoami that hangs (a domain lookup that never returns): it notes each run, then waits.
    const hung = makeTempDir('elevate-hung-whoami-');
    writeFileSync(join(hung, 'whoami'), `#!/bin/sh\necho run >> ${hung}/runs\nexec sleep 60\n`, {
      mode: 0o755,
    });
    process.env.PATH = `${hung}:${savedPath ?? ''}`;
    const me = osUser({ platform: 'win32', env: {}, timeoutMs: 1_000 });
    expect(await me.userName()).toBe(userInfo().username);
    expect(await me.userName()).toBe(userInfo().username);
    expect(readFileSync(join(hung, 'runs'), 'utf8')).toBe('run\n');
  });

  it('is the account name when there is no whoami at all', async () => {
    process.env.PATH = makeTempDir('elevate-no-whoami-');
    expect(await osUser({ platform: 'win32', env: {} }).userName()).toBe(userInfo().username);
  });

  it('is ELEVATE_USER when set, and never asks whoami elsewhere than Windows', async () => {
    expect(await osUser({ platform: 'win32', env: { ELEVATE_USER: 'sam' } }).userName()).toBe(
      'sam',
    );
    expect(await osUser({ platform: 'linux', env: {} }).userName()).toBe(userInfo().username);
    expect(await osUser({ platform: 'darwin', env: {} }).userName()).toBe(userInfo().username);
    expect(() => calls(dir)).toThrow(/ENOENT/);
  });
});
