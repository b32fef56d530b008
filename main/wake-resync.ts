/**
 * After a sleep or a screen unlock, ask the agent for the state again and redraw at once: a push
 * may have been lost with a socket the sleep broke, and the reconnect back-off may be waiting.
 * Electron 45, docs/api/power-monitor.md: 'resume' on every OS (on Linux it comes from logind's
 * PrepareForSleep and is known to be missed, electron/electron#42050, hence 'unlock-screen' as
 * well); 'unlock-screen' on macOS and Windows; 'user-did-become-active' on macOS (fast user
 * switching back to this session).
 */
import type { PowerMonitor } from 'electron';

export const WAKE_EVENTS = ['resume', 'unlock-screen', 'user-did-become-active'] as const;
export type WakeEvent = (typeof WAKE_EVENTS)[number];

export function setupWakeResync(
  powerMonitor: Pick<PowerMonitor, 'on'>,
  onWake: (why: WakeEvent) => void,
): void {
  for (const event of WAKE_EVENTS) {
    (powerMonitor.on as (e: string, l: () => void) => unknown)(event, () => onWake(event));
  }
}
