/**
 * What one client may hold of the agent (docs/threat-model.md, "another local user"). Every
 * per-connection buffer is bounded by these, so no client can grow the agent's memory or keep
 * others out; root is never counted, so an admin always gets in.
 */

/** Stop reading and answering a connection while this much of its output is unsent. */
export const OUTPUT_HIGH_BYTES = 1 << 20;
/** A connection whose unsent output passes this (pushes pile up on top of answers) is closed. */
export const OUTPUT_DROP_BYTES = 4 << 20;
/** Stop reading a connection while this much of its input waits to be handled. */
export const INPUT_HIGH_BYTES = 256 << 10;
/** ... or this many requests. */
export const INPUT_HIGH_LINES = 256;
/** An unauthenticated connection is closed after this long. */
export const UNAUTHENTICATED_DEADLINE_MS = 5_000;
/** auth.hello calls one connection may make (each creates a cookie file). */
export const HELLOS_PER_CONNECTION = 4;
/** Connections one uid may hold open (root: no limit). */
export const CONNECTIONS_PER_UID = 64;
/** Of which not yet authenticated. */
export const UNAUTHENTICATED_PER_UID = 16;
/** Connections all non-root peers together may hold: the rest of the agent's files are root's. */
export const CONNECTIONS_NON_ROOT = 1024;
/** Requests one non-root account may have handled per second before authenticating... */
export const UNAUTHENTICATED_PER_SECOND = 50;
export const UNAUTHENTICATED_BURST = 50;
/** ... and after (a tray makes a few a minute; status floods wait, they are not refused). */
export const AUTHENTICATED_PER_SECOND = 200;
export const AUTHENTICATED_BURST = 400;
