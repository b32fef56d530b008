/** RequestPacer: one account's requests past its rate wait their turn; root and others do not. */
import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATED_BURST,
  AUTHENTICATED_PER_SECOND,
  UNAUTHENTICATED_BURST,
  UNAUTHENTICATED_PER_SECOND,
} from '../../../../agent/server/limits.js';
import { RequestPacer } from '../../../../agent/server/request-pacer.js';

function pacer(): { p: RequestPacer; advance: (ms: number) => void } {
  let now = 1000;
  return { p: new RequestPacer(() => now), advance: (ms) => (now += ms) };
}

describe('RequestPacer', () => {
  it('lets a burst through, then spaces one account’s requests at its rate', () => {
    const { p, advance } = pacer();
    for (let i = 0; i < UNAUTHENTICATED_BURST; i++) expect(p.delayFor(1001, false)).toBe(0);
    const step = 1000 / UNAUTHENTICATED_PER_SECOND;
    expect(p.delayFor(1001, false)).toBeCloseTo(step);
    expect(p.delayFor(1001, false)).toBeCloseTo(2 * step);
    advance(2 * step);
    expect(p.delayFor(1001, false)).toBeCloseTo(step);
  });

  it('charges each account alone, and never root or a peer the OS does not name', () => {
    const { p } = pacer();
    for (let i = 0; i < UNAUTHENTICATED_BURST * 3; i++) p.delayFor(1001, false);
    expect(p.delayFor(1002, false)).toBe(0);
    for (let i = 0; i < 10_000; i++) {
      expect(p.delayFor(0, false)).toBe(0);
      expect(p.delayFor(null, true)).toBe(0);
    }
  });

  it('gives authenticated requests their own, larger allowance', () => {
    const { p } = pacer();
    for (let i = 0; i < UNAUTHENTICATED_BURST * 3; i++) p.delayFor(1001, false);
    for (let i = 0; i < AUTHENTICATED_BURST; i++) expect(p.delayFor(1001, true)).toBe(0);
    expect(p.delayFor(1001, true)).toBeCloseTo(1000 / AUTHENTICATED_PER_SECOND);
  });

  it('forgets idle accounts, so a stream of new uids cannot grow it', () => {
    const { p, advance } = pacer();
    for (let uid = 1; uid <= 5000; uid++) {
      p.delayFor(uid, false);
      advance(1000);
    }
    expect((p as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(
      1025,
    );
  });
});
