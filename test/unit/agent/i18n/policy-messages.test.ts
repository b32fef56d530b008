/**
 * What the policy's readers say (agent/i18n/policy-en.ts, policy-de.ts): complete in both
 * languages, the same section in the agent's and the CLI's catalogue, and every problem with a
 * policy (the file, managed settings, registry values, key files) worded in the catalogue it is
 * read with, down to zod's reason and the schema's own checks.
 */
import { chownSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_CATALOGUES } from '../../../../agent/cli/i18n/index.js';
import { readDeviceKeyFile, readMasterFile } from '../../../../agent/codes/key-files.js';
import { AGENT_CATALOGUES, logMessages } from '../../../../agent/i18n/index.js';
import { policyDe } from '../../../../agent/i18n/policy-de.js';
import { policyEn } from '../../../../agent/i18n/policy-en.js';
import { managedSettings, withManaged } from '../../../../agent/policy/managed-policy.js';
import { parsePolicyText } from '../../../../agent/policy/policy-file.js';
import { registrySettings } from '../../../../agent/policy/registry-policy.js';
import { catalogueGaps } from '../../../../agent/shared/i18n/catalogue.js';
import { makeTempDir, REPO } from '../../../helpers/agent-process.js';

const problem = (policy: unknown, m = policyEn): string => {
  const r = parsePolicyText(JSON.stringify(policy), m);
  return r.ok ? 'valid' : r.message;
};

