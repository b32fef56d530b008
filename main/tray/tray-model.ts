/**
 * What the tray shows, decided from the agent's snapshot, the connection and the countdown.
 * Plain data out: the Electron adapter (tray-adapter.ts) only copies it to the OS tray, and
 * the keys let it touch the OS only when something visible changed (a rebuilt Linux menu
 * closes any open submenu; a new image flickers).
 */
import { LEVEL_RANK, type Snapshot } from '../../agent/protocol/schemas.js';
import type { ConnectionState } from '../../preload/api.js';
import { clockTime } from '../../agent/shared/i18n/dates.js';
import type { UiLocale } from '../../agent/shared/i18n/locale.js';
import { formatClock } from '../format.js';
import { mainMessages, type MainMessages } from '../i18n/index.js';

export type TrayOs = 'darwin' | 'win32' | 'linux';
export type TrayIconState = 'idle' | 'elevated' | 'ending' | 'pending' | 'offline';

/** Pre-rendered countdown ring frames: frame 0 is empty, RING_FRAMES - 1 is full. */
export const RING_FRAMES = 60;
/**
 * Linux shows every 5th frame: a StatusNotifierItem redraws (and can flicker) on each new
 * image, so a 10-minute grant changes it about once a minute instead of every 10 s.
 */
export const LINUX_RING_STEP = 5;
/** "Ending soon" when no policy says otherwise (issue 3: the last 5 minutes). */
export const DEFAULT_ENDING_SEC = 300;

export type MenuAction =
  | { type: 'stop-now' }
  | { type: 'request-more-time'; durationSec: number }
  | { type: 'request-rights' }
  | { type: 'cancel-request'; id: string }
  | { type: 'show-details' }
  | { type: 'log-out' }
  | { type: 'toggle-open-at-login' }
  | { type: 'quit' };

export type MenuItemModel =
  | { kind: 'item'; id: string; label: string; enabled: boolean; action: MenuAction | null }
  | { kind: 'checkbox'; id: string; label: string; checked: boolean; action: MenuAction }
  | { kind: 'submenu'; id: string; label: string; enabled: boolean; items: MenuItemModel[] }
  | { kind: 'separator'; id: string };

export interface TrayInput {
  /** The computer the tray runs on (the host), which decides how the tray can show things. */
  os: TrayOs;
  connection: ConnectionState;
  snapshot: Snapshot | null;
  /** From Countdown: remaining ms of the active grant, null without one. */
  remainingMs: number | null;
  totalMs: number | null;
  openAtLogin: boolean;
  /** The language and date conventions from the OS (main/locale.ts); absent: English. */
  locale?: UiLocale;
}

export interface TrayView {
  iconState: TrayIconState;
  /** Windows ring frame while elevated, else null. */
  ringFrame: number | null;
  /** Changes exactly when the image to show changes. */
  iconKey: string;
  /** macOS menu-bar title ("9:41"); empty elsewhere and when not elevated. */
  title: string;
  tooltip: string;
  menu: MenuItemModel[];
  /** Changes exactly when the menu's content changes. */
  menuKey: string;
}

export function endingThresholdMs(snapshot: Snapshot): number {
  const points = snapshot.policy.warnBeforeSec;
  return (points.length > 0 ? Math.max(...points) : DEFAULT_ENDING_SEC) * 1000;
}

export function ringFrame(remainingMs: number, totalMs: number): number {
  const fraction = totalMs > 0 ? remainingMs / totalMs : 0;
  return Math.min(RING_FRAMES - 1, Math.max(0, Math.ceil(fraction * (RING_FRAMES - 1))));
}

export function buildTrayView(input: TrayInput): TrayView {
  const { os, snapshot } = input;
  const live = input.connection === 'connected' && snapshot !== null;
  const grant = live ? snapshot.grant : null;
  const remaining = grant ? (input.remainingMs ?? 0) : null;

  let iconState: TrayIconState;
  if (!live) iconState = 'offline';
  else if (grant && remaining !== null)
    iconState = remaining <= endingThresholdMs(snapshot) ? 'ending' : 'elevated';
  else if (snapshot.request?.state === 'pending') iconState = 'pending';
  else iconState = 'idle';

  const frame =
    os !== 'darwin' && grant && remaining !== null
      ? osRingFrame(os, ringFrame(remaining, input.totalMs ?? remaining))
      : null;

  const t = mainMessages(input.locale?.language ?? 'en');
  const status = statusLine(input, live, t);
  const title = os === 'darwin' && grant && remaining !== null ? formatClock(remaining) : '';
  // Windows has no menu-bar title, so its tooltip carries the live clock. Linux shows the
  // deadline instead of minutes left: a rebuilt menu closes when it is open, so nothing in
  // it may change with the clock.
  const tooltip =
    os === 'win32' && grant && remaining !== null
      ? t.tray.tooltipClock(t.level(grant.level), formatClock(remaining))
      : t.tray.tooltip(status);

  const menu = buildMenu(input, live, status, t);
  return {
    iconState,
    ringFrame: frame,
    iconKey: `${iconState}:${frame ?? '-'}`,
    title,
    tooltip,
    menu,
    menuKey: JSON.stringify(menu),
  };
}

