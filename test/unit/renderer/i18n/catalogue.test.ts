import { describe, expect, it } from 'vitest';
import { catalogueGaps, keyPaths } from '../../../../agent/shared/i18n/catalogue.js';
import { POPOVER_CATALOGUES, messagesFor } from '../../../../renderer/src/i18n/index.js';

describe('popover catalogue', () => {
  it('has every English key in German, and nothing more', () => {
    expect(catalogueGaps(POPOVER_CATALOGUES)).toEqual([]);
    expect(keyPaths(POPOVER_CATALOGUES.en).length).toBeGreaterThan(20);
  });

  it('speaks German when main chose German', () => {
    const de = messagesFor('de');
    expect(de.secureStore.title('win32')).toBe(
      'Die Windows-Anmeldeinformationsverwaltung ist nicht verfügbar',
    );
    expect(de.usage.commands(1)).toBe('1 Befehl mit sudo ausgeführt');
    expect(messagesFor('en').usage.commands(2)).toBe('2 commands run with sudo');
  });
});
