import { useStore } from '../store/store.js';

/** The one aria-live region: state changes and warning points, never the ticking seconds. */
export function Announcer() {
  const announcement = useStore((s) => s.announcement);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="announcer"
    >
      {/* keyed so a repeated sentence is a new node and is read again */}
      <span key={announcement.n}>{announcement.text}</span>
    </div>
  );
}