describe('the policy catalogue', () => {
  it('has every English sentence in German, in the agent’s and the CLI’s catalogue alike', () => {
    expect(catalogueGaps({ en: policyEn, de: policyDe })).toEqual([]);
    expect(AGENT_CATALOGUES.de.policy).toBe(policyDe);
    expect(CLI_CATALOGUES.de.ctl.policy.problems).toBe(policyDe);
    expect(CLI_CATALOGUES.en.ctl.policy.problems).toBe(policyEn);
    // The agent's own log stays English.
    expect(logMessages.policy).toBe(policyEn);
  });

  it('words the schema’s own checks from the catalogue, saying what the field accepts', () => {
    expect(problem({ version: 1, rules: [{ reasonPresetsOnly: true }] })).toBe(
      'Policy field rules.0.reasonPresetsOnly is invalid: needs a non-empty reasonPresets list: add the reasons to choose from, or set reasonPresetsOnly to false.',
    );
    expect(problem({ version: 1, defaults: { revokeAt: ['lock', 'lock'] } }, policyDe)).toBe(
      'Das Richtlinienfeld defaults.revokeAt ist ungültig: darf keinen Wert wiederholen: Nennen Sie jeden nur einmal.',
    );
    expect(problem({ version: 1, adminGroup: 'IT admins' }, policyDe)).toBe(
      'Das Richtlinienfeld adminGroup ist ungültig: muss ein Gruppenname sein: Buchstaben, Ziffern, "_" oder "-", beginnend mit einem Buchstaben oder "_" (z. B. "sudo").',
    );
    expect(problem({ version: 1, adminGroup: 'sudo' })).toBe('valid');
  });

  it('words the forwarding and onChange checks too, and uses every check it has', () => {
    const twice = { name: 'a', type: 'slack', url: 'https://h' };
    expect(problem({ version: 1, forward: [twice, twice] }, policyDe)).toBe(
      'Das Richtlinienfeld forward.1.name ist ungültig: der Sink-Name "a" kommt zweimal vor: Geben Sie jedem Sink einen eigenen Namen.',
    );
    expect(
      problem({ version: 1, defaults: { onChange: { path: 'hook.sh', sha256: 'ab' } } }, policyDe),
    ).toBe(
      'Das Richtlinienfeld defaults.onChange.path ist ungültig: muss ein absoluter Pfad sein: Geben Sie den ganzen Pfad an, ab "/" (oder einem Windows-Laufwerk).',
    );
    expect(problem({ version: 1, forward: [{ ...twice, events: ['privilege.grantd'] }] })).toMatch(
      /^Policy field forward\.0\.events\.0 is invalid: must be "\*", "PREFIX\.\*" or an audit event type \(agent\.started, privilege\.granted, /,
    );
    const schemas = [
      'agent/policy/policy-schema.ts',
      'agent/forward/policy-schema.ts',
      'agent/codes/policy-schema.ts',
      'agent/protocol/policy-additions.ts',
    ].map((f) => readFileSync(join(REPO, f), 'utf8'));
    const unused = Object.keys(policyEn.check).filter(
      (key) => !schemas.some((src) => src.includes(`says('${key}'`)),
    );
    expect(unused).toEqual([]);
  });

  it('gives zod’s reason in the same language, naming the allowed values', () => {
    expect(problem({ version: 1, defaults: { pairing: 'always' } })).toBe(
      'Policy field defaults.pairing is invalid: Invalid option: expected one of "tofu"|"confirm".',
    );
    expect(problem({ version: 1, defaults: { pairing: 'always' } }, policyDe)).toBe(
      'Das Richtlinienfeld defaults.pairing ist ungültig: Ungültige Option: erwartet eine von "tofu"|"confirm".',
    );
    expect(problem([], policyDe)).toBe(
      'Das Richtlinienfeld (oberste Ebene) ist ungültig: Ungültige Eingabe: erwartet object, erhalten Array.',
    );
  });

  it('names the file’s typo and its syntax error, with what to do', () => {
    expect(problem({ version: 1, defaults: { selfServ: true } })).toBe(
      'Policy field defaults.selfServ is not a known field (a typo would weaken the policy): check its spelling against POLICY.md, or remove it.',
    );
    const notJson = parsePolicyText('{ "version": 1,', policyDe);
    expect(!notJson.ok && notJson.message).toMatch(
      /^Die Richtlinie ist kein gültiges JSON \(.+\): Korrigieren Sie die Datei an dieser Stelle, oft fehlt ein Komma, ein Anführungszeichen oder eine Klammer\.$/,
    );
  });

  it('words managed settings and registry values in the catalogue’s language', () => {
    expect(managedSettings({ selfServ: true }, policyDe, 'P')).toEqual({
      ok: false,
      message:
        'P: selfServ ist keine bekannte Richtlinieneinstellung (ein Tippfehler würde die Richtlinie schwächen): Prüfen Sie die Schreibweise anhand von POLICY.md oder entfernen Sie sie.',
    });
    expect(managedSettings(['x'], policyDe, 'P')).toMatchObject({
      message: expect.stringMatching(/^P: die Eigenschaftsliste ist kein Verzeichnis/),
    });
    const only = managedSettings({ reasonPresetsOnly: true }, policyDe);
    expect(only.ok && withManaged({ version: 1 }, only, policyDe.registry.label, policyDe)).toEqual(
      {
        ok: false,
        message:
          'Die Einstellungen aus der Registrierung und die Richtliniendatei passen nicht zusammen: defaults.reasonPresetsOnly braucht eine nicht leere Liste reasonPresets: Tragen Sie die wählbaren Gründe ein oder setzen Sie reasonPresetsOnly auf false.',
      },
    );
    const reg = (name: string, type: string, data: string) =>
      registrySettings([{ name, type, data }], policyDe);
    expect(reg('SelfServ', 'REG_DWORD', '0x1')).toEqual({
      ok: false,
      message:
        'HKLM\\SOFTWARE\\Policies\\Elevate\\SelfServ ist keine bekannte Richtlinieneinstellung: Löschen Sie den Wert oder benennen Sie ihn wie in elevate.admx (eine Einstellung aus POLICY.md mit großem Anfangsbuchstaben).',
    });
    expect(reg('MaxDurationSec', 'REG_DWORD', '0x0')).toEqual({
      ok: false,
      message:
        'HKLM\\SOFTWARE\\Policies\\Elevate\\MaxDurationSec ist ungültig: Zu klein: erwartet, dass number >0 ist.',
    });
  });

  it('says what to put in a key file that holds the wrong thing, in German', () => {
    const dir = makeTempDir();
    const key = join(dir, 'device.key');
    writeFileSync(key, 'not a key\n', { mode: 0o600 });
    expect(() => readDeviceKeyFile(key, policyDe)).toThrow(
      `Die Schlüsseldatei für Freigabecodes ${key} enthält keinen Geräteschlüssel: Schreiben Sie die Zeile hinein, die 'elevatectl code device-key' ausgibt.`,
    );
    const loose = join(dir, 'loose.key');
    writeFileSync(loose, 'x', { mode: 0o640 });
    expect(() => readDeviceKeyFile(loose, policyDe)).toThrow(
      `Die Schlüsseldatei für Freigabecodes ${loose} ist für Gruppe oder andere lesbar (Modus 0640): Führen Sie chmod 600 ${loose} aus.`,
    );
    expect(() => readDeviceKeyFile(join(dir, 'none.key'), policyDe)).toThrow(
      `Die Schlüsseldatei für Freigabecodes ${join(dir, 'none.key')} kann nicht gelesen werden (ENOENT): Prüfen Sie den Pfad und ob die Datei existiert.`,
    );
    const master = join(dir, 'master.key');
    writeFileSync(master, 'short', { mode: 0o600 });
    expect(() => readMasterFile(master, policyEn)).toThrow(
      `The master key file ${master} holds 5 bytes; it needs at least 32 random bytes: make one with 'head -c 32 /dev/urandom > ${master}'.`,
    );
    // The tests run as root, for whom only root may own either file.
    chownSync(master, 1, 1);
    expect(() => readMasterFile(master, policyDe)).toThrow(
      `Die Hauptschlüsseldatei ${master} gehört uid 1, muss aber root gehören: Führen Sie chown root ${master} aus.`,
    );
  });
});
