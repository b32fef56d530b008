import { ParamsSchemas } from '../protocol/schemas.js';
import { UsageError } from './usage-error.js';

/** The longest duration the protocol accepts, read from its schema so the two never disagree. */
export const MAX_DURATION_SEC = ParamsSchemas['admin.grant'].shape.durationSec.maxValue ?? Infinity;

const UNIT_SEC: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1 };
const ORDER = ['d', 'h', 'm', 's'];

/**
 * Reads a duration as people type it: "90s", "10m", "1h30m", "2d", or plain seconds "600".
 * Units must come largest first, each at most once, so "30m1h" is refused rather than guessed.
 * Returns whole seconds; throws UsageError with the reason otherwise.
 */
export function parseDuration(text: string, command: string | null = null): number {
  const s = text.trim().toLowerCase();
  const bad = (why: string): UsageError =>
    new UsageError(
      `"${text}" is not a duration: ${why} (examples: 90s, 10m, 1h30m, 600).`,
      command,
    );
  if (s === '') throw bad('it is empty');
  if (/^\d+$/.test(s)) return withinLimits(Number(s), bad);
  const parts = [...s.matchAll(/(\d+)([a-z]+)/g)];
  if (parts.map((p) => p[0]).join('') !== s)
    throw bad('use whole numbers followed by d, h, m or s');
  let total = 0;
  let lastRank = -1;
  for (const [, digits, unit] of parts) {
    const rank = ORDER.indexOf(unit as string);
    if (rank === -1) throw bad(`"${unit}" is not a unit (d, h, m or s)`);
    if (rank <= lastRank) throw bad('write each unit once, largest first');
    lastRank = rank;
    total += Number(digits) * (UNIT_SEC[unit as string] as number);
  }
  return withinLimits(total, bad);
}

function withinLimits(sec: number, bad: (why: string) => UsageError): number {
  if (sec < 1) throw bad('it must be at least 1 second');
  if (sec > MAX_DURATION_SEC) throw bad(`it is longer than ${formatDuration(MAX_DURATION_SEC)}`);
  return sec;
}

/** A length of time for people: "45 s", "10 min", "1 h 30 min", "2 d 3 h". */
export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  if (sec < 60) return `${sec} s`;
  const d = Math.floor(sec / 86_400);
  const h = Math.floor((sec % 86_400) / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 && m < 10 ? `${m} min ${s} s` : `${m} min`;
}

/**
 * Time left as a table shows it: "9 min left", "1 h 5 min left", "40 s left". Rounded down,
 * so the figure never promises more time than there is.
 */
export function formatTimeLeft(remainingMs: number): string {
  if (remainingMs <= 0) return 'ending';
  const sec = Math.floor(remainingMs / 1000);
  if (sec < 60) return `${sec} s left`;
  const totalMin = Math.floor(sec / 60);
  if (totalMin < 60) return `${totalMin} min left`;
  const h = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  if (h < 24) return m > 0 ? `${h} h ${m} min left` : `${h} h left`;
  const d = Math.floor(h / 24);
  return h % 24 > 0 ? `${d} d ${h % 24} h left` : `${d} d left`;
}

/** A live countdown: "9:05", "1:02:03" (hours:minutes:seconds), rounded up like a kitchen timer. */
export function formatClock(remainingMs: number): string {
  const sec = Math.max(0, Math.ceil(remainingMs / 1000));
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = sec % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
