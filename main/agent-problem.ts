/**
 * The one sentence the person reads about the tray's link to the agent, in the language main
 * chose (main/locale.ts): a different release, or why the agent cannot be reached. The cause in
 * the OS's own words (an errno, a timeout) goes to the log, never here.
 */
import { AgentNoAnswerError } from '../agent/client/agent-client.js';
import { clientMessages } from '../agent/client/i18n/index.js';
import { RpcError } from '../agent/protocol/errors.js';
import type { Locale } from '../agent/shared/i18n/locale.js';
import type { AgentTrouble } from '../preload/api.js';
import { mainMessages } from './i18n/index.js';

/**
 * One plain sentence when the agent comes from a different release than this app (null when
 * they match). Both are built from the same source, so within one release they always agree.
 */
export function versionMismatch(
  agentVersion: string | null,
  appVersion: string,
  language: Locale = 'en',
): string | null {
  if (agentVersion === appVersion) return null;
  return mainMessages(language).agent.versionMismatch(appVersion, agentVersion);
}

/** What it means for the person that the agent cannot be reached, and what to do. */
export function unreachableProblem(trouble: AgentTrouble, err: unknown, language: Locale): string {
  const client = clientMessages(language);
  if (trouble === 'not-running') return client.agentNotRunning;
  if (trouble === 'not-installed') return client.agentNotInstalled;
  // The agent answered and refused us: its own sentence, worded in the language hello named.
  if (err instanceof RpcError) return mainMessages(language).agent.refused(err.message);
  if (err instanceof AgentNoAnswerError) return client.noAnswer;
  return mainMessages(language).agent.failed;
}
