/**
 * The one contract between the renderer and the main process: the `window.elevate` API the
 * preload exposes, and the IPC channel map behind it. Main validates every payload with zod
 * (main/ipc) as well; the renderer only ever sees these types.
 */
import type { AuditEvent, GrantLevel, Snapshot } from '../agent/protocol/schemas.js';
import type { UiLocale } from '../agent/shared/i18n/locale.js';

export type ConnectionState = 'connecting' | 'connected' | 'unavailable';
export type KeychainState = 'ok' | 'unavailable' | 'unknown';
/**
 * Why the agent cannot be reached, so the popover can give the next step in its own words:
 * nothing answers where an installed agent would (`not-running`), no agent is installed at all
 * (`not-installed`), or something else went wrong (`other`: refused, timed out).
 */
export type AgentTrouble = 'not-running' | 'not-installed' | 'other';

/** Everything the popover shows, pushed by main whenever any part changes. */
export interface AppState {
  connection: ConnectionState;
  /** Last snapshot from the agent; null before the first one. Stale when not connected. */
  snapshot: Snapshot | null;
  keychain: KeychainState;
  /** One sentence for the person when something went wrong (agent down, keychain locked). */
  problem: string | null;
  openAtLogin: boolean;
  /**
   * Added: one sentence when Open at login cannot be on and the person can act on it (macOS:
   * approve it in System Settings > General > Login Items), else null.
   */
  openAtLoginNote?: string | null;
  /**
   * Added: the tray menu asked for the request form (e.g. "Request more time ▸ 30 min" under a
   * policy that needs a reason). A new `id` means "open the form now, with this duration".
   */
  requestDraft?: { id: number; durationSec: number | null } | null;
  /**
   * Added: the language and date conventions main chose from the OS (main/locale.ts), so the
   * popover speaks as the tray does. Absent: English, with the runtime's own date format.
   */
  locale?: UiLocale;
  /** Added: set while the agent cannot be reached (connection not 'connected'). */
  agentTrouble?: AgentTrouble | null;
}

export interface RequestElevationInput {
  level: GrantLevel;
  durationSec: number;
  reason: string;
}
export interface RequestMoreTimeInput {
  durationSec: number;
  reason: string;
}

/**
 * What the popover reports when its own code fails (window 'error', 'unhandledrejection', the
 * React error boundary), so it reaches the log file. Bounded: main refuses longer texts.
 */
export interface RendererErrorReport {
  kind: 'error' | 'unhandledrejection' | 'render';
  message: string;
  stack?: string;
}
export const RENDERER_ERROR_LIMITS = { message: 2000, stack: 8000 } as const;

/** Result of an action: ok, or the agent's one-sentence refusal to show as it is. */
export type ActionResult = { ok: true } | { ok: false; message: string };

export interface ElevateApi {
  getState(): Promise<AppState>;
  /** Subscribes to state pushes; returns the unsubscribe function. */
  onState(listener: (state: AppState) => void): () => void;
  stopNow(): Promise<ActionResult>;
  requestElevation(input: RequestElevationInput): Promise<ActionResult>;
  requestMoreTime(input: RequestMoreTimeInput): Promise<ActionResult>;
  cancelRequest(id: string): Promise<ActionResult>;
  /** Approves the pending request with the code the help desk read back. */
  enterApprovalCode(code: string): Promise<ActionResult>;
  getHistory(limit: number): Promise<AuditEvent[]>;
  logOutNow(): Promise<ActionResult>;
  setOpenAtLogin(enabled: boolean): Promise<ActionResult>;
  /** Closes the popover window (Escape). */
  hidePopover(): Promise<void>;
  /** Added: the height the popover's content needs; main sizes the window to it, within limits. */
  fitContent(size: ContentSize): Promise<void>;
  /** Writes one of the popover's own errors to the app's log file. */
  reportError(report: RendererErrorReport): Promise<void>;
}

/** The renderer's measured content, in CSS pixels. */
export interface ContentSize {
  height: number;
}

/** invoke channels: name → [argument, result]. Push channel is STATE_CHANNEL. */
export interface IpcChannels {
  'elevate:get-state': [undefined, AppState];
  'elevate:stop-now': [undefined, ActionResult];
  'elevate:request-elevation': [RequestElevationInput, ActionResult];
  'elevate:request-more-time': [RequestMoreTimeInput, ActionResult];
  'elevate:cancel-request': [string, ActionResult];
  'elevate:enter-approval-code': [string, ActionResult];
  'elevate:get-history': [number, AuditEvent[]];
  'elevate:log-out-now': [undefined, ActionResult];
  'elevate:set-open-at-login': [boolean, ActionResult];
  'elevate:hide-popover': [undefined, void];
  'elevate:fit-content': [ContentSize, void];
  'elevate:log': [RendererErrorReport, void];
}
export type IpcChannel = keyof IpcChannels;
export const STATE_CHANNEL = 'elevate:state';
