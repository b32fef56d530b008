import { describe, expect, it } from 'vitest';
import { CLI_CATALOGUES } from '../../../agent/cli/i18n/index.js';
import { catalogueGaps } from '../../../agent/shared/i18n/catalogue.js';

describe('the CLIs’ catalogue', () => {
  it('has every English sentence in German too', () => {
    expect(catalogueGaps(CLI_CATALOGUES)).toEqual([]);
  });

  it('counts extensions and commands by each language’s plural rules', () => {
    const { en, de } = CLI_CATALOGUES;
    expect(en.history.commands(1)).toBe('1 command run with sudo');
    expect(en.history.commands(3)).toBe('3 commands run with sudo');
    expect(de.history.commands(1)).toBe('1 Befehl mit sudo ausgeführt');
    expect(de.history.commands(3)).toBe('3 Befehle mit sudo ausgeführt');
    expect(de.policy.line('Administrator', '1 Stunde', 'sofort gewährt', '', 1)).toBe(
      'Anfragen: Administrator für bis zu 1 Stunde, sofort gewährt; 1 Verlängerung pro Freigabe.',
    );
  });

  it('gives elevate watch its countdown and warning in German with the German level names', () => {
    const { de } = CLI_CATALOGUES;
    expect(de.watch.clock('Administrator', '4:59', '14:05:30')).toBe(
      'Administrator: noch 4:59, bis 14:05:30',
    );
    expect(de.watch.warning(de.rights.admin, '5 min')).toBe(
      "Achtung: Ihre Administratorrechte enden in 5 min. Speichern Sie Ihre Arbeit oder führen Sie 'elevate extend' aus.",
    );
  });
});
