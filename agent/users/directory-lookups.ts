/**
 * Bounds the work an unauthenticated stranger can make the agent do through `auth.hello`: every
 * name not in /etc/passwd is a directory query (a root `getent`; LDAP/sssd behind it). Answers
 * are remembered, unknown names too; names wait to be asked together, one process at a time and
 * a few processes a second (starting a process stalls the agent's event loop for milliseconds
 * on a loaded machine, which under a flood of random names made grants end seconds late); a
 * short queue waits, and past a rate the answer is "unknown" (the same as a wrong proof, so
 * nothing leaks).
 */
export interface LookupLimits {
  /** How long an answer is remembered. */
  ttlMs: number;
  /** How long "no such name" is remembered (shorter: a new directory account logs in soon). */
  negativeTtlMs: number;
  /** At most this many names remembered; the oldest are forgotten first. */
  maxEntries: number;
  /** Names asked in one query at most. */
  batchSize: number;
  /** Queries start at least this far apart. */
  minIntervalMs: number;
  /** Names waiting for a query; beyond, the answer is null at once. */
  maxQueued: number;
  /** New names per second (token bucket; burst of the same size). */
  perSecond: number;
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = {
  ttlMs: 60_000,
  negativeTtlMs: 10_000,
  maxEntries: 4096,
  batchSize: 32,
  minIntervalMs: 250,
  maxQueued: 64,
  perSecond: 20,
};

/** Asks the directory for several keys at once; keys it does not know are left out. */
export type BatchLoad<V> = (keys: string[]) => Promise<Map<string, V>>;

export class DirectoryLookups<V> {
  private readonly cache = new Map<string, { value: Promise<V | null>; until: number }>();
  private readonly queued = new Map<string, (v: V | null) => void>();
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private lastStart = -Infinity;
  private tokens: number;
  private refilledAt = performance.now();

  constructor(
    private readonly load: BatchLoad<V>,
    private readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
  ) {
    this.tokens = limits.perSecond;
  }

  get(key: string): Promise<V | null> {
    const now = performance.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.value;
    this.cache.delete(key);
    if (!this.takeToken(now) || this.queued.size >= this.limits.maxQueued) {
      return Promise.resolve(null);
    }
    const value = new Promise<V | null>((resolve) => this.queued.set(key, resolve));
    const entry = { value, until: Infinity }; // until answered
    this.cache.set(key, entry);
    void value.then((v) => {
      const answered = performance.now();
      entry.until = answered + (v === null ? this.limits.negativeTtlMs : this.limits.ttlMs);
    });
    while (this.cache.size > this.limits.maxEntries) {
      const oldest = this.cache.keys().next().value as string;
      if (this.queued.has(oldest)) break;
      this.cache.delete(oldest);
    }
    this.schedule();
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

  private schedule(): void {
    if (this.running || this.timer || this.queued.size === 0) return;
    const wait = Math.max(0, this.lastStart + this.limits.minIntervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
    this.timer.unref();
  }

  private async flush(): Promise<void> {
    const batch = [...this.queued].slice(0, this.limits.batchSize);
    for (const [key] of batch) this.queued.delete(key);
    this.running = true;
    this.lastStart = performance.now();
    const found = await this.load(batch.map(([key]) => key)).catch(() => new Map<string, V>());
    for (const [key, resolve] of batch) resolve(found.get(key) ?? null);
    this.running = false;
    this.schedule();
  }
}
