/** Reason presets and elevated-time caps through the real CLIs, as a real user. */
import { describe, expect, it } from 'vitest';
import { agentForFile } from './cli-harness.js';

let kim: string;
/** Needs an admin's approval, under the same cap. */
let lee: string;

const { as, ctl } = agentForFile((newUser) => {
  kim = newUser();
  lee = newUser();
  return {
    version: 1,
    defaults: {
      selfServe: true,
      approvalRequired: false,
      reasonPresets: ['Install software', 'Change network settings'],
      reasonPresetsOnly: true,
      maxElevatedSecPerDay: 1200,
    },
    rules: [{ users: [lee], selfServe: false, approvalRequired: true }],
  };
});

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
      /^elevate: Your policy allows only (9|10) minutes? more of admin time now \(asked for 15 minutes\); more becomes available at [^;]*\d\d:\d\d( [AP]M)?\. Ask for less time or try again then\.\n$/,
    );
    const refused = await ctl('grant', kim, '--for', '1h');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('or add --over-cap to approve or grant beyond it.');
    const over = await ctl('grant', kim, '--for', '1h', '--over-cap');
    expect(over.code).toBe(0);
    const audit = await ctl('audit', '--user', kim, '--json');
    expect(audit.stdout).toContain('"overCap":true');
  });

  it('an approval past the cap is refused with what is left, and goes through with --over-cap', async () => {
    // Within the cap when asked; the admin approves for longer than that.
    const asked = await as(lee, 'request', '10m', '--reason', '1');
    expect(asked.code).toBe(0);
    const id = /request (r_\S+) is waiting/.exec(asked.stdout)![1]!;

    const refused = await ctl('approve', id, '--for', '30m');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(
      `elevatectl: ${lee}'s policy allows only 20 minutes more of admin time now (asked for 30 minutes). Approve or grant less time (--for), or add --over-cap to approve or grant beyond it.\n`,
    );
    expect(JSON.parse((await as(lee, 'status', '--json')).stdout).request.state).toBe('pending');

    const over = await ctl('approve', id, '--for', '30m', '--over-cap', '--note', 'month-end');
    expect(over.code).toBe(0);
    const status = JSON.parse((await as(lee, 'status', '--json')).stdout);
    expect(status.grant.level).toBe('admin');
    const { events } = JSON.parse((await ctl('audit', '--user', lee, '--json')).stdout);
    const byType = (t: string) => events.find((e: { type: string }) => e.type === t);
    expect(byType('request.approved')).toMatchObject({
      actor: 'root',
      detail: { durationSec: 1800, overCap: true },
    });
    expect(byType('privilege.granted')).toMatchObject({ detail: { overCap: true } });
  });
});
