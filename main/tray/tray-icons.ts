/** The icon file (relative to assets/) for each tray state, per OS (scripts/generate-icons.ts draws them). */
import type { TrayIconState, TrayOs } from './tray-model.js';

export function trayIconFile(os: TrayOs, state: TrayIconState, ringFrame: number | null): string {
  switch (os) {
    case 'darwin':
      // Template images: black + alpha, tinted by macOS for light/dark menu bars; @2x is picked up by name.
      return `tray/mac/${state}Template.png`;
    case 'win32':
      return ringFrame !== null
        ? `tray/win/ring-${String(ringFrame).padStart(2, '0')}.png`
        : `tray/win/${state}.png`;
    case 'linux':
      // The Windows ring at 32 px, the size of the Linux state icons.
      return ringFrame !== null
        ? `tray/win/ring-${String(ringFrame).padStart(2, '0')}@2x.png`
        : `tray/linux/${state}.png`;
  }
}
