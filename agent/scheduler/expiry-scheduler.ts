/**
 * Fires `onDue(user)` when a grant's deadline passes: an exact timer for the normal case and
 * a 1 s tick while anything is armed, which catches sleep/resume and wall-clock jumps. When
 * nothing is armed there is no timer at all (zero wake-ups when idle).
 */
import type { Clock } from './clock.js';

interface Armed {
  wallDeadline: number;
  monoDeadline: number;
  bootDeadline: { bootId: string; uptimeMs: number } | null;
  timer: NodeJS.Timeout;
  /** onDue was called; the owner now ends the grant (disarm) or arms a retry. */
  fired: boolean;
}

const TICK_MS = 1000;
/** A gap this large between wall and boot/monotonic progress is a clock change, not jitter. */
const JUMP_THRESHOLD_MS = 2000;

export class ExpiryScheduler {
  private readonly armed = new Map<string, Armed>();
  private tick: NodeJS.Timeout | null = null;
  private lastWall = 0;
  private lastRef = 0;

  constructor(
    private readonly clock: Clock,
    private readonly onDue: (user: string) => void,
    private readonly onClockJump: (deltaMs: number) => void,
  ) {}

  /** Arms (or re-arms) the user's deadline. */
  arm(user: string, wallDeadline: number, bootDeadline: Armed['bootDeadline']): void {
    this.disarm(user);
    const monoDeadline = this.monoDeadlineFor(wallDeadline, bootDeadline);
    const delay = Math.max(
      0,
      Math.min(wallDeadline - this.clock.wall(), monoDeadline - this.clock.mono()),
    );
    const timer = setTimeout(() => this.check(user), delay);
    this.armed.set(user, { wallDeadline, monoDeadline, bootDeadline, timer, fired: false });
    this.startTick();
  }

  disarm(user: string): void {
    const a = this.armed.get(user);
    if (!a) return;
    clearTimeout(a.timer);
    this.armed.delete(user);
    if (this.armedCount === 0) this.stopTick();
  }

  isDue(user: string): boolean {
    const a = this.armed.get(user);
    return a ? this.due(a) : false;
  }

  /** The boot-clock deadline to persist with a new grant, so a restart on the same boot keeps it. */
  bootDeadlineFor(wallDeadline: number): Armed['bootDeadline'] {
    const boot = this.clock.boot();
    const bootId = this.clock.bootId();
    if (boot === null || bootId === null) return null;
    return { bootId, uptimeMs: boot + (wallDeadline - this.clock.wall()) };
  }

  /** Deadlines still being waited for (a fired one waits for its owner, not the clock). */
  get armedCount(): number {
    return [...this.armed.values()].filter((a) => !a.fired).length;
  }

  stop(): void {
    for (const user of [...this.armed.keys()]) this.disarm(user);
  }

  private monoDeadlineFor(wallDeadline: number, bootDeadline: Armed['bootDeadline']): number {
    let mono = this.clock.mono() + (wallDeadline - this.clock.wall());
    const boot = this.clock.boot();
    if (bootDeadline && boot !== null && bootDeadline.bootId === this.clock.bootId()) {
      mono = Math.min(mono, this.clock.mono() + (bootDeadline.uptimeMs - boot));
    }
    return mono;
  }

  private due(a: Armed): boolean {
    if (this.clock.wall() >= a.wallDeadline || this.clock.mono() >= a.monoDeadline) return true;
    const boot = this.clock.boot();
    return (
      !!a.bootDeadline &&
      boot !== null &&
      boot >= a.bootDeadline.uptimeMs &&
      a.bootDeadline.bootId === this.clock.bootId()
    );
  }

  private check(user: string): void {
    const a = this.armed.get(user);
    if (!a) return;
    if (a.fired) return;
    if (this.due(a)) {
      // Stay armed (isDue keeps answering true) until the owner ends the grant or re-arms.
      clearTimeout(a.timer);
      a.fired = true;
      if (this.armedCount === 0) this.stopTick();
      this.onDue(user);
      return;
    }
    // Timers can fire a hair early relative to the wall clock; look again at the deadline.
    clearTimeout(a.timer);
    const delay = Math.max(
      1,
      Math.min(a.wallDeadline - this.clock.wall(), a.monoDeadline - this.clock.mono()),
    );
    a.timer = setTimeout(() => this.check(user), delay);
  }

  private startTick(): void {
    if (this.tick) return;
    this.lastWall = this.clock.wall();
    this.lastRef = this.refClock();
    this.tick = setInterval(() => this.onTick(), TICK_MS);
  }

  private stopTick(): void {
    if (this.tick) clearInterval(this.tick);
    this.tick = null;
  }

  /** Boot clock where available (counts sleep, so resume is not mistaken for a jump). */
  private refClock(): number {
    return this.clock.boot() ?? this.clock.mono();
  }

  private onTick(): void {
    const wall = this.clock.wall();
    const ref = this.refClock();
    const drift = wall - this.lastWall - (ref - this.lastRef);
    this.lastWall = wall;
    this.lastRef = ref;
    if (Math.abs(drift) >= JUMP_THRESHOLD_MS) this.onClockJump(drift);
    for (const user of [...this.armed.keys()]) this.check(user);
  }
}
