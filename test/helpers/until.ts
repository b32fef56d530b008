/**
 * Polling for what a test waits on (an agent's timer, a stand-in tool, a pushed state) rather
 * than fixed sleeps: it goes on as soon as the thing is there and gives up after a bound.
 */
export interface PollOptions {
  /** How long to keep looking. */
  withinMs?: number;
  /** How long to wait between looks. */
  everyMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reads until `ok` holds of what was read or `withinMs` pass, and returns the last value read
 * either way: the caller asserts on it, so a timeout fails showing what was last seen.
 */
export async function pollUntil<T>(
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  { withinMs = 10_000, everyMs = 100 }: PollOptions = {},
): Promise<T> {
  const end = Date.now() + withinMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await sleep(everyMs);
  }
}

type Falsy = null | undefined | false | 0 | '';

/**
 * Waits until `probe` returns something truthy and returns it; after `withinMs` throws
 * "timed out after N ms waiting for WHAT" (`what` may be a function, to add what was seen by then).
 */
export async function waitFor<T>(
  what: string | (() => string),
  probe: () => Promise<T | Falsy> | T | Falsy,
  { withinMs = 10_000, everyMs = 100 }: PollOptions = {},
): Promise<T> {
  const end = Date.now() + withinMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) {
      const waited = typeof what === 'string' ? what : what();
      throw new Error(`timed out after ${withinMs} ms waiting for ${waited}`);
    }
    await sleep(everyMs);
  }
}
