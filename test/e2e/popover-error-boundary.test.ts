/**
 * A render error in the real popover (built renderer in Chromium, main's real modules, a real
 * agent): the person sees one sentence instead of a blank window, and the error with React's
 * component stack reaches the app's log through the checked `elevate:log` channel.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { writeGallery } from './support/gallery.js';
import { accessibilityProblems, screenshotDir } from './support/popover-page.js';
import { rig, USER } from './support/rig.js';
import { useRigs, withoutSecretService } from './support/hooks.js';
import { join } from 'node:path';

useRigs();

// No Secret Service: keytar fails at once instead of waiting for a keyring.
withoutSecretService();

describe('popover error boundary', () => {
  it('shows one sentence instead of a blank window and logs the render error', async () => {
    const r = await rig('linux', { selfServe: true, approvalRequired: false });
    const { page } = r;
    await expect.poll(() => page.getByTestId('level').innerText()).toBe('Standard user');

    // The fault is put into the page, not the bundle: from now on Intl.DateTimeFormat throws,
    // so the real Countdown throws while rendering the next grant's end time ("until 14:32"),
    // as any render-time bug would.
    await page.evaluate(`
      Intl.DateTimeFormat = function DateTimeFormat() {
        throw new RangeError('date formatting broke (e2e)');
      };
      undefined;
    `);
    await r.admin.call('admin.grant', { user: USER, level: 'admin', durationSec: 600 });

    // What the person sees: the sentence and nothing else, where the popover was.
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toBe(en.app.failed);
    expect(await page.locator('body').innerText()).toBe(en.app.failed);
    expect(await page.getByTestId('level').count()).toBe(0);

    // What the log gets: one render report, the error then React's component stack.
    await expect
      .poll(() => r.main.calls.logged.filter((l) => l.startsWith('popover render:')).length)
      .toBe(1);
    const report = r.main.calls.logged.find((l) => l.startsWith('popover render:'))!;
    const [first, ...stack] = report.split('\n');
    expect(first).toBe('popover render: RangeError: date formatting broke (e2e)');
    expect(stack[0]).toBe('    | RangeError: date formatting broke (e2e)');
    // Every line indented under the message, the component stack's frames among them.
    expect(stack.every((l) => l.startsWith('    | '))).toBe(true);
    expect(stack.filter((l) => /^ {4}\| at /.test(l)).length).toBeGreaterThan(stack.length / 2);
    expect(report).toContain('/assets/index-');
    // The agent was never the problem: the person has the rights the popover could not show.
    const { users } = await r.admin.call('admin.status', { user: USER });
    expect(users[0]?.level).toBe('admin');

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(screenshotDir, `render-failed-${colorScheme}.png`) });
      expect(await accessibilityProblems(page)).toEqual([]);
    }
    writeGallery(screenshotDir);
  });
});
