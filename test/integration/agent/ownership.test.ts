/** A root agent refuses to start on a policy or state dir that someone else could change. */
import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, startAgentProcess } from '../../helpers/agent-process.js';

describe('agent start-up as root', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a policy file everyone can write, in one sentence', async () => {
    dir = makeTempDir();
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ version: 1 }));
    chmodSync(policy, 0o666);
    await expect(startAgentProcess({ dir, policy })).rejects.toThrow(
      `elevate-agent: refusing to run as root because ${policy} is writable by everyone; make it and every folder above it owned by root and writable only by root (chown root, chmod go-w).`,
    );
  });

  it('refuses a state dir another account owns', async () => {
    dir = makeTempDir();
    mkdirSync(join(dir, 'state'));
    chownSync(join(dir, 'state'), 65534, 65534);
    await expect(startAgentProcess({ dir })).rejects.toThrow(
      `because ${join(dir, 'state')} belongs to uid 65534`,
    );
  });
});
