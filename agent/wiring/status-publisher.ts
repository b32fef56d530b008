import type { SnapshotBuilder } from '../grants/snapshot-builder.js';
import type { Subscriptions } from '../server/subscriptions.js';

/**
 * One operation, one push, of its final state: a snapshot built mid-operation (a replaced
 * grant between its end and the new one) would carry the operation's seq and make every
 * client drop the real final state (PROTOCOL.md, seq). So snapshots are built only between
 * sections of the core lock, and pushed as each section ends: the lock calls this.
 */
export function statusPublisher(
  subscriptions: Subscriptions,
  snapshots: SnapshotBuilder,
  log: (msg: string) => void,
): (changedUsers: string[]) => Promise<void> {
  return async (changedUsers) => {
    for (const user of changedUsers) {
      if (!subscriptions.hasStatusSubscribers(user)) continue;
      try {
        subscriptions.pushStatus(await snapshots.build(user));
      } catch (err) {
        log(`could not build ${user}'s snapshot: ${String(err)}`);
      }
    }
  };
}
