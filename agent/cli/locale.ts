/** The language and vocabulary both command lines speak, from the caller's locale variables. */
import { actorOf, actorText, granterOf } from '../shared/actor.js';
import { envLocale, intlTag } from '../shared/i18n/locale.js';
import { WORDS } from '../shared/i18n/words.js';
import { cliMessages } from './i18n/index.js';

export const cliLocale = envLocale(process.env);
export const cliWords = WORDS[cliLocale];
/** Every sentence the CLIs' catalogue (agent/cli/i18n) has, in the caller's language. */
export const t = cliMessages(cliLocale);
/** For Intl date and time formats: the person's own conventions (e.g. de-DE), else the default. */
export const cliIntlTag = intlTag(process.env.LC_ALL ?? process.env.LC_TIME ?? process.env.LANG);

/** "Standard user", "Administrator", "Passwordless sudo": the popover's names for levels. */
export function levelLabel(level: keyof typeof cliWords.level): string {
  return cliWords.level[level];
}

/**
 * Who acted, as the person `user` reads it in `elevate` (shared/actor.ts): root or SYSTEM is
 * "an administrator", their own account "you". `granted`: who gave a grant (self-serve: "you").
 * An admin at `elevatectl` sees the account as the agent recorded it.
 */
export function whoFor(by: string, user: string, granted = false): string {
  return actorText(granted ? granterOf(by, user) : actorOf(by, user), t.who);
}
