import { describe, expect, it } from 'vitest';
import { agentForFile, ELEVATE, ELEVATECTL, run, spawnCli } from './cli-harness.js';

let sam: string; // self-serve
let pat: string; // approval needed, at most 2 requests an hour
let noa: string; // no requests allowed

const agent = agentForFile((newUser) => {
  sam = newUser();
  pat = newUser();
  noa = newUser();
  return {
    version: 1,
    defaults: {
      selfServe: false,
      approvalRequired: true,
      levels: ['admin'],
      maxRequestsPerHour: 2,
    },
    rules: [
      {
        users: [sam],
        selfServe: true,
        approvalRequired: false,
        levels: ['admin', 'passwordless'],
        maxExtensions: 1,
      },
      { users: [noa], selfServe: false, approvalRequired: false },
    ],
  };
});
const { as } = agent;

// A time on another day than now (a run within an hour of midnight) is printed with its date:
// every time pattern below allows that date.
describe('elevate as real users against a real agent', () => {
  it('self-serve: request, extend, history, stop', async () => {
    const req = await as(sam, 'request', '10m', '--reason', 'install the printer driver');
    expect(req.stderr).toBe('');
    expect(req.code).toBe(0);
    expect(req.stdout).toMatch(/^You are Administrator until \d\d:\d\d:\d\d \(10 min left\)\.\n$/);
    // Asking again while the rights last: told which command adds time.
    const twice = await as(sam, 'request', '10', 'min', '--reason', 'install the printer driver');
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(
      /^elevate: .+ You are Administrator until \d\d:\d\d:\d\d; for more time run 'elevate extend DURATION --reason TEXT'\.\n$/,
    );

    const status = await as(sam, 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`User:\\s+${sam}`));
    expect(status.stdout).toMatch(/Temporary grant:\s+Administrator, 10 min left/);
    expect(status.stdout).toMatch(/Extensions left:\s+1/);
    expect(status.stdout).toContain(
      'Requests: Administrator or Passwordless sudo for up to 1 hour, granted at once',
    );

    const ext = await as(sam, 'extend', '15m', '--reason', 'the driver needs a reboot');
    expect(ext.code).toBe(0);
    expect(ext.stdout).toMatch(/^You are Administrator until .* \(25 min left\)\.\n$/);

    const noMore = await as(sam, 'extend', '10m', '--reason', 'one more time please');
    expect(noMore.code).toBe(3);
    expect(noMore.stderr).toMatch(
      /^elevate: .+ Your rights end at \d\d:\d\d:\d\d; after that, ask again with 'elevate request DURATION --reason TEXT', or ask IT\.\n$/,
    );

    const hist = await as(sam, 'history', '--limit', '10');
    expect(hist.code).toBe(0);
    expect(hist.stdout.split('\n').slice(0, 3)).toEqual([
      'Administrator · Active now',
      expect.stringMatching(/^ {2}.+ · by \S+ · extended 1×$/),
      '  Reason: install the printer driver',
    ]);

    const stop = await as(sam, 'stop');
    expect(stop).toMatchObject({
      code: 0,
      stdout: 'Your temporary rights are given back; you are now: Standard user.\n',
    });
    const again = await as(sam, 'stop');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^elevate: .+\.\n$/);
  });

  it('refuses with a clear sentence and the right exit code', async () => {
    const short = await as(sam, 'request', '10m', '--reason', 'fix');
    expect(short.code).toBe(2);
    expect(short.stderr.split('\n')[0]).toBe(
      'elevate: The reason must be at least 10 characters (yours has 3): say what you need the rights for.',
    );
    const bare = await as(sam, 'request', '10', '--reason', 'install the printer driver');
    expect(bare.code).toBe(2);
    expect(bare.stderr.split('\n')[0]).toBe(
      'elevate: "10" has no unit: write 10m for 10 minutes, 10h for hours or 10s for seconds.',
    );
    const none = await as(sam, 'request', '10m');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('A reason is required: add --reason');

    const forbidden = await as(noa, 'request', '10m', '--reason', 'install the printer driver');
    expect(forbidden.code).toBe(3);
    expect(forbidden.stderr).toMatch(/^elevate: .+\.\n$/);

    const noGrant = await as(pat, 'extend', '10m', '--reason', 'need more time now');
    expect(noGrant.code).toBe(1);
    expect(noGrant.stderr).toBe(
      "elevate: You have no temporary rights to extend; ask for them with 'elevate request'.\n",
    );

    const first = await as(pat, 'request', '30m', '--reason', 'install the printer driver');
    expect(first.code).toBe(0);
    const dup = await as(pat, 'request', '30m', '--reason', 'install the printer driver');
    expect(dup.code).toBe(4);
    expect(dup.stderr).toMatch(
      /^elevate: .+ Your request r_\S+ is still waiting: run 'elevate watch' to follow it or 'elevate cancel' to withdraw it\.\n$/,
    );

    const cancelled = await as(pat, 'cancel');
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(/^Your request r_\S+ is cancelled\.\n$/);
    expect((await as(pat, 'request', '30m', '--reason', 'install the printer driver')).code).toBe(
      0,
    );
    expect((await as(pat, 'cancel')).code).toBe(0);
    const limited = await as(pat, 'request', '30m', '--reason', 'install the printer driver');
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(
      /^elevate: Too many requests: .+ Try again at \d\d:\d\d:\d\d\.\n$/,
    );

    const wrongUser = await run(ELEVATE, ['--socket', agent.socket, 'status'], pat);
    expect(JSON.stringify(wrongUser)).not.toContain(sam);
  });

  it('watch counts down and exits 0 when the grant ends', async () => {
    expect(
      (await run(ELEVATECTL, ['--socket', agent.socket, 'grant', sam, '--for', '3s'])).code,
    ).toBe(0);
    const started = Date.now();
    const w = await as(sam, 'watch');
    const took = Date.now() - started;
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    const lines = w.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Administrator until \d\d:\d\d:\d\d$/);
    expect(lines.at(-1)).toBe('Your temporary rights have ended; your level is now Standard user.');
    expect(took).toBeLessThan(6000);
  });

  it('watch says so when the agent goes away', async () => {
    expect(
      (await run(ELEVATECTL, ['--socket', agent.socket, 'grant', sam, '--for', '10m'])).code,
    ).toBe(0);
    const watcher = spawnCli(ELEVATE, ['--socket', agent.socket, 'watch'], sam);
    let stdout = '';
    let stderr = '';
    watcher.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) =>
      watcher.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Administrator until')) resolve();
      }),
    );
    const exited = new Promise<number | null>((r) => watcher.once('close', (c) => r(c)));
    await agent.stop();
    expect(await exited).toBe(1);
    expect(stderr).toMatch(
      /^elevate: The Elevate agent is not running, so your rights cannot be shown or changed right now\. Your rights still end at \d\d:\d\d:\d\d as scheduled\.\n$/,
    );
  });
});
