/**
 * requireAuthentication in the tray (macOS): Touch ID before a request, bound to the app key
 * by signing a fresh challenge from the agent with the request (docs/policy-additions.md).
 * Electron offers only Touch ID (systemPreferences.promptTouchID), not the login password, so a
 * Mac without Touch ID cannot answer such a policy; the sentence says what to do.
 */
import type { SystemPreferences } from 'electron';
import type { RequireAuthentication } from '../agent/protocol/policy-additions.js';

export type ConfirmPresence = (required: RequireAuthentication) => Promise<'biometric'>;

export function touchIdPresence(
  prefs: Pick<SystemPreferences, 'canPromptTouchID' | 'promptTouchID'>,
): ConfirmPresence {
  return async () => {
    if (!prefs.canPromptTouchID()) {
      throw new Error(
        'Your policy asks you to confirm it is you with Touch ID, which this Mac cannot do; ask your administrator.',
      );
    }
    try {
      await prefs.promptTouchID('confirm it is you to get administrator rights');
    } catch {
      throw new Error('Touch ID did not confirm it is you, so nothing was asked; try again.');
    }
    return 'biometric';
  };
}
