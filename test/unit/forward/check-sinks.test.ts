import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sinkFileProblems } from '../../../agent/forward/check-sinks.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';
import { policyDe } from '../../../agent/i18n/policy-de.js';
import { policyEn } from '../../../agent/i18n/policy-en.js';

describe('sinkFileProblems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'elv-check-sinks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every unusable secret or CA file, one sentence each', () => {
    const good = join(dir, 'good.key');
    writeFileSync(good, 'k', { mode: 0o600 });
    const shared = join(dir, 'shared.key');
    writeFileSync(shared, 'k', { mode: 0o604 });
    const sinks = ForwardPolicySchema.parse([
      { name: 'ok', type: 'webhook', url: 'https://h', hmacSecretFile: good },
      { name: 'open', type: 'webhook', url: 'https://h', hmacSecretFile: shared },
      {
        name: 'ca',
        type: 'syslog',
        host: 'h',
        port: 6514,
        protocol: 'tls',
        caFile: join(dir, 'no.pem'),
      },
    ]);
    expect(sinkFileProblems(sinks, policyEn)).toEqual([
      `Sink "open": The secret file ${shared} is readable by group or others (mode 0604): run chmod 600 ${shared}.`,
      `Sink "ca": Cannot read the CA file ${join(dir, 'no.pem')} (ENOENT): check the path in caFile, and that the file exists.`,
    ]);
    // What elevatectl policy check prints to a German admin.
    expect(sinkFileProblems(sinks, policyDe)).toEqual([
      `Sink "open": Die Geheimnisdatei ${shared} ist für Gruppe oder andere lesbar (Modus 0604): Führen Sie chmod 600 ${shared} aus.`,
      `Sink "ca": Die CA-Datei ${join(dir, 'no.pem')} kann nicht gelesen werden (ENOENT): Prüfen Sie den Pfad in caFile und ob die Datei existiert.`,
    ]);
  });
});
