/** The snapshot builder plus the user's last end-of-session summary (`lastSession`). */
import { SnapshotBuilder } from '../grants/snapshot-builder.js';
import type { Snapshot } from '../protocol/schemas.js';
import type { LastSessionStore } from './last-session-store.js';

export class SessionSnapshotBuilder extends SnapshotBuilder {
  private lastSessions: LastSessionStore | null = null;

  /** Set once the store is loaded; snapshots built before carry no summary. */
  withLastSessions(store: LastSessionStore): this {
    this.lastSessions = store;
    return this;
  }

  override async build(user: string): Promise<Snapshot> {
    const snapshot = await super.build(user);
    const last = this.lastSessions?.get(user);
    if (last) snapshot.lastSession = last;
    return snapshot;
  }
}
