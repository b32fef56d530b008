/**
 * Who acted, after "by" / "von" (actor.ts), in the words the popover and `elevate` share: a
 * person reads one vocabulary on every surface (issue 12). German is in the dative.
 */
import type { ActorRole } from './actor.js';

export const ACTOR_WORDS_EN: Record<ActorRole, string> = {
  you: 'you',
  admin: 'an administrator',
  helpdesk: 'your help desk',
  elevate: 'Elevate',
  policy: 'your organisation’s policy',
};

export const ACTOR_WORDS_DE: Record<ActorRole, string> = {
  you: 'Ihnen',
  admin: 'einem Administrator',
  helpdesk: 'Ihrem Helpdesk',
  elevate: 'Elevate',
  policy: 'der Richtlinie Ihrer Organisation',
};
