/** The agent's refusal to run root code, state or policy that someone else can change. */
import { chmodSync, chownSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nonRootWritable } from '../../../../agent/install/writable-check.js';
import { makeTempDir } from '../../../helpers/agent-process.js';

describe('nonRootWritable (run as root, like the agent)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir('elevate-writable-');
    file = join(dir, 'policy.json');
    writeFileSync(file, '{}', { mode: 0o644 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts root-owned files in root-owned folders, even under sticky /tmp', async () => {
    expect(await nonRootWritable([file, dir])).toBeNull();
  });

  it('names a file another user owns', async () => {
    chownSync(file, 65534, 0);
    expect(await nonRootWritable([file])).toBe(`${file} belongs to uid 65534`);
  });

  it('names a world- or group-writable file, and a writable folder above it', async () => {
    chmodSync(file, 0o646);
    expect(await nonRootWritable([file])).toBe(`${file} is writable by everyone`);
    chmodSync(file, 0o664);
    expect(await nonRootWritable([file])).toBeNull(); // group root
    chownSync(file, 0, 100);
    expect(await nonRootWritable([file])).toBe(`${file} is writable by group 100`);
    chmodSync(file, 0o644);
    chmodSync(dir, 0o777);
    expect(await nonRootWritable([file])).toBe(`${dir} is writable by everyone`);
  });

  it("follows a link to its target and checks the target's folders", async () => {
    const other = join(dir, 'other');
    mkdirSync(other, { mode: 0o755 });
    chownSync(other, 65534, 65534);
    writeFileSync(join(other, 'real.json'), '{}', { mode: 0o644 });
    symlinkSync(join(other, 'real.json'), join(dir, 'link.json'));
    expect(await nonRootWritable([join(dir, 'link.json')])).toBe(`${other} belongs to uid 65534`);
  });
});
