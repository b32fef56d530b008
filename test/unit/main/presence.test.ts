import { describe, expect, it } from 'vitest';
import { mainMessages } from '../../../main/i18n/index.js';
import { NO_TOUCH_ID, touchIdPresence } from '../../../main/presence.js';

/** What Electron's systemPreferences answers on a Mac with or without a fingerprint. */
function mac(touchId: boolean, passes = true) {
  const prompts: string[] = [];
  return {
    prompts,
    prefs: {
      canPromptTouchID: () => touchId,
      promptTouchID: async (reason: string) => {
        prompts.push(reason);
        if (!passes) throw new Error('Touch ID cancelled');
      },
    },
  };
}

describe('touchIdPresence', () => {
  const de = () => mainMessages('de').presence;

  it("words macOS's Touch ID prompt in the tray's language", async () => {
    const m = mac(true);
    expect(await touchIdPresence(m.prefs, de)('biometric')).toBe('biometric');
    expect(m.prompts).toEqual(['Ihre Identität bestätigen, um Administratorrechte zu erhalten']);
    const english = mac(true);
    await touchIdPresence(english.prefs)('biometric');
    expect(english.prompts).toEqual(['confirm it is you to get administrator rights']);
  });

  it('says what to do when Touch ID is not set up, or did not confirm', async () => {
    await expect(touchIdPresence(mac(false).prefs)('biometric')).rejects.toThrow(NO_TOUCH_ID);
    await expect(touchIdPresence(mac(false).prefs, de)('password')).rejects.toThrow(
      /^Ihre Richtlinie verlangt, dass Sie sich mit Touch ID bestätigen/,
    );
    await expect(touchIdPresence(mac(true, false).prefs, de)('biometric')).rejects.toThrow(
      'Touch ID hat Ihre Identität nicht bestätigt, daher wurde nichts angefragt; versuchen Sie es noch einmal.',
    );
  });
});
