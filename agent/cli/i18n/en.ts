/**
 * What `elevate` tells a person, in English: the source of truth; other languages are typed
 * from it (de.ts). Levels and durations come from the shared vocabulary (shared/i18n/words.ts).
 */
import { AGENT_NOT_RUNNING } from '../../client/messages.js';
import { plural } from '../../shared/i18n/catalogue.js';
import { ctlEn } from './ctl-en.js';
import { helpEn } from './help-en.js';
import { ACTOR_WORDS_EN } from '../../shared/actor-words.js';

type RequestState = 'pending' | 'approved' | 'denied' | 'cancelled';
type SessionEnd = 'active' | 'released' | 'expired' | 'revoked' | 'unknown';
type GrantLevel = 'admin' | 'passwordless';

export const en = {
  help: helpEn,
  ctl: ctlEn,
  /** Who acted, after "by", in `elevate` (the popover's words: renderer/src/i18n/en.ts). */
  who: ACTOR_WORDS_EN,
  /** The rights a grant gives, inside a sentence ("your … end in 5 min"). */
  rights: {
    admin: 'administrator rights',
    passwordless: 'passwordless sudo rights',
  } as Record<GrantLevel, string>,
  status: {
    user: 'User',
    level: 'Level',
    permanentOf: (level: string) => ` (permanent: ${level})`,
    grant: 'Temporary grant',
    grantValue: (level: string, left: string) => `${level}, ${left}`,
    none: 'none',
    expires: 'Expires',
    granted: 'Granted',
    grantedValue: (at: string, by: string, source: string) => `${at} by ${by} (${source})`,
    reason: 'Reason',
    extensionsLeft: 'Extensions left',
    commands: 'Commands run with sudo',
    removalRefused: 'Removal refused',
    restoreFailure: (error: string, attempts: number, since: string) =>
      `${error} (${attempts} attempts since ${since}); the agent keeps trying every second.`,
    lastGrant: 'Last grant',
    latestRequest: 'Latest request',
    requestReason: 'Request reason',
    decided: 'Decided',
    decidedValue: (at: string, by: string) => `${at} by ${by}`.trim(),
    adminNote: 'Admin note',
    simulated: 'Simulated',
    simulatedValue: 'yes: a demo agent, nothing on this computer changes',
    hint: 'Hint',
    logOutToApply: 'log out and in again for the new rights to take full effect',
    logOutToFinish: 'log out to finish removing the rights',
  },
  end: {
    how: { expired: 'ended on time', released: 'given back', revoked: 'ended' },
    line: (level: string, how: string, by: string | null, at: string, reason: string | null) =>
      `${level} ${how}${by ? ` by ${by}` : ''} at ${at}${reason ? `: ${reason}` : ''}`,
  },
  request: {
    state: (s: RequestState): string => s,
    extendBy: (length: string) => `extend by ${length}`,
    levelFor: (level: string, length: string) => `${level} for ${length}`,
    line: (state: string, id: string, what: string) => `${state} ${id} (${what})`,
  },
  policy: {
    atOnce: 'granted at once',
    afterApproval: 'after an admin approves',
    notAvailable: 'not available (ask IT)',
    closed: (how: string) => `Requests: ${how}.`,
    or: ' or ',
    reasonMin: (n: number) => `, a reason of at least ${n} characters`,
    line: (levels: string, upTo: string, how: string, reason: string, extensions: number) =>
      `Requests: ${levels} for up to ${upTo}, ${how}${reason}; ` +
      plural('en', extensions, { one: '# extension', other: '# extensions' }) +
      ' per grant.',
  },
  outcome: {
    pending: (id: string, program: string) =>
      `Your request ${id} is waiting for an admin's approval; run '${program} watch' to follow it.`,
    denied: (id: string, note: string | null) =>
      `Your request ${id} was denied${note ? `: ${note}` : '.'}`,
    granted: (level: string, until: string, left: string) =>
      `You are ${level} until ${until} (${left}).`,
    none: (level: string) => `You have no temporary rights (${level}).`,
    nothingToExtend: (program: string) =>
      `You have no temporary rights to extend; ask for them with '${program} request'.`,
    released: (level: string) => `Your temporary rights are given back; you are now: ${level}.`,
    noPending: 'You have no pending request to cancel.',
    cancelled: (id: string) => `Your request ${id} is cancelled.`,
  },
  next: {
    findSocket:
      "give the agent's socket with --socket PATH or ELEVATE_SOCKET (the agent prints 'elevate-agent listening on PATH' when it starts; a service's unit file names it after --socket)",
    notSocket: (path: string, find: string) =>
      `${path} is not the Elevate agent's socket (it is not a socket at all); ${find}.`,
    denied: (path: string, find: string) =>
      `You may not connect to the Elevate agent at ${path} (permission denied); run this as a user the socket admits, or ${find}.`,
    notRunning: (path: string, find: string) =>
      `The Elevate agent is not running: nothing is at ${path}. Start it (e.g. 'sudo systemctl start elevate-agent'), or ${find}.`,
    stopped: (path: string, find: string) =>
      `Nothing answers at ${path}: the Elevate agent that made it has stopped. Start it again, or ${find}.`,
    noAnswer: (path: string, find: string) =>
      `The Elevate agent did not answer at ${path}; if that is not its socket, ${find}.`,
    retryAt: (at: string) => `Try again at ${at}.`,
    retryInAnHour: 'Try again in an hour.',
    stillWaiting: (id: string, program: string) =>
      `Your request ${id} is still waiting: run '${program} watch' to follow it or '${program} cancel' to withdraw it.`,
    extendInstead: (level: string, until: string, program: string) =>
      `You are ${level} until ${until}; for more time run '${program} extend DURATION --reason TEXT'.`,
    askAgain: (until: string, program: string) =>
      `Your rights end at ${until}; after that, ask again with '${program} request DURATION --reason TEXT', or ask IT.`,
  },
  duration: {
    bad: (text: string, why: string) =>
      `"${text}" is not a duration: ${why} (examples: 90s, 10m, 10 min, 1h30m).`,
    noUnit: (text: string, n: string) =>
      `"${text}" has no unit: write ${n}m for ${n} minutes, ${n}h for hours or ${n}s for seconds.`,
    empty: 'it is empty',
    shape: 'use whole numbers followed by a unit (d, h, min or s)',
    notUnit: (word: string) => `"${word}" is not a unit (d, h, min or s)`,
    order: 'write each unit once, largest first',
    tooShort: 'it must be at least 1 second',
    tooLong: (max: string) => `it is longer than ${max}`,
  },
  /** The reason a request carries, checked against the policy before it is sent. */
  reason: {
    required: (min: number) =>
      `A reason is required: add --reason "..." with at least ${min} characters saying what you need the rights for.`,
    tooShort: (min: number, has: number) =>
      `The reason must be at least ${min} characters (yours has ${has}): say what you need the rights for.`,
    tooLong: (max: number, has: number) =>
      `The reason can be at most ${max} characters (yours has ${has}).`,
    presetsOnly: (list: string) =>
      `Your policy accepts only these reasons; pass one with --reason NUMBER:\n${list}`,
    choose: (ownText: boolean) =>
      `Reasons to choose from (--reason NUMBER${ownText ? ' or your own text' : ''}):`,
    allowance: (left: string, more: string) =>
      `Admin time left under your policy's cap: ${left}${more}.`,
    moreFrom: (at: string) => `; more from ${at}`,
  },
  code: {
    length: 'An approval code has 10 characters, like ABCDE-FGHJK: check it and type it again.',
    typo: 'That approval code has a typo (its last character does not match): read it back to the help desk and type it again.',
    approved: 'Your request is approved.',
    approvedUntil: (passwordless: boolean, until: string) =>
      `Approved: you are ${passwordless ? 'passwordless sudo' : 'an administrator'} until ${until}.`,
    callHelpDesk: (code: string, device: string | null) =>
      `Call your help desk and read them this code: ${code}` +
      (device ? ` (this computer: ${device}).` : '.'),
    enterCode: (program: string) =>
      `Then enter the code they read back: ${program} approve-code CODE`,
  },
  /** `elevate watch`: levels by the popover's names ("Administrator"), never protocol codes. */
  watch: {
    warning: (rights: string, length: string) =>
      `Warning: your ${rights} end in ${length}. Save your work or run 'elevate extend'.`,
    noRights: (level: string) => `No temporary rights (level: ${level}).`,
    endingNow: (level: string, until: string) => `${level}: ending now (deadline ${until})`,
    clock: (level: string, clock: string, until: string) =>
      `${level}: ${clock} left, until ${until}`,
    until: (level: string, until: string) => `${level} until ${until}`,
    more: (length: string) => `${length} more`,
    levelFor: (level: string, length: string) => `${level} for ${length}`,
    waiting: (id: string, what: string) => `Request ${id} (${what}) is waiting for an admin.`,
    approved: (id: string, what: string, by: string | null, note: string | null) =>
      `Request ${id} (${what}) approved by ${by}${note ? `: ${note}` : '.'}`,
    denied: (id: string, what: string, by: string | null, note: string | null) =>
      `Request ${id} (${what}) denied by ${by}${note ? `: ${note}` : '.'}`,
    cancelledByYou: (id: string, what: string) => `Request ${id} (${what}) cancelled.`,
    cancelledBy: (id: string, what: string, by: string | null, note: string | null) =>
      `Request ${id} (${what}) cancelled by ${by}${note ? `: ${note}` : '.'}`,
    moved: (rights: string, until: string) => `Your ${rights} now end at ${until}.`,
    changed: (level: string, until: string) => `Your rights changed: ${level} until ${until}.`,
    agentGone: AGENT_NOT_RUNNING,
    stillEnds: (until: string) => `Your rights still end at ${until} as scheduled.`,
    pending: (id: string, what: string) =>
      `Waiting for an admin to decide on request ${id} (${what})...`,
    endedBy: (by: string, reason: string | null, level: string) =>
      `Your temporary rights were ended by ${by}${reason ? ` (${reason})` : ''}; your level is now ${level}.`,
    ended: (level: string) => `Your temporary rights have ended; your level is now ${level}.`,
    deniedEnd: (id: string, by: string | null, note: string | null) =>
      `Your request ${id} was denied${by ? ` by ${by}` : ''}${note ? `: ${note}` : '.'}`,
    cancelledEnd: (id: string) => `Your request ${id} was cancelled.`,
    nothing: (level: string) => `You have no temporary rights right now (level: ${level}).`,
  },
  history: {
    none: 'No sessions yet: you have not had temporary rights here.',
    by: (who: string) => `by ${who}`,
    extended: (n: number) => `extended ${n}×`,
    commands: (n: number) =>
      plural('en', n, { one: '# command', other: '# commands' }) + ' run with sudo',
    reason: (text: string) => `Reason: ${text}`,
    end: (e: SessionEnd): string =>
      ({
        active: 'Active now',
        released: 'Stopped early',
        expired: 'Ended on time',
        revoked: 'Ended by an administrator',
        unknown: 'Ended',
      })[e],
  },
};

export type CliMessages = typeof en;
