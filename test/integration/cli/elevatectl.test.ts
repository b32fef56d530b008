import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/until.js';
import { agentForFile, ELEVATE, ELEVATECTL, run, spawnCli } from './cli-harness.js';

let alice: string; // needs approval
let bob: string; // a plain user trying admin commands

const agent = agentForFile((newUser) => {
  alice = newUser();
  bob = newUser();
  return {
    version: 1,
    defaults: { selfServe: false, approvalRequired: true, levels: ['admin', 'passwordless'] },
  };
});

const { ctl } = agent;

describe('elevatectl against a real agent', () => {
  it('grants, shows and revokes', async () => {
    const granted = await ctl(
      'grant',
      alice,
      '--level',
      'admin',
      '--for',
      '10m',
      '--reason',
      'install BBEdit',
    );
    expect(granted.stderr).toBe('');
    expect(granted.code).toBe(0);
    expect(granted.stdout).toMatch(
      new RegExp(`^${alice}: Administrator until \\d\\d:\\d\\d:\\d\\d \\(10 min left\\)\\.\\n$`),
    );

    const table = await ctl('status');
    expect(table.code).toBe(0);
    const header = table.stdout.split('\n')[0];
    expect(header).toMatch(
      /^USER\s+LEVEL\s+PERMANENT\s+TIME LEFT\s+EXPIRES\s+SOURCE\s+REASON\s+LATEST REQUEST$/,
    );
    const row = table.stdout.split('\n').find((l) => l.startsWith(alice + ' '));
    expect(row).toMatch(
      /Administrator\s+Standard user\s+10 min left\s+\d\d:\d\d:\d\d\s+admin\s+install BBEdit/,
    );

    const one = await ctl('status', alice, '--json');
    expect(one.code).toBe(0);
    const snap = JSON.parse(one.stdout);
    expect(snap.grant).toMatchObject({ level: 'admin', source: 'admin', reason: 'install BBEdit' });

    const revoked = await ctl('revoke', alice, '--reason', 'done early');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toBe(`Revoked: ${alice}: no temporary rights (Standard user).\n`);

    // A typo in the user name reads the same from grant and revoke.
    const ghost = 'nosuchuser9';
    const grantGhost = await ctl('grant', ghost, '--for', '10 min');
    const revokeGhost = await ctl('revoke', ghost);
    expect(grantGhost.stderr).toBe(
      `elevatectl: There is no user named ${ghost} on this computer.\n`,
    );
    expect(revokeGhost.stderr).toBe(grantGhost.stderr);
    expect(revokeGhost.code).toBe(grantGhost.code);

    const after = await ctl('status', alice);
    expect(after.stdout).toMatch(/Temporary grant:\s+none/);
  });

  it('approves a pending request and denies another with a note', async () => {
    const asked = await run(
      ELEVATE,
      ['--socket', agent.socket, 'request', '30m', '--reason', 'install the printer driver'],
      alice,
    );
    expect(asked.stderr).toBe('');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(
      /^Your request r_\S+ is waiting for an admin's approval; run 'elevate watch' to follow it\.\n$/,
    );

    const listed = await ctl('requests', '--state', 'pending', '--json');
    const pending = JSON.parse(listed.stdout).requests.filter(
      (r: { user?: string }) => r.user === alice,
    );
    expect(pending).toHaveLength(1);
    const table = await ctl('requests');
    expect(table.stdout).toMatch(
      /^ID\s+USER\s+KIND\s+LEVEL\s+DURATION\s+STATE\s+CREATED\s+REASON\s+ADMIN NOTE/,
    );
    expect(table.stdout).toContain('30 min');

    // A user name where the ID goes: told how to list the IDs.
    const byName = await ctl('approve', alice);
    expect(byName.stderr).toBe(
      `elevatectl: "${alice}" is not a request ID (approve and deny take the ID, not a user name). List the waiting requests and their IDs with 'elevatectl requests'.\n`,
    );
    const approved = await ctl('approve', pending[0].id, '--for', '10m', '--note', 'ok for today');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(
      new RegExp(
        `^Approved ${pending[0].id}: ${alice}: Administrator until .* \\(10 min left\\)\\.\\n$`,
      ),
    );

    const theirs = JSON.parse(
      (await run(ELEVATE, ['--socket', agent.socket, 'status', '--json'], alice)).stdout,
    );
    expect(theirs.grant).toMatchObject({ level: 'admin', source: 'approval' });

    expect((await ctl('revoke', alice)).code).toBe(0);
    const again = await run(
      ELEVATE,
      ['--socket', agent.socket, 'request', '1h', '--reason', 'update the firmware'],
      alice,
    );
    expect(again.code).toBe(0);
    const id = JSON.parse(
      (await ctl('requests', '--state', 'pending', '--json')).stdout,
    ).requests.find((r: { user?: string }) => r.user === alice).id;
    // The person watching their pending request learns the decision at once.
    const watcher = spawnCli(ELEVATE, ['--socket', agent.socket, 'watch'], alice);
    let watched = '';
    watcher.stdout?.on('data', (d: Buffer) => (watched += d.toString()));
    const watchEnded = new Promise<number | null>((r) => watcher.once('close', (c) => r(c)));
    await waitFor(
      'the watch to show the pending request',
      () => watched.includes('Waiting for an admin to decide'),
      { everyMs: 50 },
    );
    const denied = await ctl('deny', id, '--note', 'use the kiosk');
    expect(denied.code).toBe(0);
    expect(await watchEnded).toBe(1);
    expect(watched).toContain(`Your request ${id} was denied by an administrator: use the kiosk`);
    expect(denied.stdout).toBe(`Denied ${id} for ${alice}.\n`);
    const seen = await run(ELEVATE, ['--socket', agent.socket, 'status'], alice);
    expect(seen.stdout).toMatch(new RegExp(`Latest request:\\s+denied ${id}`));
    expect(seen.stdout).toMatch(/Admin note:\s+use the kiosk/);
    // requests lists what its help says: those waiting; --state all lists the decided too.
    expect((await ctl('requests')).stdout).not.toContain(id);
    expect((await ctl('requests', '--state', 'all')).stdout).toContain(id);

    const twice = await ctl('deny', id);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toMatch(/^elevatectl: .+\.\n$/);
  });

  it("refuses a non-admin with exit 3 and the agent's sentence", async () => {
    const r = await run(ELEVATECTL, ['--socket', agent.socket, 'status'], bob);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^elevatectl: .+\.\n$/);
    expect(r.stdout).toBe('');
  });

  it('exits 1 with the sentence when the agent is not running, 2 on usage errors', async () => {
    const missing = join(agent.dir, 'nothing.sock');
    const down = await run(ELEVATECTL, ['status', '--socket', missing]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(
      `elevatectl: The Elevate agent is not running: nothing is at ${missing}.`,
    );
    expect(down.stderr).toContain('--socket PATH or ELEVATE_SOCKET');

    const bad = await ctl('grant', alice, '--for', '10x');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toMatch(/^elevatectl: "10x" is not a duration/);
    expect(bad.stderr.split('\n')[1]).toBe("Run 'elevatectl grant --help' for usage.");
    expect((await ctl('grnat', alice)).code).toBe(2);
    expect((await ctl('grant', alice, '--for', '1m', '--level', 'root')).code).toBe(2);
    expect((await ctl('grant', alice)).stderr).toContain('grant needs --for DURATION');
  });

  it('checks a policy file offline and names the bad field', async () => {
    const good = join(agent.dir, 'good.json');
    const bad = join(agent.dir, 'bad.json');
    writeFileSync(
      good,
      JSON.stringify({
        version: 1,
        defaults: { selfServe: true },
        rules: [{ users: ['sam'], levels: ['admin'] }],
      }),
    );
    writeFileSync(bad, JSON.stringify({ version: 1, defaults: { maxDurationSec: -5 } }));
    // No --socket and no agent at the default path: policy check never connects.
    const ok = await run(ELEVATECTL, ['policy', 'check', good]);
    expect(ok).toMatchObject({ code: 0, stdout: `${good}: valid policy (1 rule).\n` });
    const no = await run(ELEVATECTL, ['policy', 'check', bad]);
    expect(no.code).toBe(1);
    expect(no.stderr).toMatch(new RegExp(`^elevatectl: ${bad}: .*defaults\\.maxDurationSec`));
    const typo = join(agent.dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ version: 1, defaults: { selfServ: true } }));
    expect((await run(ELEVATECTL, ['policy', 'check', typo])).stderr).toContain('selfServ');
    // A forwarding secret that others can read is refused, though the JSON is valid.
    const secret = join(agent.dir, 'hmac.secret');
    writeFileSync(secret, 'not-so-secret', { mode: 0o644 });
    const leaky = join(agent.dir, 'leaky.json');
    writeFileSync(
      leaky,
      JSON.stringify({
        version: 1,
        forward: [
          { name: 'siem', type: 'webhook', url: 'https://127.0.0.1:9/x', hmacSecretFile: secret },
        ],
      }),
    );
    const leak = await run(ELEVATECTL, ['policy', 'check', leaky]);
    expect(leak.code).toBe(1);
    expect(leak.stderr).toContain(secret);
  });

  it('audit shows events and --follow prints a new one as it happens', async () => {
    const past = await ctl('audit', '--user', alice, '--limit', '5');
    expect(past.code).toBe(0);
    expect(past.stdout).toMatch(/^AT\s+TYPE\s+USER\s+LEVEL\s+ACTOR\s+DETAILS/);
    expect(past.stdout).toContain('request.denied');
    expect(past.stdout).toContain('admin note="use the kiosk"');

    const follower = spawnCli(ELEVATECTL, [
      '--socket',
      agent.socket,
      'audit',
      '--follow',
      '--json',
      '--user',
      alice,
    ]);
    let out = '';
    const waiters = new Set<() => void>();
    follower.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      for (const w of waiters) w();
    });
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not seen: ${pattern} in ${out}`)), 10_000);
        const check = (): void => {
          if (!pattern.test(out)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    await seen(/"type":"request.denied"/); // the backlog arrives first
    expect((await ctl('grant', alice, '--for', '5m', '--reason', 'follow me')).code).toBe(0);
    await seen(/"type":"privilege.granted".*"reason":"follow me"/);
    const exited = new Promise<number | null>((r) => follower.once('close', (c) => r(c)));
    follower.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.every((e) => e.user === alice)).toBe(true);
    expect(new Set(lines.map((e) => e.id)).size).toBe(lines.length);
    await ctl('revoke', alice);
  });
});
