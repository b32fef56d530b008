import { describe, expect, it } from 'vitest';
import { CLIENT_CATALOGUES, clientMessages } from '../../../../agent/client/i18n/index.js';
import { AGENT_NOT_INSTALLED, AGENT_NOT_RUNNING } from '../../../../agent/client/messages.js';
import { cliMessages } from '../../../../agent/cli/i18n/index.js';
import { catalogueGaps } from '../../../../agent/shared/i18n/catalogue.js';

describe("the clients' shared catalogue", () => {
  it('has every English sentence in German, and nothing more', () => {
    expect(catalogueGaps(CLIENT_CATALOGUES)).toEqual([]);
  });

  it('keeps the English constants the CLIs and older callers import', () => {
    expect(AGENT_NOT_RUNNING).toBe(clientMessages('en').agentNotRunning);
    expect(AGENT_NOT_INSTALLED).toBe(clientMessages('en').agentNotInstalled);
  });

  it('says "the agent is not running" in the same words in the tray and the CLIs', () => {
    for (const locale of ['en', 'de'] as const) {
      expect(cliMessages(locale).watch.agentGone).toBe(clientMessages(locale).agentNotRunning);
    }
  });

  it('speaks German with the next step kept', () => {
    expect(clientMessages('de').agentNotInstalled).toBe(
      'Auf diesem Computer ist kein Elevate-Dienst installiert, daher kann Elevate Ihnen keine Rechte geben: Bitten Sie die IT, das Paket elevate-agent zu installieren.',
    );
  });
});
