/** The countdown clock the tray shows; its words live in the catalogue (main/i18n). */

/** "9:41" or "1:02:03": a countdown clock, rounded up so it reads 0:00 only at the end. */
export function formatClock(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
