/**
 * Time sources. Deadlines are wall-clock instants, but the wall clock can be moved; the
 * monotonic clock cannot, and the boot clock (/proc/uptime, Linux) also counts sleep. A grant
 * is due when any of them says so, so a clock moved back never extends a grant.
 */
import { readFileSync } from 'node:fs';

export interface Clock {
  /** Wall clock, ms since the epoch. */
  wall(): number;
  /** Monotonic ms; stops during sleep on Linux. */
  mono(): number;
  /** Ms since boot including sleep, or null where the OS does not expose it. */
  boot(): number | null;
  /** Identifies this boot, so boot-clock deadlines are only trusted on the same boot. */
  bootId(): string | null;
}

export const systemClock: Clock = {
  wall: () => Date.now(),
  mono: () => performance.now(),
  boot: () => {
    try {
      return Math.round(parseFloat(readFileSync('/proc/uptime', 'utf8')) * 1000);
    } catch {
      return null;
    }
  },
  bootId: () => {
    try {
      return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      return null;
    }
  },
};
