/**
 * The popover's window and ring, measured in Chromium: the window takes its content's height
 * (up to main's maximum, main/popover-size.ts), a taller state scrolls under the pinned level
 * and countdown, and times of an hour or more stay inside the ring.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { POPOVER_MAX_HEIGHT } from '../../main/popover-size.js';
import { windowAndContent, windowFitted } from './support/popover-page.js';
import { rig, USER } from './support/rig.js';
import { useRigs, withoutSecretService } from './support/hooks.js';

/** Whether the element is wholly inside the window as it is scrolled now. */
async function inView(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

/**
 * How far the countdown's text reaches past the inside edge of the ring, in px (0 or less:
 * inside). Each corner of the text's box is measured from the ring's centre.
 */
async function overflowPastRing(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ring = document.querySelector('.ring')!.getBoundingClientRect();
    const track = document.querySelector('.ring-track')!;
    // The inside edge: the circle's radius less half the stroke, in the SVG's scale.
    const scale = ring.width / 120;
    const inner =
      (Number(track.getAttribute('r')) - parseFloat(getComputedStyle(track).strokeWidth) / 2) *
      scale;
    const cx = ring.left + ring.width / 2;
    const cy = ring.top + ring.height / 2;
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('[data-testid="countdown"]')!);
    const t = range.getBoundingClientRect();
    const corners = [
      [t.left, t.top],
      [t.right, t.top],
      [t.left, t.bottom],
      [t.right, t.bottom],
    ];
    return Math.max(...corners.map(([x, y]) => Math.hypot(x! - cx, y! - cy) - inner));
  });
}

useRigs();

// No Secret Service: keytar fails at once instead of waiting for a keyring (the keychain
// notice is part of the tall state below).
withoutSecretService();

describe('popover window size', () => {
  it('takes its content height, and scrolls a taller state under the pinned level and countdown', async () => {
    const r = await rig('win32', { selfServe: true, approvalRequired: false });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    await windowFitted(page);
    // Short: no empty space under the content.
    const short = await windowAndContent(page);
    expect(short.window).toBe(Math.ceil(short.content));
    expect(short.window).toBeLessThan(POPOVER_MAX_HEIGHT);

    // Tall: a grant with the Windows log-out hint, and the request form open.
    await r.admin.call('admin.grant', { user: USER, level: 'admin', durationSec: 1800 });
    await expect.poll(() => page.getByTestId('logout-hint').count()).toBe(1);
    await page.getByRole('button', { name: 'Request more time' }).click();
    await windowFitted(page);
    const tall = await windowAndContent(page);
    expect(tall.content).toBeGreaterThan(POPOVER_MAX_HEIGHT);
    expect(tall.window).toBe(POPOVER_MAX_HEIGHT);
    await r.popover.shoot('tall-state-top');

    // Scrolled to the very end: the footer is reachable and the status is still in view.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => inView(page, page.getByText('Open Elevate at login'))).toBe(true);
    expect(await inView(page, page.getByTestId('level'))).toBe(true);
    expect(await inView(page, page.getByTestId('countdown'))).toBe(true);
    await r.popover.shoot('tall-state-scrolled');
  });
});

describe('countdown ring', () => {
  it('fits "1:00:00" and "3:53:20" inside the ring', async () => {
    const r = await rig('linux', {
      selfServe: true,
      approvalRequired: false,
      maxDurationSec: 14_400,
    });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    // Date.now() stands still in the page, so the countdown shows the grant's whole length.
    await page.clock.setFixedTime(Date.now());

    await r.admin.call('admin.grant', { user: USER, level: 'admin', durationSec: 3600 });
    await expect.poll(() => page.getByTestId('countdown').innerText()).toBe('1:00:00');
    expect(await overflowPastRing(page)).toBeLessThanOrEqual(0);

    await r.admin.call('admin.revoke', { user: USER });
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');
    await r.admin.call('admin.grant', { user: USER, level: 'admin', durationSec: 14_000 });
    await expect.poll(() => page.getByTestId('countdown').innerText()).toBe('3:53:20');
    expect(await overflowPastRing(page)).toBeLessThanOrEqual(0);
    await r.popover.shoot('hours-in-ring');
  });
});
