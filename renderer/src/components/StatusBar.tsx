import { useStore } from '../store/store.js';
import { Countdown } from './Countdown.js';
import { LevelHeading } from './LevelHeading.js';

/**
 * The level and the time left, pinned to the top of the window: a state taller than the
 * window scrolls beneath it, so what the person is and for how long never scrolls away.
 */
export function StatusBar() {
  const known = useStore((s) => s.snapshot !== null);
  if (!known) return null;
  return (
    <div className="status-bar" data-testid="status-bar">
      <LevelHeading />
      <Countdown />
    </div>
  );
}
