/** Words and numbers the tray and notifications show; one place so they read the same everywhere. */
import type { Level } from '../agent/protocol/schemas.js';

export function levelLabel(level: Level): string {
  switch (level) {
    case 'admin':
      return 'Administrator';
    case 'passwordless':
      return 'Passwordless sudo';
    case 'none':
      return 'Standard user';
  }
}

/** "9:41" or "1:02:03": a countdown clock, rounded up so it reads 0:00 only at the end. */
export function formatClock(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "9 min left" / "1 h 5 min left": minute granularity, rounded up (a label that changes once a minute). */
export function formatMinutesLeft(remainingMs: number): string {
  if (remainingMs <= 0) return 'ending now';
  const minutes = Math.ceil(remainingMs / 60_000);
  if (minutes < 60) return `${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h left` : `${h} h ${m} min left`;
}

/** "14:35": a local clock time (the person's locale and zone unless given). */
export function formatClockTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** "10 minutes", "1 hour", "1 h 30 min": a duration from the policy. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return h === 1 ? '1 hour' : `${h} hours`;
  return `${h} h ${m} min`;
}
