/**
 * The AppState pushed to the popover (preload/api.ts): one object assembled from the agent
 * connection, the app key and the login-item setting, announced only when it changes.
 */
import { EventEmitter } from 'node:events';
import type { UiLocale } from '../agent/shared/i18n/locale.js';
import type { AppState } from '../preload/api.js';

export class AppStateStore extends EventEmitter<{ change: [AppState] }> {
  private state: AppState = {
    connection: 'connecting',
    snapshot: null,
    keychain: 'unknown',
    problem: null,
    openAtLogin: false,
    openAtLoginNote: null,
    locale: { language: 'en', intl: undefined },
  };
  private agentProblem: string | null = null;
  private keyProblem: string | null = null;

  /** Once, at app ready (Electron knows the OS languages only then); English until then. */
  setLocale(locale: UiLocale): void {
    this.update({ locale });
  }

  get current(): AppState {
    return this.state;
  }

  setConnection(
    view: Pick<AppState, 'connection' | 'snapshot'> & {
      problem: string | null;
      trouble?: AppState['agentTrouble'];
    },
  ): void {
    this.agentProblem = view.problem;
    this.update({
      connection: view.connection,
      snapshot: view.snapshot,
      agentTrouble: view.connection === 'connected' ? null : (view.trouble ?? null),
    });
  }

  setKeychain(keychain: AppState['keychain'], problem: string | null): void {
    this.keyProblem = problem;
    this.update({ keychain });
  }

  /** `note`: why it cannot be on (macOS approval, an administrator's switch), else null. */
  setOpenAtLogin(openAtLogin: boolean, note: string | null = null): void {
    this.update({ openAtLogin, openAtLoginNote: note });
  }

  /** The popover should open its request form, preset to `durationSec` (null: the first). */
  openRequestForm(durationSec: number | null): void {
    this.update({ requestDraft: { id: (this.state.requestDraft?.id ?? 0) + 1, durationSec } });
  }

  private update(patch: Partial<AppState>): void {
    // The agent's problem (down, another release) outranks the key's: it blocks everything. An
    // unavailable secure store is worded by the popover itself (KeychainNotice, per OS), so its
    // sentence stays in the log and never hides the agent's.
    const merged = { ...this.state, ...patch };
    const keyProblem = merged.keychain === 'unavailable' ? null : this.keyProblem;
    const next: AppState = { ...merged, problem: this.agentProblem ?? keyProblem };
    const prev = this.state;
    if (
      prev.connection === next.connection &&
      prev.snapshot === next.snapshot &&
      prev.keychain === next.keychain &&
      prev.problem === next.problem &&
      prev.openAtLogin === next.openAtLogin &&
      prev.openAtLoginNote === next.openAtLoginNote &&
      prev.requestDraft === next.requestDraft &&
      prev.locale === next.locale &&
      prev.agentTrouble === next.agentTrouble
    ) {
      return;
    }
    this.state = next;
    this.emit('change', next);
  }
}
