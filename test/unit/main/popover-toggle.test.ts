/**
 * The tray click against the popover's blur, in the order the OS delivers them. macOS and
 * Windows (Electron 45 docs/api/tray.md 'click', docs/api/browser-window.md 'blur'): pressing
 * the tray icon takes the focus from the popover first ('blur' → hide), then the release
 * delivers the tray's 'click'.
 */
import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', async () => await import('./fake-electron.js'));
import { PopoverToggle } from '../../../main/popover-toggle.js';
import { linuxPopoverPosition, POPOVER_SIZE } from '../../../main/popover-window.js';

describe('PopoverToggle', () => {
  it('a click on the icon while the popover is open closes it and keeps it closed', () => {
    const t = new PopoverToggle();
    let visible = true;
    // mouse-down on the icon: the popover loses the focus and hides itself
    visible = false;
    t.hiddenByBlur(10_000);
    // mouse-up: the tray's click, 120 ms later
    expect(t.onTrayClick(visible, 10_120)).toBe('ignore');
  });

  it('opens on a click when closed, closes on a click when open (no blur between)', () => {
    const t = new PopoverToggle();
    expect(t.onTrayClick(false, 0)).toBe('show');
    expect(t.onTrayClick(true, 5000)).toBe('hide');
  });

  it('a click well after the popover was dismissed by clicking elsewhere opens it again', () => {
    const t = new PopoverToggle();
    t.hiddenByBlur(10_000);
    expect(t.onTrayClick(false, 12_000)).toBe('show');
  });
});

describe('linuxPopoverPosition', () => {
  it('places the popover at the top right of the work area (no tray bounds on Linux)', () => {
    // A top panel of 27 px on a 1920x1080 screen.
    expect(linuxPopoverPosition({ x: 0, y: 27, width: 1920, height: 1053 })).toEqual({
      x: 1920 - POPOVER_SIZE.width - 8,
      y: 35,
    });
    // A second display to the right.
    expect(linuxPopoverPosition({ x: 1920, y: 0, width: 2560, height: 1440 }).x).toBe(
      1920 + 2560 - POPOVER_SIZE.width - 8,
    );
  });
});
