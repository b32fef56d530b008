/**
 * Keeps the window as tall as the popover's content: a ResizeObserver on the content sends its
 * height to main whenever it changes (main clamps it to the screen, main/popover-size.ts). The
 * content is measured, not the document, which is never shorter than the window it sits in.
 */
import type { ElevateApi } from '../../../preload/api.js';

export function fitWindowToContent(
  content: HTMLElement,
  api: Pick<ElevateApi, 'fitContent'>,
): () => void {
  let sent = -1;
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    // A refused or failed resize leaves the window as it was, where the content still scrolls.
    api.fitContent({ height }).catch(() => undefined);
  });
  observer.observe(content);
  return () => observer.disconnect();
}
