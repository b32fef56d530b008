/**
 * How big the popover is: a fixed width, and the height its content asks for (the renderer
 * measures itself and sends it over IPC), kept between a floor and a ceiling that also fits
 * the screen. Electron-free, so the clamping is unit-tested and the e2e rig uses it too.
 */
export const POPOVER_WIDTH = 360;
/** Below this the window is a sliver; no state of the popover is this short. */
export const POPOVER_MIN_HEIGHT = 120;
/**
 * Taller states scroll under the pinned level and countdown. A tray popover that grows
 * toward the whole screen stops reading as a popover.
 */
export const POPOVER_MAX_HEIGHT = 600;
/** Before the renderer's first measurement; never shown, as the window opens on a click later. */
export const POPOVER_INITIAL_HEIGHT = 360;
/** Space kept free between the popover and the screen's edges. */
export const SCREEN_MARGIN = 8;

/**
 * The content height to give the window for what the renderer asked: rounded up to a whole
 * pixel, at least POPOVER_MIN_HEIGHT, at most POPOVER_MAX_HEIGHT and the work area less its
 * margins. Anything that is not a finite number (the renderer is the less trusted side) gets
 * the largest allowed height, where every state can at least scroll.
 */
export function popoverHeight(requested: number, workAreaHeight: number): number {
  const ceiling = Math.max(
    POPOVER_MIN_HEIGHT,
    Math.min(POPOVER_MAX_HEIGHT, Math.floor(workAreaHeight) - 2 * SCREEN_MARGIN),
  );
  if (!Number.isFinite(requested)) return ceiling;
  return Math.min(ceiling, Math.max(POPOVER_MIN_HEIGHT, Math.ceil(requested)));
}
