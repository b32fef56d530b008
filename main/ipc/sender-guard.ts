/**
 * Who may call the IPC handlers: only the popover's own WebContents, in its main frame. An
 * iframe, another window, or a page from elsewhere is refused. The check compares identities
 * (the event's sender and frame against the popover's), not URL strings: Chromium rewrites
 * file URLs (a Windows drive letter is upper-cased, characters are escaped), so a URL check
 * would refuse every call from an install path it spells differently. A popover that
 * navigated away cannot call either: it is kept from navigating (popover-window.ts), and its
 * frame would change. (desktop/desktop once shipped this check inverted; the unit tests pin
 * both directions.)
 */
export interface FrameId {
  routingId: number;
  processId: number;
}

/** The parts of IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  sender: unknown;
  senderFrame: FrameId | null | undefined;
}

/** The popover window's WebContents and its main frame, or null when it is gone. */
export interface TrustedPopover {
  webContents: unknown;
  mainFrame: FrameId;
}

export function isTrustedSender(
  event: SenderEvent | null | undefined,
  popover: TrustedPopover | null,
): boolean {
  if (!event || !popover) return false;
  const frame = event.senderFrame;
  return (
    event.sender === popover.webContents &&
    !!frame &&
    frame.routingId === popover.mainFrame.routingId &&
    frame.processId === popover.mainFrame.processId
  );
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the request did not come from the Elevate window.`);
    this.name = 'UntrustedSenderError';
  }
}
