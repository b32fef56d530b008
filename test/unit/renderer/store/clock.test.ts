/**
 * The popover's countdown across a sleep: fake timers, where setSystemTime moves the wall
 * clock alone, as a sleep does (performance.now() stands still while the computer sleeps).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyAppState } from '../../../../renderer/src/store/bridge.js';
import { startClock } from '../../../../renderer/src/store/clock.js';
import { initialState, useStore } from '../../../../renderer/src/store/store.js';
import { remainingMs } from '../../../../renderer/src/logic/countdown.js';
import { iso, makeGrant, makeSnapshot, T0 } from '../../../helpers/snapshots.js';

vi.mock('../../../../renderer/src/store/actions.js', () => ({
  // History and the request form are not part of this test.
  refreshHistory: async () => undefined,
  openRequest: () => undefined,
  chooseDuration: () => undefined,
  followOffer: () => undefined,
}));

const shown = (): number | null => {
  const s = useStore.getState();
  const g = s.snapshot?.grant;
  return g ? remainingMs(g, { now: s.snapshot!.now, receivedAt: s.receivedAt }, s.wallNow) : null;
};

describe('popover countdown', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 + 60_000 });
    useStore.setState({ ...initialState });
    stop = startClock();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('shows the time left after a 20-minute sleep and announces the nearest warning', () => {
    applyAppState({
      connection: 'connected',
      snapshot: makeSnapshot({
        seq: 1,
        level: 'admin',
        grant: makeGrant({}, 30 * 60),
        now: iso(T0 + 60_000),
        policy: { ...makeSnapshot().policy, warnBeforeSec: [300, 60] },
      }),
      keychain: 'ok',
      problem: null,
      openAtLogin: false,
      requestDraft: null,
    });
    vi.advanceTimersByTime(1010);
    const seconds = (): number => Math.ceil((shown() ?? 0) / 1000);
    expect(seconds()).toBe(29 * 60 - 1);
    // Sleep: the wall clock jumps 25 minutes, performance.now() does not move.
    const mono = performance.now();
    vi.setSystemTime(Date.now() + 25 * 60_000);
    expect(performance.now()).toBe(mono);
    vi.advanceTimersByTime(1010);
    expect(seconds()).toBe(4 * 60 - 2);
    expect(useStore.getState().announcement.text).toMatch(/5 minutes/);
  });
});
