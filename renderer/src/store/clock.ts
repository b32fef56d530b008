/**
 * The one timer behind the countdown. It runs only while a grant is active and the agent is
 * connected, fires on each whole-second boundary of the remaining time, and announces the
 * policy's warning points when they are crossed (the nearest one, once, after a sleep).
 */
import { crossedWarning, msToNextSecond, remainingMs } from '../logic/countdown.js';
import { secondsLeft } from '../logic/format.js';
import { warningAnnouncement } from '../logic/announce.js';
import { announce, useStore, type PopoverState } from './store.js';
import { text } from '../i18n/index.js';

let timer: ReturnType<typeof setTimeout> | null = null;
let lastSec: number | null = null;
let anchor: { grantId: string; receivedAt: number } | null = null;

function remainingNow(s: PopoverState, wallNow: number): number | null {
  const grant = s.snapshot?.grant;
  if (!grant || s.connection !== 'connected' || !s.snapshot) return null;
  return remainingMs(grant, { now: s.snapshot.now, receivedAt: s.receivedAt }, wallNow);
}

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const s = useStore.getState();
  const remaining = remainingNow(s, Date.now());
  if (remaining === null || remaining <= 0) return;
  // A few ms past the boundary so the rounded-up second has really changed.
  timer = setTimeout(tick, msToNextSecond(remaining) + 5);
}

function tick(): void {
  timer = null;
  const wallNow = Date.now();
  const s = useStore.getState();
  const remaining = remainingNow(s, wallNow);
  if (remaining === null) return;
  const sec = secondsLeft(remaining);
  if (lastSec !== null && s.snapshot) {
    const point = crossedWarning(lastSec, sec, s.snapshot.policy.warnBeforeSec);
    if (point !== null) announce(warningAnnouncement(point, text()));
  }
  lastSec = sec;
  useStore.setState({ wallNow });
  schedule();
}

/** Watches the store and keeps exactly one timer alive while it is needed. */
export function startClock(): () => void {
  const unsubscribe = useStore.subscribe((s, prev) => {
    const grantId = s.snapshot?.grant?.id ?? null;
    const changed =
      s.receivedAt !== prev.receivedAt || s.connection !== prev.connection || grantId === null;
    if (!changed) return;
    if (grantId === null || s.connection !== 'connected') {
      if (timer) clearTimeout(timer);
      timer = null;
      lastSec = null;
      anchor = null;
      return;
    }
    const remaining = remainingNow(s, Date.now());
    // A new grant starts its warnings afresh; a snapshot of the same grant keeps the last
    // reading so a warning point passed between pushes is still announced once.
    if (anchor?.grantId !== grantId) lastSec = remaining === null ? null : secondsLeft(remaining);
    anchor = { grantId, receivedAt: s.receivedAt };
    schedule();
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
