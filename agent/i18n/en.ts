/**
 * The agent's error messages (the `message` of a JSON-RPC error), in English: the source of
 * truth, and what the audit log and the agent's own log keep. A client that names its language
 * in auth.hello gets them in that language (agent/i18n/index.ts). Codes never change with it.
 */
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

export const en = {
  authFailed: 'Authentication failed: the proof or the user is not valid.',
  authenticateFirst: 'Authenticate first with auth.hello and auth.prove.',
  alreadyAuthenticated: 'This connection is already authenticated.',
  tooManyHellos: 'Too many auth.hello calls on one connection; open a new connection.',
  diskFull: 'The agent could not save the change because the disk is full; nothing was changed.',
  internal: 'The agent hit an internal error; nothing was changed.',
  adminOnly: 'Only an administrator (root) can do this.',
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
    /** `at`: an ISO 8601 instant (the agent does not know the person's time zone). */
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
