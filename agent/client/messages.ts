/** Sentences every client says the same way (the popover, notifications and the CLIs). */

/** The agent cannot be reached: what it means for the person. */
export const AGENT_NOT_RUNNING =
  'The Elevate agent is not running, so your rights cannot be shown or changed right now.';

/** Linux, nothing installed to answer (e.g. the tray-only AppImage on its own). */
export const AGENT_NOT_INSTALLED =
  'No Elevate agent is installed on this computer, so Elevate cannot give you rights: ask IT to install the elevate-agent package.';
