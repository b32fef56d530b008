/** Reason presets and elevated-time caps through the real CLIs, as a real user. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  deleteUser,
  ELEVATE,
  ELEVATECTL,
  ensureBuilt,
  run,
  startAgent,
  type RunningAgent,
} from './cli-harness.js';

let agent: RunningAgent;
let kim: string;

beforeAll(async () => {
  ensureBuilt();
  kim = createUser();
  agent = await startAgent({
    version: 1,
    defaults: {
      selfServe: true,
      approvalRequired: false,
      reasonPresets: ['Install software', 'Change network settings'],
      reasonPresetsOnly: true,
      maxElevatedSecPerDay: 1200,
    },
  });
});

afterAll(async () => {
  await agent?.stop();
  if (kim) deleteUser(kim);
});

const as = (user: string, ...args: string[]) =>
  run(ELEVATE, ['--socket', agent.socket, ...args], user);
const ctl = (...args: string[]) => run(ELEVATECTL, ['--socket', agent.socket, ...args]);

describe('policy additions in the CLIs', () => {
  it('lists the reason choices, takes one by number, and refuses free text', async () => {
    const status = await as(kim, 'status');
    expect(status.stdout).toContain(
      'Reasons to choose from (--reason NUMBER):\n  1. Install software\n  2. Change network settings\n',
    );
    expect(status.stdout).toContain("Admin time left under your policy's cap: 20 min.");

    const free = await as(kim, 'request', '10m', '--reason', 'my own words here');
    expect(free.code).toBe(2);
    expect(free.stderr).toContain(
      'Your policy accepts only these reasons; pass one with --reason NUMBER:\n  1. Install software\n  2. Change network settings',
    );

    const ok = await as(kim, 'request', '10m', '--reason', '2');
    expect(ok.code).toBe(0);
    const audit = await ctl('audit', '--user', kim, '--json');
    expect(audit.stdout).toContain('"reason":"Change network settings"');
  });

  it('refuses past the cap with what is left, and an admin may go over with --over-cap', async () => {
    const more = await as(kim, 'extend', '15m', '--reason', '1');
    expect(more.code).not.toBe(0);
    expect(more.stderr).toMatch(
      /^elevate: Your policy allows only (9|10) minutes? more of admin time now \(asked for 15 minutes\); more becomes available at .+ UTC\. Ask for less time or try again then\.\n$/,
    );
    const refused = await ctl('grant', kim, '--for', '1h');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('or grant with --over-cap.');
    const over = await ctl('grant', kim, '--for', '1h', '--over-cap');
    expect(over.code).toBe(0);
    const audit = await ctl('audit', '--user', kim, '--json');
    expect(audit.stdout).toContain('"overCap":true');
  });
});
