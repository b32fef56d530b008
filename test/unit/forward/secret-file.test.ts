import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRootOnlySecret } from '../../../agent/forward/secret-file.js';
import { policyEn as m } from '../../../agent/i18n/policy-en.js';

describe('readRootOnlySecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'elv-secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a 0600 file without its trailing newline', () => {
    const f = join(dir, 'ok.key');
    writeFileSync(f, 'k3y\n', { mode: 0o600 });
    expect(readRootOnlySecret(f, 'siem', m).toString()).toBe('k3y');
  });

  it('refuses a file that group or others can read, and a missing or empty one, saying why', () => {
    const open = join(dir, 'open.key');
    writeFileSync(open, 'k3y', { mode: 0o640 });
    expect(() => readRootOnlySecret(open, 'siem', m)).toThrow(
      `Sink "siem": The secret file ${open} is readable by group or others (mode 0640): run chmod 600 ${open}.`,
    );
    expect(() => readRootOnlySecret(join(dir, 'none'), 'siem', m)).toThrow(
      `Sink "siem": Cannot read the secret file ${join(dir, 'none')} (ENOENT): check the path, and that the file exists.`,
    );
    const empty = join(dir, 'empty.key');
    writeFileSync(empty, '\n', { mode: 0o600 });
    expect(() => readRootOnlySecret(empty, 'siem', m)).toThrow(
      `Sink "siem": The secret file ${empty} is empty: write the webhook's HMAC key into it.`,
    );
  });
});
