/**
 * Policy from a configuration profile: the sample .mobileconfig and Jamf manifest in
 * packaging/macos, and a real binary managed-preferences plist (made with Debian's plistutil)
 * read through the STAND-IN plutil (test/standins/darwin, never shipped).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManagedPreferencesFile } from '../../../agent/backends/darwin/managed-preferences.js';
import { profileSettings } from '../../../agent/backends/darwin/mobileconfig.js';
import { managedPreferencesPath } from '../../../agent/backends/darwin/plans.js';
import { policyEn as m } from '../../../agent/i18n/policy-en.js';
import { managedSettings, withManaged } from '../../../agent/policy/managed-policy.js';
import { BUILT_IN_DEFAULTS, PolicySettingsSchema } from '../../../agent/policy/policy-schema.js';
import { parsePlistXml } from '../../../agent/shared/plist-xml.js';
import { REPO, makeTempDir } from '../../helpers/agent-process.js';
import { STANDIN_DIR } from '../../helpers/darwin-standins.js';

const SAMPLE = join(REPO, 'packaging/macos/com.elevate.agent.mobileconfig');
const MANIFEST = join(REPO, 'packaging/macos/com.elevate.agent.json');
const FILE_POLICY = {
  version: 1 as const,
  defaults: { selfServe: false, maxDurationSec: 3600 },
  rules: [{ users: ['sam'], maxDurationSec: 600, reasonMinLength: 20 }],
};

describe('macOS managed preferences', () => {
  const path = process.env.PATH;
  beforeAll(() => {
    process.env.PATH = `${STANDIN_DIR}:${path ?? ''}`;
  });
  afterAll(() => {
    process.env.PATH = path;
  });

  it('takes the sample profile’s forced settings, which win over the file and its rules', () => {
    const found = profileSettings(parsePlistXml(readFileSync(SAMPLE, 'utf8')));
    expect(found).toHaveLength(1);
    const managed = managedSettings(found[0], m, SAMPLE);
    expect(managed).toMatchObject({
      ok: true,
      settings: { selfServe: true, maxDurationSec: 1800, requireAuthentication: 'biometric' },
    });
    if (!managed.ok) return;
    const merged = withManaged(FILE_POLICY, managed, 'the profile', m);
    expect(merged).toMatchObject({
      ok: true,
      policy: {
        defaults: { selfServe: true, maxDurationSec: 1800, cleanupOnEnd: 'remove' },
        // The rule keeps what the profile does not set; its own maxDurationSec gives way.
        rules: [{ users: ['sam'], reasonMinLength: 20 }],
      },
    });
    if (merged.ok) expect(merged.policy.rules?.[0]).not.toHaveProperty('maxDurationSec');
  });

  it('reads the custom-payload form too, leaving the Payload keys out', () => {
    const profile = {
      PayloadContent: [
        {
          PayloadType: 'com.elevate.agent',
          PayloadUUID: 'A',
          PayloadVersion: 1,
          selfServe: true,
          revokeAt: ['lock'],
        },
      ],
    };
    const [settings] = profileSettings(profile);
    expect(managedSettings(settings, m, 'x')).toEqual({
      ok: true,
      settings: { selfServe: true, revokeAt: ['lock'] },
    });
  });

  it('names the bad key, and refuses settings that do not fit the file', () => {
    expect(managedSettings({ selfServ: true }, m, 'F')).toEqual({
      ok: false,
      message:
        'F: selfServ is not a known policy setting (a typo would weaken the policy): check its spelling against POLICY.md, or remove it.',
    });
    expect(managedSettings({ maxDurationSec: -1 }, m, 'F')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^F: maxDurationSec is invalid: /),
    });
    const only = managedSettings({ reasonPresetsOnly: true }, m, 'F');
    expect(only.ok && withManaged(FILE_POLICY, only, 'F', m)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/reasonPresetsOnly needs a non-empty reasonPresets list/),
    });
  });

  it('reads a real binary plist where macOS puts it, and refuses one others could change', async () => {
    const root = makeTempDir();
    const file = managedPreferencesPath(root);
    expect(await readManagedPreferencesFile(file, m)).toEqual({ ok: true, settings: {} });
    mkdirSync(join(root, 'Library/Managed Preferences'), { recursive: true });
    const xml = join(root, 'settings.xml');
    writeFileSync(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>' +
        '<key>selfServe</key><true/><key>durationsSec</key><array><integer>300</integer></array>' +
        '<key>maxDurationSec</key><integer>300</integer></dict></plist>\n',
    );
    execFileSync('plistutil', ['-i', xml, '-o', file, '-f', 'bin']);
    expect(readFileSync(file).subarray(0, 8).toString()).toBe('bplist00');
    expect(await readManagedPreferencesFile(file, m)).toEqual({
      ok: true,
      settings: { selfServe: true, durationsSec: [300], maxDurationSec: 300 },
    });
    chmodSync(file, 0o666);
    expect(await readManagedPreferencesFile(file, m)).toMatchObject({
      ok: false,
      message: expect.stringContaining('install the configuration profile again'),
    });
    writeFileSync(file, 'not a plist');
    chmodSync(file, 0o644);
    expect(await readManagedPreferencesFile(file, m)).toMatchObject({
      ok: false,
      message: expect.stringContaining('cannot be read as a property list (plutil:'),
    });
  });

  it('ships a Jamf manifest whose keys, types and defaults are what the agent accepts', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
      properties: Record<
        string,
        { default?: unknown; enum?: string[]; items?: { enum?: string[] } }
      >;
    };
    const macSettings = Object.keys(PolicySettingsSchema.shape).filter(
      (k) => !k.startsWith('windows'),
    );
    expect(Object.keys(manifest.properties).sort()).toEqual(macSettings.sort());
    for (const [key, p] of Object.entries(manifest.properties)) {
      if ('default' in p) {
        expect(managedSettings({ [key]: p.default }, m, 'M').ok, key).toBe(true);
        expect(p.default, key).toEqual(BUILT_IN_DEFAULTS[key as keyof typeof BUILT_IN_DEFAULTS]);
      }
      for (const v of p.enum ?? [])
        expect(managedSettings({ [key]: v }, m, 'M').ok, key).toBe(true);
      for (const v of p.items?.enum ?? [])
        expect(managedSettings({ [key]: [v] }, m, 'M').ok, key).toBe(true);
    }
  });
});
