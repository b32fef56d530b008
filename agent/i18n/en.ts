/**
 * The agent's error messages (the `message` of a JSON-RPC error), in English: the source of
 * truth, and what the audit log and the agent's own log keep. A client that names its language
 * in auth.hello gets them in that language (agent/i18n/index.ts). Codes never change with it.
 */
import { en as zodEn } from 'zod/v4/locales';
import { policyEn } from './policy-en.js';
import { zodSays } from './zod-issue.js';

type GrantLevel = 'admin' | 'passwordless';

const levelName: Record<GrantLevel, string> = {
  admin: 'administrator',
  passwordless: 'passwordless sudo',
};

const codeLevel: Record<GrantLevel, string> = {
  admin: 'administrator rights',
  passwordless: 'passwordless sudo',
};
const tries = (n: number) => `${n} ${n === 1 ? 'try' : 'tries'} left`;
const minutes = (sec: number) => {
  const m = Math.floor(sec / 60);
  return m >= 1 ? `${m} minute${m === 1 ? '' : 's'}` : `${sec} seconds`;
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What a cap refusal shows; `at` is a time already written for the client (agent/i18n/times.ts). */
export interface CapRefusal {
  /** null: the person asking; a name: an admin acting for that user. */
  forUser: string | null;
  leftSec: number;
  askedSec: number;
  at: string | null;
}

export const en = {
  authFailed: 'Authentication failed: the proof or the user is not valid.',
  authenticateFirst: 'Authenticate first with auth.hello and auth.prove.',
  alreadyAuthenticated: 'This connection is already authenticated.',
  tooManyHellos: 'Too many auth.hello calls on one connection; open a new connection.',
  diskFull: 'The agent could not save the change because the disk is full; nothing was changed.',
  internal: 'The agent hit an internal error; nothing was changed.',
  adminOnly:
    'Only an administrator can do this: run it as root, or on Windows as SYSTEM or a permanent administrator (rights from Elevate do not count).',
  nothingToRelease: 'You have no active admin rights to give back.',
  stillEnding: (user: string) =>
    `The end of ${user}'s current rights is still being retried (see elevatectl status ${user}); try again once it is done.`,
  notRecorded: (why: string) =>
    `The agent could not record the change (${why}), so nothing was changed.`,
  diskIsFull: 'the disk is full',
  noSuchUser: (user: string) => `There is no user named ${user} on this computer.`,
  hasPermanently: (user: string, level: GrantLevel) =>
    `${user} already has ${levelName[level]} rights permanently.`,
  nothingToExtendFor: (user: string) => `${user} has no active admin rights to extend.`,
  beingRemoved:
    'Elevate is being removed from this computer, so it gives no new rights; ask your IT team if you still need them.',
  nothingToEndFor: (user: string) => `${user} has no temporary rights to end.`,
  noPendingWithId: 'There is no pending request with that id.',
  extendedRightsEnded: 'The rights this request would extend have already ended.',
  noRequest: (id: string) => `There is no request with id ${id}.`,
  requestAlready: (id: string, state: 'approved' | 'denied' | 'cancelled' | 'pending') =>
    `Request ${id} is already ${state}.`,
  mustComeFromApp: 'This request must come from the Elevate app.',
  requestsNotAllowed: 'Your policy does not allow requesting admin rights.',
  nothingToExtend: 'You have no active admin rights to extend.',
  levelNotAllowed: (level: GrantLevel) => `Your policy does not allow ${levelName[level]} rights.`,
  alreadyWaiting: 'You already have a request waiting for approval.',
  youHavePermanently: (level: GrantLevel) =>
    `You already have ${levelName[level]} rights permanently.`,
  alreadyHaveThese: 'You already have these rights; ask for more time instead.',
  extensionsUsed: (max: number) => `You have used all ${max} extensions your policy allows.`,
  tooManyRequests: (perHour: number) => `Too many requests: your policy allows ${perHour} an hour.`,
  tooLong: (minutes: number) => `Your policy allows at most ${minutes} minutes at a time.`,
  reasonPreset: (choices: string) => `reason must be one of your policy's choices: ${choices}.`,
  reasonTooLong: (max: number) => `reason must be at most ${max} characters.`,
  reasonTooShort: (min: number) =>
    `reason must be at least ${min} characters: say what you need the rights for.`,
  code: {
    noRequest:
      'You have no request waiting for approval: ask for rights first, then read the request code to your help desk.',
    tooOld:
      'This request was made before approval codes were turned on: cancel it and ask again to get a request code.',
    /** `at`: a time written for the client (agent/i18n/times.ts). */
    tooManyToday: (at: string) =>
      `Too many wrong approval codes in a day: codes work for you again after ${at}; until then an administrator can approve your request.`,
    lastTry:
      'That approval code is wrong and it was the last try, so your request is cancelled: make a new request and call your help desk again.',
    off: 'Approval codes are not turned on for this computer: wait for an administrator to approve your request.',
    noMachineId:
      'Approval codes cannot work here because this computer has no machine id: wait for an administrator to approve your request.',
    badKey:
      "Approval codes are not set up correctly on this computer (its key file cannot be used): ask your help desk to check Elevate's approval-code key.",
    typo: (left: number) =>
      `That approval code has a typo (its last character does not match): read it back to the help desk and type it again; ${tries(left)}.`,
    length: (left: number) =>
      `An approval code has 10 characters, like ABCDE-FGHJK: check it and type it again; ${tries(left)}.`,
    mismatch: (left: number) =>
      `That approval code is not for this request, person or computer: check the request code and device id you read out, and ask the help desk again; ${tries(left)}.`,
    level: (forLevel: GrantLevel, asked: GrantLevel) =>
      `That approval code is for ${codeLevel[forLevel]}, but you asked for ${codeLevel[asked]}: ask the help desk for a code for what you asked.`,
    expired: (minutes: number) =>
      `That approval code has expired (codes work for ${minutes} minutes after they are made): ask the help desk for a new one.`,
    future:
      "That approval code was made for a time ahead of this computer's clock: check the date and time here, then ask the help desk for a new code.",
  },
  /** PROTOCOL.md's checks before a method runs (framing, shape, method, params). */
  protocol: {
    notJson: 'The request is not valid JSON.',
    batch: 'Batch requests are not supported.',
    notJsonRpc: 'The request is not a valid JSON-RPC 2.0 request.',
    lineTooLong: 'The request line is longer than 65,536 bytes.',
    noMethod: (name: string) => `There is no method named ${name}.`,
    paramsNotObject: 'params must be an object.',
    paramsInvalid: 'The params are not valid.',
    unknownParams: (keys: string) => `${keys} is not a known parameter.`,
    /** `why`: zod's own sentence for the check that failed (paramIssue, same language). */
    fieldInvalid: (field: string, why: string) => `${field} is invalid: ${why}.`,
    paramIssue: zodSays(zodEn()),
  },
  /** Sent before auth.hello, so always in English: the client has not named a language yet. */
  quota: {
    agentBusy: 'The agent is serving too many connections; try again in a moment.',
    tooManyOpen:
      'Your account has too many connections open to the agent; close some and try again.',
    tooManyWaiting:
      'Your account has too many connections waiting to authenticate; try again in a few seconds.',
  },
  /** maxElevatedSecPerDay / maxElevatedSecPerWeek. */
  capRefused: (c: CapRefusal) => {
    const whose = c.forUser === null ? 'Your policy' : `${c.forUser}'s policy`;
    const left =
      c.leftSec === 0 ? 'no more admin time' : `only ${minutes(c.leftSec)} more of admin time`;
    const when = c.at ? `; more becomes available at ${c.at}` : '';
    const next =
      c.forUser === null
        ? 'Ask for less time or try again then.'
        : 'Approve or grant less time (--for), or add --over-cap to approve or grant beyond it.';
    return `${whose} allows ${left} now (asked for ${minutes(c.askedSec)})${when}. ${next}`;
  },
  /** requireAuthentication: proof that it is the person asking. */
  presence: {
    notAuthorized:
      'Your identity could not be confirmed, so no rights were given; ask again and enter your own password.',
    noAgent:
      'No password dialog could be shown to confirm it is you; ask from your desktop session, or over SSH run the elevate command in a terminal.',
    dismissed: 'The password dialog was closed, so no rights were given; ask again to retry.',
    error:
      'The computer could not check your identity (polkit is not available); ask your administrator.',
    windows:
      'Your policy asks you to confirm it is you, which Elevate cannot do on Windows yet; ask your administrator.',
    touchIdFirst: 'Confirm it is you with Touch ID in the Elevate app, then ask again.',
    biometric: 'Your policy asks for Touch ID; confirm with your fingerprint, then ask again.',
  },
  /**
   * Sentences the agent records (audit reasons, request notes, why rights ended). The audit
   * trail and the state keep them in English; a client gets them in its language
   * (agent/i18n/recorded.ts reads the English back). So each puts its string values in as
   * they are, with no choice made on them.
   */
  recorded: {
    loggedOut: 'The person logged out (policy revokeAt: logout).',
    screenLocked: 'The screen was locked (policy revokeAt: lock).',
    restarted: 'The computer restarted (policy revokeAt: reboot).',
    replacedByAdmin: 'replaced by a new administrator grant',
    replacedByPasswordless: 'replaced by a new passwordless sudo grant',
    extendedEnded: 'The rights it would extend have ended.',
    tooManyCodes:
      'Too many wrong approval codes: make a new request and call your help desk again.',
    hookUnopened: (code: string) => `The onChange hook could not be opened (${code}).`,
    hookHashMismatch: 'The onChange hook was not run: its SHA-256 does not match the policy.',
    hookUnstarted: (why: string) => `The onChange hook could not start (${why}).`,
    hookTimedOut: (sec: string) => `The onChange hook ran longer than ${sec} s and was stopped.`,
    hookFailed: (exit: string) => `The onChange hook failed (exit code ${exit}).`,
  },
  /** The OS refused a change: `detail` is what the OS or its tool said (not translated). */
  os: {
    notGiven: (level: GrantLevel, user: string, detail: string) =>
      `${capital(levelName[level])} rights could not be given to ${user}: ${detail}.`,
    notRemoved: (user: string, detail: string) =>
      `The rights of ${user} could not be fully removed (retrying every second): ${detail}.`,
    notRead: (user: string, detail: string) =>
      `The current rights of ${user} could not be read: ${detail}.`,
  },
  /** The Linux backend's own account of a refusal: the detail inside an `os` sentence. */
  linux: {
    sudoersUnreadable: (path: string, code: string) =>
      `The sudoers file ${path} cannot be read (${code}).`,
    sudoersUnwritable: (path: string, code: string) =>
      `The sudoers file ${path} cannot be written (${code}).`,
    visudoRefused: (path: string, why: string) =>
      `visudo refused the sudoers file ${path}: ${why}.`,
    sudoersUnreplaceable: (path: string, code: string) =>
      `The sudoers file ${path} cannot be replaced (${code}).`,
    sudoersUnremovable: (path: string, code: string) =>
      `The sudoers file ${path} cannot be removed (${code}).`,
    badUserName: (name: string) => `'${name}' is not a valid user name for a sudoers rule.`,
    aliasLikeName: (user: string) =>
      `The user name '${user}' reads as a sudoers alias, so Elevate cannot write a rule for it.`,
    groupFileUnreadable: (path: string, code: string) =>
      `The group file ${path} cannot be read (${code}).`,
    noSuchAdminGroup: (group: string, path: string) =>
      `The admin group '${group}' set in the policy does not exist in ${path}.`,
    noAdminGroup: (path: string) =>
      `${path} has neither a 'sudo' nor a 'wheel' group; set adminGroup in the policy.`,
    groupFileLocked: (path: string, pid: number) =>
      `${path} is locked by process ${pid} (${path}.lock); the agent will try again.`,
    groupFileUnlockable: (path: string) => `${path} could not be locked; the agent will try again.`,
  },
  /** What the policy's readers say about it (policy-en.ts); the agent's log keeps it English. */
  policy: policyEn,
  pair: {
    badKey: 'publicKey is not an Ed25519 public key (base64 SPKI DER).',
    samePaired: 'This app key is already paired.',
    otherPaired:
      'Another app key is already paired for you; an administrator must run elevatectl unpair first.',
    userHasKey: (user: string) =>
      `${user} already has a paired app key; run elevatectl unpair ${user} first to replace it.`,
    noneWaiting: (fingerprint: string, user: string) =>
      `No app key with fingerprint ${fingerprint} is waiting for ${user}; see elevatectl pair list.`,
  },
};

export type AgentMessages = typeof en;
