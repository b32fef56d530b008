/**
 * Policy from a configuration profile on a Mac, run here: the agent with `--backend darwin`
 * over the STAND-IN directory tools and plutil (test/standins/darwin, never shipped; plutil
 * replays with Debian's plistutil), reading a real binary plist from
 * ROOT/Library/Managed Preferences/com.elevate.agent.plist; and `elevatectl policy check` on
 * both forms, the shipped sample profile included.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managedPreferencesPath } from '../../../agent/backends/darwin/plans.js';
import { AgentClient } from '../../../agent/client/agent-client.js';
import { REPO, startAgentProcess, type AgentHandle } from '../../helpers/agent-process.js';
import { makeDarwinWorld, type DarwinWorld } from '../../helpers/darwin-standins.js';
import { run } from '../../helpers/os-users.js';

const ELEVATECTL = join(REPO, 'dist/agent/cli/elevatectl.js');

/** A binary plist, as cfprefsd writes managed preferences, made from XML by plistutil. */
function writeManaged(path: string, body: string): void {
  const xml = `${path}.xml`;
  writeFileSync(
    xml,
    `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>${body}</dict></plist>\n`,
  );
  execFileSync('plistutil', ['-i', xml, '-o', `${path}.tmp`, '-f', 'bin']);
  execFileSync('mv', [`${path}.tmp`, path]);
  unlinkSync(xml);
}

describe('darwin: managed preferences win over the policy file', { timeout: 180_000 }, () => {
  let world: DarwinWorld;
  let agent: AgentHandle;
  let client: AgentClient;
  let managed: string;

  const policyOf = async (user: string) =>
    (await client.call('admin.status', { user })).users[0]!.policy;

  beforeAll(async () => {
    world = makeDarwinWorld();
    world.addUser('sam');
    managed = managedPreferencesPath(world.root);
    mkdirSync(join(world.root, 'Library/Managed Preferences'), { recursive: true });
    writeManaged(
      managed,
      '<key>selfServe</key><true/><key>maxDurationSec</key><integer>1800</integer>' +
        '<key>durationsSec</key><array><integer>600</integer><integer>1800</integer></array>',
    );
    agent = await startAgentProcess({
      backend: 'darwin',
      root: world.root,
      env: world.env,
      startTimeoutMs: 60_000,
      policy: {
        version: 1,
        defaults: { selfServe: false, maxDurationSec: 3600, durationsSec: [600, 3600] },
        rules: [{ users: ['sam'], maxDurationSec: 7200, requireReason: false }],
      },
    });
    client = await AgentClient.connect({
      socketPath: agent.socket,
      user: 'root',
      timeoutMs: 60_000,
    });
  });

  afterAll(async () => {
    client?.close();
    await agent?.stop();
    agent?.cleanup();
    rmSync(world.root, { recursive: true, force: true });
  });

  it('applies the profile’s settings over the file’s defaults and rules, and follows changes', async () => {
    expect(await policyOf('sam')).toMatchObject({
      selfServe: true,
      maxDurationSec: 1800,
      durationsSec: [600, 1800],
      requireReason: false,
    });
    expect(agent.output()).toContain(`policy loaded from ${agent.policyPath} and ${managed}`);
    // An MDM changes the profile: the agent picks it up without a restart.
    writeManaged(managed, '<key>selfServe</key><false/>');
    await expect
      .poll(async () => (await policyOf('sam')).selfServe, { timeout: 20_000, interval: 250 })
      .toBe(false);
    expect((await policyOf('sam')).maxDurationSec).toBe(7200);
    // A bad key is refused with its name; the last valid policy stays.
    writeManaged(managed, '<key>selfServ</key><true/>');
    await expect
      .poll(() => agent.output(), { timeout: 20_000, interval: 250 })
      .toContain('selfServ is not a known policy setting');
    expect((await policyOf('sam')).selfServe).toBe(false);
  });

  it('elevatectl policy check reads the managed form and the sample profile, naming a bad key', async () => {
    const env = { PATH: world.env.PATH };
    const check = (file: string) =>
      run(process.execPath, [ELEVATECTL, 'policy', 'check', file], '', env);
    const sample = join(REPO, 'packaging/macos/com.elevate.agent.mobileconfig');
    expect(await check(sample)).toMatchObject({
      code: 0,
      stdout: `${sample}: valid policy (0 rules).\n`,
    });
    const good = join(world.root, 'good.plist');
    writeManaged(good, '<key>levels</key><array><string>passwordless</string></array>');
    expect((await check(good)).code).toBe(0);
    const bad = join(world.root, 'bad.plist');
    writeManaged(bad, '<key>cleanupOnEnd</key><string>delete</string>');
    const refused = await check(bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^elevatectl: ${bad}: cleanupOnEnd is invalid`));
  });
});
