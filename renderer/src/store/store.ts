/**
 * The popover's one zustand store, in slices: what main pushed (connection and snapshot), the
 * local clock that drives the countdown, and UI state. Components select single values;
 * every change goes through the module-level actions in actions.ts and bridge.ts.
 */
import { create } from 'zustand';
import type { AgentTrouble, ConnectionState, KeychainState } from '../../../preload/api.js';
import type { UiLocale } from '../../../agent/shared/i18n/locale.js';
import type { GrantLevel, Snapshot } from '../../../agent/protocol/schemas.js';
import type { Session } from '../logic/history.js';

export interface AppSlice {
  /** False until main's first state arrives, so nothing is claimed before it is known. */
  loaded: boolean;
  connection: ConnectionState;
  snapshot: Snapshot | null;
  /** Date.now() when `snapshot` was accepted: the countdown's anchor (see logic/countdown.ts). */
  receivedAt: number;
  keychain: KeychainState;
  problem: string | null;
  openAtLogin: boolean;
  /** Why Open at login cannot be on, when the person can act on it (main's sentence). */
  openAtLoginNote: string | null;
  /** Why the agent cannot be reached, while it cannot. */
  agentTrouble: AgentTrouble | null;
  /** The language and date conventions main chose from the OS. */
  locale: UiLocale;
}

export interface ClockSlice {
  /** Date.now() at the last tick; re-renders the countdown once a second. */
  wallNow: number;
}

export type Busy = null | 'stop' | 'request' | 'cancel' | 'code' | 'logout' | 'login-item';

export interface UiSlice {
  confirmingStop: boolean;
  requestOpen: boolean;
  /** What the open form asks for; it follows the offer when a grant starts or ends. */
  requestKind: 'elevate' | 'extend' | null;
  /** What the open form asked for before a grant started or ended under it, until closed. */
  requestChangedFrom: 'elevate' | 'extend' | null;
  durationSec: number | null;
  level: GrantLevel | null;
  reason: string;
  busy: Busy;
  /** The agent's or main's one-sentence refusal of the last action. */
  actionError: string | null;
  sessions: Session[];
  /** Text for the aria-live region; `n` changes so a repeated sentence is spoken again. */
  announcement: { text: string; n: number };
}

export type PopoverState = AppSlice & ClockSlice & UiSlice;

export const initialState: PopoverState = {
  loaded: false,
  connection: 'connecting',
  snapshot: null,
  receivedAt: 0,
  keychain: 'unknown',
  problem: null,
  openAtLogin: false,
  openAtLoginNote: null,
  agentTrouble: null,
  locale: { language: 'en', intl: undefined },
  wallNow: 0,
  confirmingStop: false,
  requestOpen: false,
  requestKind: null,
  requestChangedFrom: null,
  durationSec: null,
  level: null,
  reason: '',
  busy: null,
  actionError: null,
  sessions: [],
  announcement: { text: '', n: 0 },
};

export const useStore = create<PopoverState>()(() => ({ ...initialState }));

export function announce(text: string): void {
  useStore.setState((s) => ({ announcement: { text, n: s.announcement.n + 1 } }));
}
