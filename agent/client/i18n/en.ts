/**
 * What every client of the agent says the same way (the popover, the tray, notifications and
 * both CLIs) when the agent itself cannot answer, in English: the source of truth. The CLIs and
 * the tray read this one catalogue, so a person meets one sentence wherever they look.
 */
export const en = {
  /** The agent cannot be reached: what it means for the person. */
  agentNotRunning:
    'The Elevate agent is not running, so your rights cannot be shown or changed right now.',
  /** Linux, nothing installed to answer (e.g. the tray-only AppImage on its own). */
  agentNotInstalled:
    'No Elevate agent is installed on this computer, so Elevate cannot give you rights: ask IT to install the elevate-agent package.',
  /** A call the agent took but did not answer (a hung agent, or a polkit dialog left open). */
  noAnswer: 'The Elevate agent did not answer in time, so nothing changed: try again.',
  /** The agent went away while a call was waiting for its answer. */
  closed:
    'The Elevate agent stopped before it answered, so nothing may have changed: check your rights, then try again.',
  /** auth.hello's cookie is not readable by the caller: they are not the account they named. */
  cookieUnreadable: (user: string, code: string) =>
    `Cannot read the authentication cookie for ${user}: ${code}. Elevate acts only for the account you are signed in as.`,
};

export type ClientMessages = typeof en;
