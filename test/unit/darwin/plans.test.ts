/** The commands each darwin operation runs, and the drop-in real visudo accepts. */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addMemberPlan,
  checkMembershipPlan,
  dropInContent,
  dropInPath,
  flushCachePlans,
  readGroupPlan,
  readUserPlan,
  removeMemberPlan,
  timestampPath,
} from '../../../agent/backends/darwin/plans.js';
import { makeTempDir } from '../../helpers/agent-process.js';
import { fixture } from './fixtures.js';

const argv = (p: { file: string; args: string[] }): string => [p.file, ...p.args].join(' ');

describe('darwin plans', () => {
  it('computes the directory commands exactly as the recorded ones were run', () => {
    expect(argv(readGroupPlan('admin'))).toBe(fixture('dscl-read-admin-group').command);
    expect(argv(readUserPlan('yayusernameyay'))).toBe(fixture('dscl-read-user').command);
    expect(argv(checkMembershipPlan('sam'))).toBe(fixture('dsmemberutil-not-member').command);
    expect(argv(addMemberPlan('sam'))).toBe(fixture('dseditgroup-edit-ok').command);
    expect(argv(removeMemberPlan('sam'))).toBe('dseditgroup -o edit -d sam -t user admin');
    expect(flushCachePlans().map(argv)).toEqual([
      'dsmemberutil flushcache',
      'dscacheutil -flushcache',
    ]);
  });

  it('refuses names that would read as options or paths', () => {
    expect(() => addMemberPlan('-o')).toThrow(/not a valid user name/);
    expect(() => readUserPlan('../Groups/admin')).toThrow(/not a valid user name/);
  });

  it('puts files where macOS reads them', () => {
    expect(dropInPath('/', 'sam.lee')).toBe('/private/etc/sudoers.d/elevate-sam_2elee');
    expect(timestampPath('/', 'sam')).toBe('/var/db/sudo/ts/sam');
  });

  it('writes drop-ins that real visudo accepts, with log_allowed for the JSON log', () => {
    const dir = makeTempDir('elevate-darwin-visudo-');
    try {
      for (const level of ['admin', 'passwordless'] as const) {
        const text = dropInContent(
          'sam',
          level,
          '/Library/Application Support/Elevate/sudo-log/sam.log',
        );
        const file = join(dir, level);
        writeFileSync(file, text, { mode: 0o440 });
        expect(execFileSync('visudo', ['-c', '-f', file]).toString()).toMatch(/parsed OK/);
        expect(text).toContain('Defaults:sam log_allowed');
        expect(text).toContain(
          level === 'passwordless' ? 'sam ALL=(ALL:ALL) NOPASSWD: ALL' : 'sam ALL=(ALL:ALL) ALL',
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