function osRingFrame(os: TrayOs, frame: number): number {
  if (os !== 'linux') return frame;
  return Math.min(RING_FRAMES - 1, Math.ceil(frame / LINUX_RING_STEP) * LINUX_RING_STEP);
}

function statusLine(input: TrayInput, live: boolean, t: MainMessages): string {
  const s = input.snapshot;
  if (!live || !s) return input.connection === 'connecting' ? t.tray.connecting : t.tray.agentDown;
  if (s.grant) {
    const level = t.level(s.grant.level);
    return input.os === 'linux'
      ? t.tray.until(level, clockTime(s.grant.expiresAt, { tag: input.locale?.intl }))
      : t.tray.timeLeft(level, t.minutesLeft(input.remainingMs ?? 0));
  }
  // Windows, policy windowsLogoffAtEnd "force": the deadline, so the tooltip need not tick.
  if (s.platform.logoffAt) {
    return t.tray.signingOutAt(clockTime(s.platform.logoffAt, { tag: input.locale?.intl }));
  }
  if (s.request?.state === 'pending') {
    return t.tray.pending(t.level(s.request.level), t.duration(s.request.durationSec));
  }
  if (s.permanentLevel !== 'none') return t.tray.permanent(t.level(s.permanentLevel));
  return t.tray.notElevated;
}

function requestsAllowed(s: Snapshot): boolean {
  return (s.policy.selfServe || s.policy.approvalRequired) && s.policy.levels.length > 0;
}

function buildMenu(
  input: TrayInput,
  live: boolean,
  status: string,
  t: MainMessages,
): MenuItemModel[] {
  const s = live ? input.snapshot : null;
  const grant = s?.grant ?? null;
  const pending = s?.request?.state === 'pending' ? s.request : null;
  const items: MenuItemModel[] = [
    { kind: 'item', id: 'status', label: status, enabled: false, action: null },
    { kind: 'separator', id: 'sep-status' },
  ];

  if (grant) {
    items.push({
      kind: 'item',
      id: 'stop-now',
      label: t.tray.stopNow,
      enabled: true,
      action: { type: 'stop-now' },
    });
    if (s && requestsAllowed(s) && grant.extensionsLeft > 0) {
      items.push({
        kind: 'submenu',
        id: 'more-time',
        label: t.tray.moreTime,
        enabled: pending === null,
        items: s.policy.durationsSec.map((sec) => ({
          kind: 'item' as const,
          id: `more-time-${sec}`,
          label: t.duration(sec),
          enabled: true,
          action: { type: 'request-more-time' as const, durationSec: sec },
        })),
      });
    }
  } else if (s && requestsAllowed(s) && pending === null) {
    // Only offer what would raise the person above what they already hold for good.
    const wanted = s.policy.levels.find((l) => LEVEL_RANK[l] > LEVEL_RANK[s.permanentLevel]);
    if (wanted) {
      items.push({
        kind: 'item',
        id: 'request-rights',
        label: t.tray.requestRights,
        enabled: true,
        action: { type: 'request-rights' },
      });
    }
  }
  if (pending) {
    items.push({
      kind: 'item',
      id: 'cancel-request',
      label: t.tray.cancelRequest,
      enabled: true,
      action: { type: 'cancel-request', id: pending.id },
    });
  }
  items.push({
    kind: 'item',
    id: 'show-details',
    label: t.tray.showDetails,
    enabled: true,
    action: { type: 'show-details' },
  });
  if (s && s.platform.os === 'win32' && s.platform.logoutHint !== null) {
    items.push({
      kind: 'item',
      id: 'log-out',
      label: t.tray.logOut,
      enabled: true,
      action: { type: 'log-out' },
    });
  }
  items.push(
    { kind: 'separator', id: 'sep-app' },
    {
      kind: 'checkbox',
      id: 'open-at-login',
      label: t.tray.openAtLogin,
      checked: input.openAtLogin,
      action: { type: 'toggle-open-at-login' },
    },
    { kind: 'item', id: 'quit', label: t.tray.quit, enabled: true, action: { type: 'quit' } },
  );
  return items;
}
