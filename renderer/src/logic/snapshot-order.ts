/** Which pushed snapshot the popover keeps: the newer one by `seq`, per PROTOCOL.md. */
import type { Snapshot } from '../../../agent/protocol/schemas.js';

/**
 * True when `incoming` should replace `current`. After a reconnect (a new connection to a
 * possibly restarted agent) the first snapshot is taken as it is, since ordering only holds
 * within one connection; a different user's snapshot is likewise never compared.
 */
export function isNewerSnapshot(
  current: Snapshot | null,
  incoming: Snapshot | null,
  reconnected: boolean,
): boolean {
  if (!incoming) return false;
  if (!current || reconnected || current.user !== incoming.user) return true;
  return incoming.seq > current.seq;
}
