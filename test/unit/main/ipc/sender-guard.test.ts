import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../main/ipc/sender-guard.js';

const popoverContents = { id: 1 };
const popover = { webContents: popoverContents, mainFrame: { routingId: 5, processId: 9 } };
const fromPopover = { sender: popoverContents, senderFrame: { routingId: 5, processId: 9 } };

describe('isTrustedSender', () => {
  it('accepts the popover WebContents in its main frame, whatever the URL spelling', () => {
    // Chromium spells the page file:///C:/... while the install path was c:\...: identities
    // are compared, so this can no longer refuse every call on such an install.
    expect(
      isTrustedSender(
        { ...fromPopover, url: 'file:///C:/Program%20Files/Elevate/index.html' } as never,
        popover,
      ),
    ).toBe(true);
    expect(isTrustedSender(fromPopover, popover)).toBe(true);
  });

  it('refuses everything else (pins the direction: an inverted check would flip each of these)', () => {
    const refused = [
      { sender: { id: 2 }, senderFrame: { routingId: 5, processId: 9 } }, // another window
      { sender: popoverContents, senderFrame: { routingId: 6, processId: 9 } }, // an iframe
      { sender: popoverContents, senderFrame: { routingId: 5, processId: 10 } }, // other process
      { sender: popoverContents, senderFrame: null },
    ];
    for (const e of refused) expect(isTrustedSender(e, popover)).toBe(false);
    expect(isTrustedSender(null, popover)).toBe(false);
    expect(isTrustedSender(undefined, popover)).toBe(false);
    // The popover window is gone.
    expect(isTrustedSender(fromPopover, null)).toBe(false);
  });
});
