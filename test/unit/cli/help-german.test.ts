/**
 * Both command lines' help, usage and argument errors come from the CLIs' catalogue: German
 * from LANG=de_DE.UTF-8 (flag and command names stay as typed), English otherwise.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Output } from '../../../agent/cli/program.js';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** The CLIs as a person with `lang` in LANG runs them (the locale is read once, at start). */
async function clis(lang: string) {
  for (const v of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE']) vi.stubEnv(v, '');
  vi.stubEnv('LANG', lang);
  vi.resetModules();
  const { runProgram } = await import('../../../agent/cli/program.js');
  const { elevate } = await import('../../../agent/cli/elevate-commands.js');
  const { elevatectl } = await import('../../../agent/cli/ctl-commands.js');
  const { CLI_CATALOGUES } = await import('../../../agent/cli/i18n/index.js');
  const run = async (program: typeof elevate, argv: string[]) => {
    const io = capture();
    const code = await runProgram(program, argv, io);
    return { code, out: io.stdout.join('\n'), err: io.stderr };
  };
  return { run, elevate, elevatectl, CLI_CATALOGUES };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('help and argument errors in German', () => {
  it('lists the commands and options of both programs in German', async () => {
    const { run, elevate, elevatectl } = await clis('de_DE.UTF-8');
    const help = await run(elevate, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Aufruf: elevate BEFEHL \[Optionen\]\n/);
    expect(help.out).toContain('  request       Administratorrechte für eine Weile anfragen');
    expect(help.out).toContain('Optionen für jeden Befehl:');
    expect(help.out).toContain(
      'Exit-Codes: 0 OK, 1 Fehler, 2 falscher Aufruf, 3 nicht berechtigt, 4 Konflikt.',
    );
    expect(help.out).toMatch(/Die Optionen eines Befehls zeigt 'elevate BEFEHL --help'\.$/);

    const grant = await run(elevatectl, ['grant', '--help']);
    expect(grant.out).toMatch(
      /^Aufruf: elevatectl grant BENUTZER --for DAUER \[--level admin\|passwordless\] \[--reason TEXT\] \[--over-cap\]\n\nGibt BENUTZER befristete Rechte/,
    );
    const list = await run(elevatectl, ['code', '--help']);
    expect(list.out).toContain('  code approve     vorgelesenen Anfragecode in einen Freigabecode');
  });

  it('says what is wrong with the command line in German, and where the help is', async () => {
    const { run, elevate, elevatectl } = await clis('de_DE.UTF-8');
    expect((await run(elevatectl, ['frobnicate'])).err).toEqual([
      'elevatectl: unbekannter Befehl "frobnicate".',
      "Hilfe zum Aufruf: 'elevatectl --help'.",
    ]);
    expect((await run(elevatectl, ['policy'])).err[0]).toBe(
      'elevatectl: bei policy fehlt der Unterbefehl (check).',
    );
    expect((await run(elevatectl, [])).err[0]).toBe('elevatectl: es fehlt ein Befehl.');
    expect((await run(elevate, ['request', '10m', '--reson', 'x'])).err).toEqual([
      'elevate: unbekannte Option --reson für request.',
      "Hilfe zum Aufruf: 'elevate request --help'.",
    ]);
    expect((await run(elevate, ['request'])).err[0]).toBe('elevate: bei request fehlt DAUER.');
    expect((await run(elevate, ['request', '10m', '--reason'])).err[0]).toBe(
      'elevate: --reason erwartet einen Wert (TEXT).',
    );
    expect((await run(elevatectl, ['grant', 'sam', '--for', '1m', '--level', 'root'])).err[0]).toBe(
      'elevatectl: --level muss admin oder passwordless sein, nicht "root".',
    );
    expect((await run(elevate, ['history', '--limit', '0'])).err[0]).toBe(
      'elevate: --limit muss eine ganze Zahl von 1 bis 50 sein, nicht "0".',
    );
    expect((await run(elevate, ['status', 'extra'])).err[0]).toBe(
      'elevate: zu viele Argumente für status: "extra".',
    );
    expect((await run(elevatectl, ['grant', 'sam'])).err[0]).toBe(
      'elevatectl: bei grant fehlt --for DAUER (etwa --for 30m).',
    );
    const since = await run(elevatectl, ['audit', '--since', 'gestern']);
    expect(since.code).toBe(2);
    expect(since.err[0]).toBe(
      'elevatectl: --since muss ein Zeitpunkt wie 2026-11-24T10:00:00Z sein, nicht "gestern".',
    );
  });

  it('keeps every help text in both languages, and English where no catalogue fits', async () => {
    const { run, elevatectl, CLI_CATALOGUES } = await clis('fr_FR.UTF-8');
    const help = await run(elevatectl, ['--help']);
    expect(help.out).toMatch(/^Usage: elevatectl COMMAND \[options\]\n/);
    const { en, de } = CLI_CATALOGUES;
    for (const program of ['elevate', 'elevatectl'] as const) {
      for (const [name, entry] of Object.entries(de.help[program])) {
        if (typeof entry === 'string') continue;
        const english = en.help[program][name as keyof (typeof en.help)[typeof program]];
        // The synopsis names the same flags; only placeholders are translated.
        const flags = (s: string) => s.match(/--[a-z-]+/g) ?? [];
        expect(flags(entry.usage), name).toEqual(flags((english as typeof entry).usage));
        expect(entry.summary, name).not.toBe((english as typeof entry).summary);
      }
    }
  });
});
