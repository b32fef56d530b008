/**
 * The popover in Debian's Chromium through playwright-core, standing in for Electron: a fresh
 * profile, the built renderer over file://, and window.elevate defined exactly as the
 * preload exposes it, with each call going through `__ipcInvoke` to the real main side.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AppState } from '../../../preload/api.js';
import { rendererIndex, repoRoot } from './build.js';
import { writeGallery } from './gallery.js';
import type { MainSide } from './main-side.js';
import {
  POPOVER_INITIAL_HEIGHT,
  POPOVER_WIDTH,
  popoverHeight,
} from '../../../main/popover-size.js';
import { WORK_AREA_HEIGHT } from './main-side.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const popoverUrl = pathToFileURL(rendererIndex).href;
export const screenshotDir = join(repoRoot, 'test/e2e/screenshots');

/**
 * The preload's API, built in the page before any of its scripts run. Kept as plain
 * JavaScript text: a TypeScript function passed to addInitScript would carry whatever helpers
 * the test transformer injects (tsx adds `__name`), which do not exist in the page.
 */
export const PRELOAD_STAND_IN = `(() => {
  const listeners = new Set();
  const invoke = (channel, arg) => window.__ipcInvoke(channel, arg);
  Object.defineProperty(window, '__ipcEmit', {
    value: (state) => { for (const listener of listeners) listener(state); },
  });
  const api = Object.freeze({
    getState: () => invoke('elevate:get-state'),
    onState: (listener) => { listeners.add(listener); return () => { listeners.delete(listener); }; },
    stopNow: () => invoke('elevate:stop-now'),
    requestElevation: (input) => invoke('elevate:request-elevation', input),
    requestMoreTime: (input) => invoke('elevate:request-more-time', input),
    cancelRequest: (id) => invoke('elevate:cancel-request', id),
    enterApprovalCode: (code) => invoke('elevate:enter-approval-code', code),
    getHistory: (limit) => invoke('elevate:get-history', limit),
    logOutNow: () => invoke('elevate:log-out-now'),
    setOpenAtLogin: (enabled) => invoke('elevate:set-open-at-login', enabled),
    hidePopover: () => invoke('elevate:hide-popover'),
    fitContent: (size) => invoke('elevate:fit-content', size),
    reportError: (report) => invoke('elevate:log', report),
  });
  Object.defineProperty(window, 'elevate', { value: api, enumerable: true });
})();`;

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core's WCAG 2.1 A/AA findings for the page as it is now, one line each. `preload: false`
 * keeps axe from fetching the stylesheets itself, which the page's CSP (rightly) refuses.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const problems = (await page.evaluate(`axe
    .run(document, { preload: false, runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`)) as string[];
  return problems;
}

/** The window's height and the content's, as a person would see them now. */
export async function windowAndContent(page: Page): Promise<{ window: number; content: number }> {
  return page.evaluate(() => ({
    window: window.innerHeight,
    content: document.querySelector('main')?.getBoundingClientRect().height ?? 0,
  }));
}

/** Waits until main has sized the window to the content's latest measurement. */
export async function windowFitted(page: Page, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { window, content } = await windowAndContent(page);
    if (window === popoverHeight(content, WORK_AREA_HEIGHT)) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`The window stayed ${window} px for content of ${content} px.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Popover {
  page: Page;
  context: BrowserContext;
  /**
   * Screenshots of the window as sized to its content (what a person sees, a tall state
   * scrolled to the top), in light and dark as test/e2e/screenshots/NAME-{light,dark}.png; fails if the
   * page logged an error (a CSP violation included) or axe finds a WCAG A/AA problem in either.
   * Each shot is added to the gallery page test/e2e/screenshots/index.html.
   */
  shoot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPopover(main: MainSide): Promise<Popover> {
  const profile = mkdtempSync(join(tmpdir(), 'elv-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    // main/popover-window.ts POPOVER_SIZE (not imported: that module loads Electron); the
    // renderer then asks for its content's height, and main.onFit below applies it.
    viewport: { width: POPOVER_WIDTH, height: POPOVER_INITIAL_HEIGHT },
    deviceScaleFactor: 1,
  });
  await context.exposeBinding('__ipcInvoke', (source, channel: string, arg: unknown) =>
    main.invoke(
      { url: source.frame.url(), isMainFrame: source.frame.parentFrame() === null },
      channel,
      arg,
    ),
  );
  await context.addInitScript({ content: PRELOAD_STAND_IN });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Main pushes every AppState change, as webContents.send(STATE_CHANNEL) does.
  const off = main.onState((s: AppState) => {
    void page
      .evaluate(
        (state) => (window as unknown as { __ipcEmit(s: unknown): void }).__ipcEmit(state),
        s,
      )
      .catch(() => undefined);
  });
  // Main sizes the window to the content, as setContentSize does in Electron.
  const offFit = main.onFit((height) => {
    void page.setViewportSize({ width: POPOVER_WIDTH, height }).catch(() => undefined);
  });
  await page.goto(popoverUrl);
  mkdirSync(screenshotDir, { recursive: true });
  return {
    page,
    context,
    async shoot(name) {
      if (errors.length) throw new Error(`The popover logged errors: ${errors.join(' | ')}`);
      await windowFitted(page);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({
          path: join(screenshotDir, `${name}-${colorScheme}.png`),
          fullPage: false,
        });
        const problems = await accessibilityProblems(page);
        if (problems.length) throw new Error(`${name} (${colorScheme}): ${problems.join(' | ')}`);
      }
      await page.emulateMedia({ colorScheme: null });
      writeGallery(screenshotDir);
    },
    async close() {
      off();
      offFit();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
