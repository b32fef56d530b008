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
};

export type AgentMessages = typeof en;
