import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../main/ipc/sender-guard.js';

const POPOVER = 'file:///opt/Elevate/resources/app.asar/dist/renderer/index.html';

describe('isTrustedSender', () => {
  it('accepts the popover page in its main frame, with or without a fragment', () => {
    expect(isTrustedSender({ url: POPOVER, isMainFrame: true }, POPOVER)).toBe(true);
    expect(isTrustedSender({ url: `${POPOVER}#details`, isMainFrame: true }, POPOVER)).toBe(true);
  });

  it('refuses everything else (pins the direction: an inverted check would flip each of these)', () => {
    const refused = [
      { url: POPOVER, isMainFrame: false },
      { url: 'https://evil.example/index.html', isMainFrame: true },
      { url: 'file:///tmp/evil/index.html', isMainFrame: true },
      { url: 'file:///opt/Elevate/resources/app.asar/dist/renderer/other.html', isMainFrame: true },
      {
        url: 'file://remote-host/opt/Elevate/resources/app.asar/dist/renderer/index.html',
        isMainFrame: true,
      },
      { url: 'about:blank', isMainFrame: true },
      { url: 'not a url', isMainFrame: true },
    ];
    for (const frame of refused) expect(isTrustedSender(frame, POPOVER), frame.url).toBe(false);
    expect(isTrustedSender(null, POPOVER)).toBe(false);
    expect(isTrustedSender(undefined, POPOVER)).toBe(false);
  });

  it('refuses when the expected URL itself is not a file URL', () => {
    expect(
      isTrustedSender({ url: 'https://a.example/', isMainFrame: true }, 'https://a.example/'),
    ).toBe(false);
  });
});
