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

export const NO_TOUCH_ID =
  'Your policy asks you to confirm it is you with Touch ID, which is not set up on this Mac: add a fingerprint in System Settings, Touch ID & Password, or ask an administrator for the rights.';

export type ConfirmPresence = (required: RequireAuthentication) => Promise<'biometric'>;

export function touchIdPresence(
  prefs: Pick<SystemPreferences, 'canPromptTouchID' | 'promptTouchID'>,
): ConfirmPresence {
  return async () => {
    if (!prefs.canPromptTouchID()) {
      throw new Error(NO_TOUCH_ID);
    }
    try {
      await prefs.promptTouchID('confirm it is you to get administrator rights');
    } catch {
      throw new Error('Touch ID did not confirm it is you, so nothing was asked; try again.');
    }
    return 'biometric';
  };
}
