/**
 * Who may call the IPC handlers: only the popover's own page, in its main frame. An iframe,
 * a page that navigated elsewhere, or any other window is refused. (desktop/desktop once
 * shipped this check inverted; the unit tests pin both directions.)
 */
export interface SenderFrame {
  url: string;
  /** True for a window's top-level frame (Electron: `frame.parent === null`). */
  isMainFrame: boolean;
}

/** `popoverUrl` is the file:// URL the popover window loads. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  popoverUrl: string,
): boolean {
  if (!frame || !frame.isMainFrame) return false;
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(frame.url);
    expected = new URL(popoverUrl);
  } catch {
    return false;
  }
  // file:// has an opaque origin, so compare scheme, host and the exact file path; the
  // query and fragment are the page's own business.
  return (
    actual.protocol === 'file:' &&
    expected.protocol === 'file:' &&
    actual.host === expected.host &&
    decodeURIComponent(actual.pathname) === decodeURIComponent(expected.pathname)
  );
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`Refused ${channel}: the request did not come from the Elevate window.`);
    this.name = 'UntrustedSenderError';
  }
}
