/**
 * DirectoryLookups: names not in /etc/passwd cost a directory query each; under a flood of new
 * names they are asked together, a few queries a second, and remembered (unknown ones too).
 */
import { describe, expect, it } from 'vitest';
import { DirectoryLookups, type LookupLimits } from '../../../../agent/users/directory-lookups.js';

const LIMITS: LookupLimits = {
  ttlMs: 60_000,
  negativeTtlMs: 10_000,
  maxEntries: 100,
  batchSize: 8,
  minIntervalMs: 40,
  maxQueued: 20,
  perSecond: 1000,
};

/** A directory that knows names starting with "u" and notes every query it answers. */
function directory(): {
  queries: string[][];
  load: (keys: string[]) => Promise<Map<string, string>>;
} {
  const queries: string[][] = [];
  return {
    queries,
    load: async (keys) => {
      queries.push(keys);
      return new Map(keys.filter((k) => k.startsWith('u')).map((k) => [k, `account ${k}`]));
    },
  };
}

describe('DirectoryLookups', () => {
  it('asks for many names in few queries, one at a time and spaced apart', async () => {
    const d = directory();
    const lookups = new DirectoryLookups(d.load, LIMITS);
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => lookups.get(i % 2 ? `u${i}` : `x${i}`)),
    );
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(answers[1]).toBe('account u1');
    expect(answers[0]).toBeNull();
    expect(d.queries.map((q) => q.length)).toEqual([8, 8, 4]);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(2 * LIMITS.minIntervalMs - 5);
  });

  it('remembers answers, unknown names too, and asks once for a name asked twice at once', async () => {
    const d = directory();
    const lookups = new DirectoryLookups(d.load, LIMITS);
    const [a, b] = await Promise.all([lookups.get('u1'), lookups.get('u1')]);
    expect(a).toBe('account u1');
    expect(b).toBe('account u1');
    expect(await lookups.get('nobody')).toBeNull();
    expect(await lookups.get('nobody')).toBeNull();
    expect(await lookups.get('u1')).toBe('account u1');
    expect(d.queries.flat()).toEqual(['u1', 'nobody']);
  });

  it('answers "unknown" at once past its rate or its queue, without asking', async () => {
    const d = directory();
    const lookups = new DirectoryLookups(d.load, { ...LIMITS, perSecond: 5, maxQueued: 3 });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => lookups.get(`u${i}`)));
    expect(answers.filter(Boolean)).toHaveLength(3);
    expect(d.queries.flat()).toEqual(['u0', 'u1', 'u2']);
  });

  it('answers "unknown" when the directory cannot be asked', async () => {
    const lookups = new DirectoryLookups<string>(
      () => Promise.reject(new Error('no getent')),
      LIMITS,
    );
    expect(await lookups.get('u1')).toBeNull();
  });
});
