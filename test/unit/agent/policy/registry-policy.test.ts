import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegQuery } from '../../../../agent/backends/win32/parsers.js';
import { policyEn as m } from '../../../../agent/i18n/policy-en.js';
import { registrySettings, withRegistry } from '../../../../agent/policy/registry-policy.js';
import { effectivePolicy } from '../../../../agent/policy/effective-policy.js';
import { win32Fixture } from '../../../helpers/win32-fixtures.js';
import { REPO } from '../../../helpers/agent-process.js';

const value = (name: string, type: string, data: string) => ({ name, type, data });

describe('Group Policy settings from HKLM\\SOFTWARE\\Policies\\Elevate', () => {
  it('reads reg query output into settings, typed by the policy schema', () => {
    const result = registrySettings(parseRegQuery(win32Fixture('reg-query-policy').stdout), m);
    expect(result).toEqual({
      ok: true,
      settings: { selfServe: true, maxDurationSec: 3600, windowsLogoffAtEnd: 'force' },
    });
    expect(
      registrySettings(
        [
          value('DurationsSec', 'REG_MULTI_SZ', '600\\01800'),
          value('Levels', 'REG_MULTI_SZ', 'admin\\0passwordless'),
          value('RequireReason', 'REG_DWORD', '0x0'),
        ],
        m,
      ),
    ).toEqual({
      ok: true,
      settings: {
        durationsSec: [600, 1800],
        levels: ['admin', 'passwordless'],
        requireReason: false,
      },
    });
  });

  it('names the registry value in every refusal', () => {
    expect(registrySettings([value('SelfServ', 'REG_DWORD', '0x1')], m)).toEqual({
      ok: false,
      message:
        'HKLM\\SOFTWARE\\Policies\\Elevate\\SelfServ is not a known policy setting: delete the value, or name it as elevate.admx does (a POLICY.md setting with a capital first letter).',
    });
    const bad = registrySettings([value('WindowsLogoffAtEnd', 'REG_SZ', 'later')], m);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(
      /^HKLM\\SOFTWARE\\Policies\\Elevate\\WindowsLogoffAtEnd is invalid/,
    );
  });

  it('wins over the JSON file, in its defaults and in every rule', () => {
    const file = {
      version: 1 as const,
      defaults: { selfServe: false, maxDurationSec: 600 },
      rules: [{ users: ['sam'], selfServe: true, maxDurationSec: 7200 }],
    };
    const merged = withRegistry(file, { maxDurationSec: 1800 });
    expect(effectivePolicy(merged, 'sam', [])).toMatchObject({
      selfServe: true,
      maxDurationSec: 1800,
    });
    expect(effectivePolicy(merged, 'ann', [])).toMatchObject({
      selfServe: false,
      maxDurationSec: 1800,
    });
    expect(withRegistry(file, {})).toBe(file);
  });
});

describe('ADMX/ADML templates', () => {
  const admx = readFileSync(join(REPO, 'packaging/windows/policy/elevate.admx'), 'utf8');
  const adml = readFileSync(join(REPO, 'packaging/windows/policy/en-US/elevate.adml'), 'utf8');

  it('write only values the agent accepts, under HKLM\\SOFTWARE\\Policies\\Elevate', () => {
    const keys = [...admx.matchAll(/ key="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(keys)).toEqual(new Set(['SOFTWARE\\Policies\\Elevate']));
    const names = [...admx.matchAll(/valueName="([^"]+)"/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const sample =
        name === 'WindowsLogoffAtEnd'
          ? value(name, 'REG_SZ', 'hint')
          : value(name, 'REG_DWORD', '0x3c');
      expect(registrySettings([sample], m), name).toMatchObject({ ok: true });
    }
  });

  it('have a string and presentation for everything the ADMX references', () => {
    const strings = new Set([...adml.matchAll(/<string id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of admx.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings, m[1]).toContain(m[1]);
    const presentations = new Set(
      [...adml.matchAll(/<presentation id="([^"]+)"/g)].map((m) => m[1]),
    );
    for (const m of admx.matchAll(/\$\(presentation\.([^)]+)\)/g))
      expect(presentations).toContain(m[1]);
  });
});
