/**
 * The English sentences every client says the same way, for code that speaks only English
 * (logs, and callers that predate the catalogue). In a person's language: clientMessages(locale)
 * from ./i18n/index.js, which has the same sentences under the same keys.
 */
import { en } from './i18n/en.js';

/** The agent cannot be reached: what it means for the person. */
export const AGENT_NOT_RUNNING = en.agentNotRunning;

/** Linux, nothing installed to answer (e.g. the tray-only AppImage on its own). */
export const AGENT_NOT_INSTALLED = en.agentNotInstalled;
