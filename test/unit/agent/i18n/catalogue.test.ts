import { describe, expect, it } from 'vitest';
import { catalogueGaps } from '../../../../agent/shared/i18n/catalogue.js';
import { AGENT_CATALOGUES, agentError } from '../../../../agent/i18n/index.js';
import { ErrorCode } from '../../../../agent/protocol/errors.js';

describe('the agent’s error catalogue', () => {
  it('has every English message in German too', () => {
    expect(catalogueGaps(AGENT_CATALOGUES)).toEqual([]);
  });

  it('keeps English as the message and words it in the client’s language on request', () => {
    const err = agentError(ErrorCode.NotFound, (m) => m.noSuchUser('sam'));
    expect(err.code).toBe(ErrorCode.NotFound);
    expect(err.message).toBe('There is no user named sam on this computer.');
    expect(err.say?.('de')).toBe('Auf diesem Computer gibt es keinen Benutzer namens sam.');
    expect(err.say?.('en')).toBe(err.message);
  });

  it('words approval-code refusals with the tries left, in both languages', () => {
    const err = agentError(ErrorCode.Forbidden, (m) => m.code.length(1));
    expect(err.message).toBe(
      'An approval code has 10 characters, like ABCDE-FGHJK: check it and type it again; 1 try left.',
    );
    expect(err.say?.('de')).toBe(
      'Ein Freigabecode hat 10 Zeichen, etwa ABCDE-FGHJK: Prüfen Sie ihn und geben Sie ihn erneut ein; 1 Versuch übrig.',
    );
  });
});
