/**
 * Errors that speak the client's language: `agentError` keeps the English sentence as the
 * error's message (logs, audit, clients that name no language) and the way to say it in any
 * catalogue language, which the connection uses when auth.hello named one.
 */
import { catalogue, type Catalogues } from '../shared/i18n/catalogue.js';
import type { Locale } from '../shared/i18n/locale.js';
import { RpcError } from '../protocol/errors.js';
import { de } from './de.js';
import { en, type AgentMessages } from './en.js';

export type { AgentMessages };
export const AGENT_CATALOGUES: Catalogues<AgentMessages> = { en, de };

export function agentMessages(locale: Locale): AgentMessages {
  return catalogue(AGENT_CATALOGUES, locale);
}

/** An RpcError whose message is `say` in English, and in the client's language on the wire. */
export function agentError(
  code: number,
  say: (m: AgentMessages) => string,
  data?: unknown,
): RpcError {
  return new RpcError(code, say(en), data, (locale) => say(agentMessages(locale)));
}
