/**
 * Errors that speak the client's language: `agentError` keeps the English sentence as the
 * error's message (logs, audit, clients that name no language) and the way to say it in any
 * catalogue language, which the connection uses when auth.hello named one. Every error the
 * agent sends is made here (test/unit/agent/i18n/error-path.test.ts checks it).
 */
import { catalogue, type Catalogues } from '../shared/i18n/catalogue.js';
import type { Place } from '../shared/i18n/dates.js';
import type { Locale } from '../shared/i18n/locale.js';
import { RpcError } from '../protocol/errors.js';
import { de } from './de.js';
import { en, type AgentMessages } from './en.js';

export type { AgentMessages };
export const AGENT_CATALOGUES: Catalogues<AgentMessages> = { en, de };

export function agentMessages(locale: Locale): AgentMessages {
  return catalogue(AGENT_CATALOGUES, locale);
}

/** The agent's own log speaks English, as agentError's message does: what an admin greps for. */
export const logMessages: AgentMessages = en;

/** What a message says, in the catalogue `m`; `place` writes the times it shows. */
export type Say = (m: AgentMessages, place: Place) => string;

/**
 * An RpcError whose message is `say` in English (times in UTC, as the logs keep them), and in
 * the client's language, locale and time zone on the wire.
 */
export function agentError(code: number, say: Say, data?: unknown): RpcError {
  return new RpcError(code, say(en, {}), data, (locale, place = {}) =>
    say(agentMessages(locale), place),
  );
}
