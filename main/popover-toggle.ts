/**
 * What a tray click does to the popover. The popover hides on 'blur', and a click on the tray
 * icon takes the focus from it before the tray's 'click' arrives (macOS and Windows: the
 * window's blur comes on mouse-down, the tray's click on mouse-up). So a click meant to close
 * the popover finds it already hidden and would open it again: a click that comes right
 * after a blur-hide is the one that caused it, and is ignored.
 */
export type TrayClickOutcome = 'show' | 'hide' | 'ignore';

/** Longer than a deliberate click's press, shorter than clicking away and back. */
export const BLUR_CLICK_WINDOW_MS = 400;

export class PopoverToggle {
  private blurHiddenAt = -Infinity;

  /** The popover hid itself because it lost the focus. */
  hiddenByBlur(now: number): void {
    this.blurHiddenAt = now;
  }

  onTrayClick(visible: boolean, now: number): TrayClickOutcome {
    if (visible) return 'hide';
    return now - this.blurHiddenAt < BLUR_CLICK_WINDOW_MS ? 'ignore' : 'show';
  }
}
