import { ParamsSchemas } from '../protocol/schemas.js';
import { cliWords, t } from './locale.js';
import { UsageError } from './usage-error.js';

/** The longest duration the protocol accepts, read from its schema so the two never disagree. */
export const MAX_DURATION_SEC = ParamsSchemas['admin.grant'].shape.durationSec.maxValue ?? Infinity;

const UNIT_SEC: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1 };
const ORDER = ['d', 'h', 'm', 's'];
/** The unit words people type (and the popover writes: "10 min", "1 hour"), by unit letter. */
const UNIT_WORDS: Record<string, string> = Object.fromEntries(
  Object.entries({
    d: ['d', 'day', 'days'],
    h: ['h', 'hr', 'hrs', 'hour', 'hours'],
    m: ['m', 'min', 'mins', 'minute', 'minutes'],
    s: ['s', 'sec', 'secs', 'second', 'seconds'],
  }).flatMap(([unit, words]) => words.map((w) => [w, unit])),
);

/**
 * Reads a duration as people type it: "90s", "10m", "10min", "10 min", "1h30m", "1 h 30 min".
 * A bare number is refused with a hint rather than guessed ("10" meant minutes to the person
 * who typed it, seconds to the old parser). Units must come largest first, each at most once,
 * so "30m1h" is refused rather than guessed. Returns whole seconds; throws UsageError otherwise.
 */
export function parseDuration(text: string, command: string | null = null): number {
  const s = text.trim().toLowerCase();
  const bad = (why: string): UsageError => new UsageError(t.duration.bad(text, why), command);
  if (s === '') throw bad(t.duration.empty);
  if (/^\d+$/.test(s)) throw new UsageError(t.duration.noUnit(text, s), command);
  const parts = [...s.matchAll(/(\d+)\s*([a-z]+)\s*/g)];
  if (parts.map((p) => p[0]).join('') !== s) throw bad(t.duration.shape);
  let total = 0;
  let lastRank = -1;
  for (const [, digits, word] of parts) {
    const unit = UNIT_WORDS[word as string];
    if (unit === undefined) throw bad(t.duration.notUnit(word as string));
    const rank = ORDER.indexOf(unit);
    if (rank <= lastRank) throw bad(t.duration.order);
    lastRank = rank;
    total += Number(digits) * (UNIT_SEC[unit] as number);
  }
  return withinLimits(total, bad);
}

function withinLimits(sec: number, bad: (why: string) => UsageError): number {
  if (sec < 1) throw bad(t.duration.tooShort);
  if (sec > MAX_DURATION_SEC) throw bad(t.duration.tooLong(formatDuration(MAX_DURATION_SEC)));
  return sec;
}

/** A length of time, as the popover writes it: "45 s", "10 min", "1 hour", "1 h 30 min". */
export function formatDuration(totalSec: number): string {
  return cliWords.duration(totalSec);
}

/** Time left, as the tray and popover say it: "10 min left", "1 h 5 min left", "40 s left". */
export function formatTimeLeft(remainingMs: number): string {
  return cliWords.timeLeft(remainingMs);
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
