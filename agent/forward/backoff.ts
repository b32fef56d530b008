/** Retry pacing: exponential backoff with jitter, and a sleep that stop() can cut short. */

export interface RetryOptions {
  /** First retry delay; doubles with every consecutive failure. */
  baseMs: number;
  /** The longest wait between two attempts, also for a receiver's Retry-After. */
  maxMs: number;
}

// A 15 s cap keeps "receiver back → 10,000-event backlog delivered" under 30 s even after a long outage.
export const DEFAULT_RETRY: RetryOptions = { baseMs: 1_000, maxMs: 15_000 };

/**
 * Delay before retry number `failures` (1 = first retry): "equal jitter", half fixed and half
 * random, so that many agents that lost the same receiver do not come back in lockstep.
 */
export function backoffDelay(
  failures: number,
  retry: RetryOptions,
  retryAfterMs?: number,
  random = Math.random,
): number {
  const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** Math.min(failures - 1, 30));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.min(retry.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
