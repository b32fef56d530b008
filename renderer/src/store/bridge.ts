/**
 * The one link from main's pushes to the store: subscribes once to window.elevate.onState and
 * turns each AppState into a store update (dropping snapshots older than the one shown).
 */
import type { AppState, ElevateApi } from '../../../preload/api.js';
import { stateChangeAnnouncement } from '../logic/announce.js';
import { isNewerSnapshot } from '../logic/snapshot-order.js';
import { announce, useStore } from './store.js';
import { text as messages } from '../i18n/index.js';
import { chooseDuration, followOffer, openRequest, refreshHistory } from './actions.js';

export function applyAppState(state: AppState): void {
  const prev = useStore.getState();
  const reconnected = prev.connection !== 'connected' && state.connection === 'connected';
  const take = isNewerSnapshot(prev.snapshot, state.snapshot, reconnected);
  const snapshot = take ? state.snapshot : prev.snapshot;
  const now = Date.now();
  useStore.setState({
    loaded: true,
    connection: state.connection,
    keychain: state.keychain,
    problem: state.problem,
    openAtLogin: state.openAtLogin,
    openAtLoginNote: state.openAtLoginNote ?? null,
    agentTrouble: state.agentTrouble ?? null,
    locale: state.locale ?? prev.locale,
    ...(take ? { snapshot, receivedAt: now, wallNow: now } : {}),
  });
  if (prev.loaded) {
    const text = stateChangeAnnouncement(
      { connection: prev.connection, snapshot: prev.snapshot },
      { connection: state.connection, snapshot },
      messages(),
    );
    if (text) announce(text);
  }
  const endedOrStarted =
    take && (prev.snapshot?.grant?.id ?? null) !== (snapshot?.grant?.id ?? null);
  // A command run with sudo: the history holds its line for the "Used" list.
  const used = take && (prev.snapshot?.usage?.commands ?? 0) !== (snapshot?.usage?.commands ?? 0);
  if (endedOrStarted) followOffer();
  if ((reconnected || endedOrStarted || used || !prev.loaded) && state.connection === 'connected') {
    void refreshHistory();
  }
  const draft = state.requestDraft;
  if (draft && draft.id !== lastDraftId) {
    lastDraftId = draft.id;
    openRequest();
    if (draft.durationSec !== null) chooseDuration(draft.durationSec);
  }
}

/** The tray menu's last "open the request form" seen, so each is acted on once. */
let lastDraftId = 0;

/** Starts listening; returns the unsubscribe function (used by tests and hot reload). */
export function startBridge(api: ElevateApi): () => void {
  let pushed = false;
  const off = api.onState((s) => {
    pushed = true;
    applyAppState(s);
  });
  // A push may already have arrived; the pulled state is only used if none did.
  void api.getState().then(
    (s) => {
      if (!pushed) applyAppState(s);
    },
    () => undefined,
  );
  return off;
}
