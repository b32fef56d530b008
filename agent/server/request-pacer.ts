/**
 * How fast one account's requests are handled, across all its connections: past a rate they
 * wait (they are never refused), so a flood from one account costs the agent a bounded share of
 * its time and the rest stays free for other users and for ending grants on time. Requests
 * before authentication (each `auth.hello` can mean a cookie file or a directory query) have a
 * lower rate. Root is never paced; a peer the OS does not name is not either (there is no one
 * to charge it to).
 */
import {
  AUTHENTICATED_BURST,
  AUTHENTICATED_PER_SECOND,
  UNAUTHENTICATED_BURST,
  UNAUTHENTICATED_PER_SECOND,
} from './limits.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept before full ones (idle accounts) are forgotten. */
const MAX_BUCKETS = 1024;

export class RequestPacer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Milliseconds to wait before handling `uid`'s next request (its turn is taken now). */
  delayFor(uid: number | null, authenticated: boolean): number {
    if (uid === null || uid === 0) return 0;
    const [perSecond, burst] = authenticated
      ? [AUTHENTICATED_PER_SECOND, AUTHENTICATED_BURST]
      : [UNAUTHENTICATED_PER_SECOND, UNAUTHENTICATED_BURST];
    const now = this.now();
    const key = `${authenticated ? 'a' : 'u'}${uid}`;
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond) - 1;
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > MAX_BUCKETS) this.forgetFull(now);
    return b.tokens >= 0 ? 0 : (-b.tokens / perSecond) * 1000;
  }

  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      const perSecond = key.startsWith('a') ? AUTHENTICATED_PER_SECOND : UNAUTHENTICATED_PER_SECOND;
      const burst = key.startsWith('a') ? AUTHENTICATED_BURST : UNAUTHENTICATED_BURST;
      if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.buckets.delete(key);
    }
  }
}
