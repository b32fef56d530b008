/**
 * `elevate` run by a real user, and `elevatectl` by root, whose locale is German (LANG=de_DE.UTF-8), against a real
 * agent: its own sentences, the agent's refusals and the dates all read as German; the same
 * commands without a locale stay English (the other CLI tests).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  deleteUser,
  ELEVATE,
  ELEVATECTL,
  ensureBuilt,
  run,
  startAgent,
  type RunningAgent,
} from './cli-harness.js';

let agent: RunningAgent;
let kim: string;
let lee: string;

beforeAll(async () => {
  ensureBuilt();
  kim = createUser();
  lee = createUser();
  agent = await startAgent({
    version: 1,
    defaults: { selfServe: true, approvalRequired: false, levels: ['admin'] },
  });
});

afterAll(async () => {
  await agent?.stop();
  for (const u of [kim, lee]) if (u) deleteUser(u);
});

const inGerman = (...args: string[]) =>
  run(ELEVATE, ['--socket', agent.socket, ...args], kim, 20_000, { LANG: 'de_DE.UTF-8' });

describe('elevate in German', () => {
  it('speaks German from LANG: the grant, the status, a refusal, giving back, the history', async () => {
    const bare = await inGerman('request', '10', '--reason', 'Druckertreiber installieren');
    expect(bare.stderr).toContain(
      '"10" hat keine Einheit: Schreiben Sie 10m für 10 Minuten, 10h für Stunden oder 10s für Sekunden.',
    );
    const req = await inGerman('request', '10m', '--reason', 'Druckertreiber installieren');
    expect(req.stderr).toBe('');
    expect(req.stdout).toMatch(/^Sie sind Administrator bis \d\d:\d\d:\d\d \(noch 10 min\)\.\n$/);

    const status = await inGerman('status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`Benutzer:\\s+${kim}`));
    expect(status.stdout).toMatch(/Befristete Rechte:\s+Administrator, noch 10 min/);
    expect(status.stdout).toMatch(/Grund:\s+Druckertreiber installieren/);
    expect(status.stdout).toContain('Anfragen: Administrator für bis zu 1 Stunde, sofort gewährt');

    // The agent's sentence (asked for in auth.hello) and the CLI's next step, both German.
    const twice = await inGerman('request', '10m', '--reason', 'Druckertreiber installieren');
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(
      /^elevate: Sie haben diese Rechte bereits; fragen Sie stattdessen mehr Zeit an\. Sie sind Administrator bis \d\d:\d\d:\d\d; für mehr Zeit führen Sie 'elevate extend DAUER --reason TEXT' aus\.\n$/,
    );

    const stop = await inGerman('stop');
    expect(stop.stdout).toBe(
      'Ihre befristeten Rechte sind zurückgegeben; Sie sind jetzt: Standardbenutzer.\n',
    );

    const again = await inGerman('stop');
    expect(again.stderr).toContain(
      'Sie haben keine aktiven Administratorrechte, die Sie zurückgeben könnten.',
    );

    const history = await inGerman('history');
    expect(history.stdout).toMatch(/^Administrator · Vorzeitig beendet\n/);
    // The day as German writes it ("30. Nov., 21:58 – 21:58").
    expect(history.stdout).toMatch(/\d{1,2}\. [A-Z][a-zä]{2,3}\.?, \d\d:\d\d – \d\d:\d\d · von /);
    expect(history.stdout).toContain('Grund: Druckertreiber installieren');
  });
});

/** elevatectl as root with a German locale. */
const ctlInGerman = (...args: string[]) =>
  run(ELEVATECTL, ['--socket', agent.socket, ...args], undefined, 20_000, {
    LANG: 'de_DE.UTF-8',
  });

