/** Everything a person can do in the popover, as module-level actions over window.elevate. */
import type { ActionResult } from '../../../preload/api.js';
import { groupSessions } from '../logic/history.js';
import { checkReason } from '../logic/reason.js';
import { requestOffer } from '../logic/durations.js';
import { useStore, type Busy } from './store.js';

const HISTORY_EVENTS = 100;
// A popover, not an audit viewer: the last few sessions are enough to answer "what happened".
const HISTORY_SESSIONS = 3;

async function run(busy: Busy, act: () => Promise<ActionResult>): Promise<boolean> {
  useStore.setState({ busy, actionError: null });
  let result: ActionResult;
  try {
    result = await act();
  } catch (err) {
    result = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  useStore.setState({ busy: null, actionError: result.ok ? null : result.message });
  return result.ok;
}

export function askToStop(): void {
  useStore.setState({ confirmingStop: true, actionError: null });
}

export function keepRights(): void {
  useStore.setState({ confirmingStop: false });
}

export async function stopNow(): Promise<void> {
  await run('stop', () => window.elevate.stopNow());
  useStore.setState({ confirmingStop: false });
}

export function openRequest(): void {
  const { snapshot } = useStore.getState();
  if (!snapshot) return;
  const offer = requestOffer(snapshot);
  if (offer.kind === 'none') return;
  useStore.setState({
    requestOpen: true,
    requestKind: offer.kind,
    requestChangedFrom: null,
    actionError: null,
    durationSec: offer.durations[0] ?? null,
    level: offer.kind === 'elevate' ? (offer.levels[0] ?? null) : null,
  });
}

/**
 * A grant started or ended under an open form: it now asks for something else (more time
 * instead of rights, or the other way round). What the person typed is kept, and the form
 * says what it does now; the chosen duration stays when the new offer has it.
 */
export function followOffer(): void {
  const { snapshot, requestOpen, requestKind, durationSec } = useStore.getState();
  if (!snapshot || !requestOpen) return;
  const offer = requestOffer(snapshot);
  if (offer.kind === 'none' || offer.kind === requestKind) return;
  useStore.setState({
    requestKind: offer.kind,
    requestChangedFrom: requestKind,
    durationSec:
      durationSec !== null && offer.durations.includes(durationSec)
        ? durationSec
        : (offer.durations[0] ?? null),
    level: offer.kind === 'elevate' ? (offer.levels[0] ?? null) : null,
  });
}

export function closeRequest(): void {
  useStore.setState({
    requestOpen: false,
    requestKind: null,
    requestChangedFrom: null,
    reason: '',
    actionError: null,
  });
}

export function chooseDuration(durationSec: number): void {
  useStore.setState({ durationSec });
}

export function chooseLevel(level: 'admin' | 'passwordless'): void {
  useStore.setState({ level });
}

export function editReason(reason: string): void {
  useStore.setState({ reason });
}

export async function submitRequest(): Promise<void> {
  const { snapshot, durationSec, level, reason } = useStore.getState();
  if (!snapshot || durationSec === null) return;
  const offer = requestOffer(snapshot);
  if (offer.kind === 'none' || !checkReason(reason, snapshot.policy).valid) return;
  const trimmed = reason.trim();
  const ok =
    offer.kind === 'extend'
      ? await run('request', () => window.elevate.requestMoreTime({ durationSec, reason: trimmed }))
      : await run('request', () =>
          window.elevate.requestElevation({
            level: level ?? offer.levels[0] ?? 'admin',
            durationSec,
            reason: trimmed,
          }),
        );
  if (ok) closeRequest();
}

export async function cancelRequest(id: string): Promise<void> {
  await run('cancel', () => window.elevate.cancelRequest(id));
}

/** Sends the help desk's approval code; true when the agent accepted it. */
export async function enterApprovalCode(code: string): Promise<boolean> {
  return run('code', () => window.elevate.enterApprovalCode(code));
}

export async function logOutNow(): Promise<void> {
  await run('logout', () => window.elevate.logOutNow());
}

export async function setOpenAtLogin(enabled: boolean): Promise<void> {
  await run('login-item', () => window.elevate.setOpenAtLogin(enabled));
}

export function hidePopover(): void {
  void window.elevate.hidePopover();
}

export async function refreshHistory(): Promise<void> {
  try {
    const events = await window.elevate.getHistory(HISTORY_EVENTS);
    const active = useStore.getState().snapshot?.grant?.id ?? null;
    useStore.setState({ sessions: groupSessions(events, active, HISTORY_SESSIONS) });
  } catch {
    // History is a nicety: the status and actions stay usable without it.
  }
}
