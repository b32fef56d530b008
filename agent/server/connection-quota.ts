/**
 * Counts connections per peer uid so that no account can fill the agent's slots: a few thousand
 * idle connections from one user must not keep root's elevatectl or another user's tray out.
 * Root is never counted or refused. A peer the OS does not name shares the overall cap only.
 */
import { agentMessages } from '../i18n/index.js';
import { CONNECTIONS_NON_ROOT, CONNECTIONS_PER_UID, UNAUTHENTICATED_PER_UID } from './limits.js';
import type { PeerCredentials } from './peer-credentials.js';

export class ConnectionQuota {
  private readonly open = new Map<number, number>();
  private readonly unauthenticated = new Map<number, number>();
  private nonRoot = 0;

  /**
   * Counts a new connection in, or says in one sentence why it is refused: in English, as
   * nothing is known yet of the client's language (it has not sent auth.hello).
   */
  admit(peer: PeerCredentials | null): string | null {
    const say = agentMessages('en').quota;
    if (peer?.uid === 0) return null;
    if (this.nonRoot >= CONNECTIONS_NON_ROOT) {
      return say.agentBusy;
    }
    if (peer) {
      if ((this.open.get(peer.uid) ?? 0) >= CONNECTIONS_PER_UID) {
        return say.tooManyOpen;
      }
      if ((this.unauthenticated.get(peer.uid) ?? 0) >= UNAUTHENTICATED_PER_UID) {
        return say.tooManyWaiting;
      }
      add(this.open, peer.uid, 1);
      add(this.unauthenticated, peer.uid, 1);
    }
    this.nonRoot += 1;
    return null;
  }

  authenticated(peer: PeerCredentials | null): void {
    if (peer && peer.uid !== 0) add(this.unauthenticated, peer.uid, -1);
  }

  release(peer: PeerCredentials | null, wasAuthenticated: boolean): void {
    if (peer?.uid === 0) return;
    this.nonRoot -= 1;
    if (!peer) return;
    add(this.open, peer.uid, -1);
    if (!wasAuthenticated) add(this.unauthenticated, peer.uid, -1);
  }
}

function add(map: Map<number, number>, uid: number, delta: number): void {
  const n = (map.get(uid) ?? 0) + delta;
  if (n <= 0) map.delete(uid);
  else map.set(uid, n);
}
