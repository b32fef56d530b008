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
});