describe('elevatectl in German', () => {
  it('grants, shows the status and the audit trail, refuses and helps in German', async () => {
    const granted = await ctlInGerman('grant', lee, '--for', '10m', '--reason', 'Wartungsfenster');
    expect(granted.stderr).toBe('');
    expect(granted.stdout).toMatch(
      new RegExp(`^${lee}: Administrator bis \\d\\d:\\d\\d:\\d\\d \\(noch 10 min\\)\\.\\n$`),
    );

    const table = await ctlInGerman('status');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(
      /^BENUTZER\s+STUFE\s+DAUERHAFT\s+RESTZEIT\s+ENDET\s+QUELLE\s+GRUND\s+LETZTE ANFRAGE$/,
    );
    const row = table.stdout.split('\n').find((l) => l.startsWith(lee + ' '));
    expect(row).toMatch(
      /Administrator\s+Standardbenutzer\s+noch 10 min\s+\d\d:\d\d:\d\d\s+Administrator\s+Wartungsfenster/,
    );

    const one = await ctlInGerman('status', lee);
    expect(one.stdout).toMatch(/Befristete Rechte:\s+Administrator, noch 10 min/);
    expect(one.stdout).toMatch(/Gewährt:\s+\d\d:\d\d:\d\d von root \(Administrator\)/);

    const audit = await ctlInGerman('audit', '--user', lee);
    expect(audit.code).toBe(0);
    expect(audit.stdout.split('\n')[0]).toMatch(
      /^ZEIT\s+TYP\s+BENUTZER\s+STUFE\s+AKTEUR\s+DETAILS$/,
    );
    // Event types are what an admin searches for: they stay as the protocol names them.
    expect(audit.stdout).toMatch(
      /privilege\.granted\s+\S+\s+Administrator\s+root\s+Grund="Wartungsfenster"/,
    );

    const byName = await ctlInGerman('approve', lee);
    expect(byName.code).not.toBe(0);
    expect(byName.stderr).toBe(
      `elevatectl: "${lee}" ist keine Anfrage-ID (approve und deny erwarten die ID, keinen Benutzernamen). Die wartenden Anfragen und ihre IDs listet 'elevatectl requests'.\n`,
    );
    const bare = await ctlInGerman('grant', lee, '--for', '10');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe(
      'elevatectl: "10" hat keine Einheit: Schreiben Sie 10m für 10 Minuten, 10h für Stunden oder 10s für Sekunden.\n' +
        "Hilfe zum Aufruf: 'elevatectl grant --help'.\n",
    );

    const revoked = await ctlInGerman('revoke', lee);
    expect(revoked.stdout).toBe(`Entzogen: ${lee}: keine befristeten Rechte (Standardbenutzer).\n`);

    const help = await ctlInGerman('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Aufruf: elevatectl BEFEHL \[Optionen\]\n/);
    expect(help.stdout).toContain('Befehle:');
    expect(help.stdout).toContain(
      '  revoke           die befristeten Rechte eines Benutzers jetzt beenden',
    );
  });
});

describe('elevatectl policy check in German', () => {
  it('says what is wrong with the file, and what to do, in German', async () => {
    const check = (file: string) =>
      run(ELEVATECTL, ['policy', 'check', file], undefined, 20_000, { LANG: 'de_DE.UTF-8' });
    const write = (name: string, policy: object): string => {
      const file = join(agent.dir, name);
      writeFileSync(file, JSON.stringify(policy));
      return file;
    };

    const typo = write('typo.json', { version: 1, defaults: { selfServ: true } });
    expect(await check(typo)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `elevatectl: ${typo}: Das Richtlinienfeld defaults.selfServ ist kein bekanntes Feld (ein Tippfehler würde die Richtlinie schwächen): Prüfen Sie die Schreibweise anhand von POLICY.md oder entfernen Sie es.\n`,
    });

    // zod's own reason in German names the allowed values.
    const option = write('option.json', { version: 1, defaults: { cleanupOnEnd: 'delete' } });
    expect((await check(option)).stderr).toBe(
      `elevatectl: ${option}: Das Richtlinienfeld defaults.cleanupOnEnd ist ungültig: Ungültige Option: erwartet eine von "report"|"remove".\n`,
    );

    // The schema's own check, from the catalogue rather than an English message.
    const presets = write('presets.json', { version: 1, rules: [{ reasonPresetsOnly: true }] });
    expect((await check(presets)).stderr).toBe(
      `elevatectl: ${presets}: Das Richtlinienfeld rules.0.reasonPresetsOnly ist ungültig: braucht eine nicht leere Liste reasonPresets: Tragen Sie die wählbaren Gründe ein oder setzen Sie reasonPresetsOnly auf false.\n`,
    );

    // A file the schema cannot see: the approval-code key others can read.
    const keyFile = join(agent.dir, 'approval.key');
    writeFileSync(keyFile, 'x', { mode: 0o644 });
    const codes = write('codes.json', { version: 1, approvalCodes: { keyFile } });
    expect((await check(codes)).stderr).toBe(
      `elevatectl: ${codes}: approvalCodes.keyFile: Die Schlüsseldatei für Freigabecodes ${keyFile} ist für Gruppe oder andere lesbar (Modus 0644): Führen Sie chmod 600 ${keyFile} aus.\n`,
    );

    const secret = join(agent.dir, 'hmac.secret');
    writeFileSync(secret, '', { mode: 0o600 });
    const sink = { name: 'siem', type: 'webhook', url: 'https://h', hmacSecretFile: secret };
    const hook = write('hook.json', { version: 1, forward: [sink] });
    expect((await check(hook)).stderr).toBe(
      `elevatectl: ${hook}: Sink "siem": Die Geheimnisdatei ${secret} ist leer: Schreiben Sie den HMAC-Schlüssel des Webhooks hinein.\n`,
    );

    const missing = join(agent.dir, 'missing.json');
    expect((await check(missing)).stderr).toBe(
      `elevatectl: ${missing}: Die Richtliniendatei ${missing} kann nicht gelesen werden (ENOENT): Prüfen Sie den Pfad und ob root die Datei lesen kann.\n`,
    );

    const good = write('good.json', { version: 1, rules: [{ users: ['sam'] }] });
    expect((await check(good)).stdout).toBe(`${good}: gültige Richtlinie (1 Regel).\n`);
  });
});
