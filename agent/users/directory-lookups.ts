/**
 * Bounds the work an unauthenticated stranger can make the agent do through `auth.hello`: every
 * name not in /etc/passwd is a root `getent` (a directory query on LDAP/sssd machines). Answers
 * are remembered, unknown names too; at most a few run at once, a short queue waits, and past
 * a rate the answer is "unknown" (the same as a wrong proof, so nothing leaks).
 */
export interface LookupLimits {
  /** How long an answer is remembered. */
  ttlMs: number;
  /** How long "no such name" is remembered (shorter: a new directory account logs in soon). */
  negativeTtlMs: number;
  /** At most this many names remembered; the oldest are forgotten first. */
  maxEntries: number;
  /** Lookups running at once. */
  concurrency: number;
  /** Lookups waiting for a turn; beyond, the answer is null at once. */
  maxQueued: number;
  /** New lookups per second (token bucket; burst of the same size). */
  perSecond: number;
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = {
  ttlMs: 60_000,
  negativeTtlMs: 10_000,
  maxEntries: 4096,
  concurrency: 4,
  maxQueued: 64,
  perSecond: 20,
};

export class DirectoryLookups<V> {
  private readonly cache = new Map<string, { value: Promise<V | null>; until: number }>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private tokens: number;
  private refilledAt = performance.now();

  constructor(
    private readonly load: (key: string) => Promise<V | null>,
    private readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
  ) {
    this.tokens = limits.perSecond;
  }

  get(key: string): Promise<V | null> {
    const now = performance.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.value;
    this.cache.delete(key);
    if (!this.takeToken(now) || this.waiting.length >= this.limits.maxQueued) {
      return Promise.resolve(null);
    }
    const value = this.run(key);
    const entry = { value, until: now + this.limits.ttlMs };
    this.cache.set(key, entry);
    void value.then((v) => {
      if (v === null) entry.until = Math.min(entry.until, now + this.limits.negativeTtlMs);
    });
    while (this.cache.size > this.limits.maxEntries) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    return value;
  }

  private takeToken(now: number): boolean {
    const { perSecond } = this.limits;
    this.tokens = Math.min(perSecond, this.tokens + ((now - this.refilledAt) / 1000) * perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private async run(key: string): Promise<V | null> {
    if (this.running >= this.limits.concurrency) {
      await new Promise<void>((r) => this.waiting.push(r));
    }
    this.running += 1;
    try {
      return await this.load(key).catch(() => null);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}
