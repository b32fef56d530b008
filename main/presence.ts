/**
 * requireAuthentication in the tray (macOS): Touch ID before a request, bound to the app key
 * by signing a fresh challenge from the agent with the request (docs/policy-additions.md).
 * Electron offers only Touch ID (systemPreferences.promptTouchID, LocalAuthentication's
 * biometrics policy), not the login password, so there is no fallback to the password: on a
 * Mac where canPromptTouchID() is false (no sensor, or no fingerprint set up) neither
 * "password" nor "biometric" can be answered, and the one sentence says what to do.
 */
import type { SystemPreferences } from 'electron';
import type { RequireAuthentication } from '../agent/protocol/policy-additions.js';
import { en } from './i18n/en.js';
import type { MainMessages } from './i18n/index.js';

/** The English sentence when Touch ID is not set up (main/i18n presence.noTouchId). */
export const NO_TOUCH_ID = en.presence.noTouchId;

export type ConfirmPresence = (required: RequireAuthentication) => Promise<'biometric'>;

/** `messages`: the sentences in the person's language (main/i18n); English when absent. */
export function touchIdPresence(
  prefs: Pick<SystemPreferences, 'canPromptTouchID' | 'promptTouchID'>,
  messages: () => MainMessages['presence'] = () => en.presence,
): ConfirmPresence {
  return async () => {
    const t = messages();
    if (!prefs.canPromptTouchID()) {
      throw new Error(t.noTouchId);
    }
    try {
      await prefs.promptTouchID(t.prompt);
    } catch {
      throw new Error(t.notConfirmed);
    }
    return 'biometric';
  };
}
