/**
 * Every sentence the popover shows, in English: the source of truth for the popover's
 * catalogue (agent/shared/i18n/catalogue.ts). Other languages are typed from this one.
 */
import type { HostOs } from '../logic/host-os.js';
import { ACTOR_WORDS_EN } from '../../../agent/shared/actor-words.js';

const restart: Record<HostOs, string> = {
  win32: 'Restart your computer. If this message stays, contact your IT support.',
  darwin: 'Restart your Mac. If this message stays, contact your IT support.',
  linux:
    'Restart your computer. If this message stays, ask your IT support to check the elevate-agent service.',
};

type Level = 'none' | 'admin' | 'passwordless';
type GrantLevel = Exclude<Level, 'none'>;
type Source = 'admin' | 'self-serve' | 'approval';
type SessionEnd = 'active' | 'released' | 'expired' | 'revoked' | 'unknown';

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

export const en = {
  app: {
    connecting: 'Connecting to Elevate…',
    failed: 'Elevate could not show this window. Close it and open it again from the Elevate icon.',
    needsAttention: 'Needs attention',
    requests: 'Requests',
    openAtLogin: 'Open Elevate at login',
    /** The page opened without the app behind it (a browser, a stray file:// link). */
    outsideApp: 'Elevate: this page only works inside the Elevate app.',
  },
  level: {
    name: {
      none: 'Standard user',
      admin: 'Administrator',
      passwordless: 'Passwordless sudo',
    } as Record<Level, string>,
    /** The rights a grant gives, inside a sentence ("your … were ended"). */
    rights: {
      admin: 'administrator rights',
      passwordless: 'passwordless sudo rights',
    } as Record<GrantLevel, string>,
    youAre: 'You are',
    lastKnown: 'Last known',
    permanent: 'Permanent on this computer, not managed by Elevate.',
  },
  time: {
    seconds: (n: number): string => plural(n, 'second', 'seconds'),
    minutes: (n: number): string => plural(n, 'minute', 'minutes'),
    hours: (n: number): string => plural(n, 'hour', 'hours'),
    left: (spoken: string): string => `${spoken} left`,
    timeLeft: 'Time left',
    until: (clock: string): string => `until ${clock}`,
    endsIn: (countdown: string): string => `Ends in ${countdown} — save your work`,
    lastKnownEnd: (clock: string): string =>
      `Last known end time: ${clock} (not confirmed while Elevate's background service is not running)`,
  },
  details: {
    source: {
      admin: 'Granted by',
      'self-serve': 'Self-service, by',
      approval: 'Approved by',
    } as Record<Source, string>,
    reason: 'Reason',
    noReason: 'None given',
    extensionsLeft: 'Extensions left',
    endedBy: (rights: string, by: string, clock: string): string =>
      `Your ${rights} were ended by ${by} at ${clock}.`,
    endedReason: (reason: string): string => `Reason: “${reason}”`,
  },
  /**
   * Who acted, after "by" (shared/actor.ts): the system accounts an MDM runs elevatectl as are
   * "an administrator" to a person; an administrator's own name is shown as it is.
   */
  who: ACTOR_WORDS_EN,
  stop: {
    button: 'Stop now',
    confirm: 'Give your administrator rights back now?',
    yes: 'Yes, stop now',
    stopping: 'Stopping…',
    keep: 'Keep them',
  },
  logout: {
    grant: 'Log out and back in for your new rights to take full effect.',
    revoke: 'Log out to finish removing your administrator rights.',
    saveFirst: 'Save your work first: logging out closes your apps.',
    button: 'Log out now',
    busy: 'Logging out…',
    forced: (clock: string, hint: 'grant' | 'revoke' | null): string =>
      `Windows will sign you out at ${clock} ${
        hint === 'grant'
          ? 'to apply your new administrator rights'
          : 'to finish removing your administrator rights'
      }. Save your work now.`,
    signingOutIn: (countdown: string): string => `Signing out in ${countdown}`,
    signingOutNow: 'Signing you out now…',
  },
  history: {
    title: 'Recent sessions',
    by: (name: string): string => `by ${name}`,
    activeWhenLastSeen: 'Active when last seen',
    end: {
      active: 'Active now',
      released: 'Stopped early',
      expired: 'Ended on time',
      revoked: 'Ended by an administrator',
      unknown: 'Ended',
    } as Record<SessionEnd, string>,
  },
  announce: {
    agentDown: 'Elevate’s background service is not running. Your status may be out of date.',
    reconnected: 'Reconnected to Elevate.',
    ended: 'Your administrator rights have ended.',
    nowLevel: (level: string): string => `You are now: ${level}.`,
    extended: 'Your rights were extended.',
    pending: (duration: string): string =>
      `Request for ${duration} sent; waiting for an administrator.`,
    approved: 'Your request was approved.',
    denied: 'Your request was denied.',
    deniedWithNote: (note: string): string => `Your request was denied: ${note}`,
    cancelled: 'Your request was cancelled.',
    warning: (spoken: string): string => `Your administrator rights end in ${spoken}.`,
  },
  status: {
    more: (duration: string): string => `${duration} more`,
    levelFor: (level: string, duration: string): string => `${level} for ${duration}`,
    by: (name: string): string => ` by ${name}`,
    pending: 'Request pending:',
    waiting: 'Waiting for an administrator.',
    cancel: 'Cancel request',
    cancelling: 'Cancelling…',
    approved: (by: string): string => `Request approved${by}:`,
    denied: (by: string): string => `Request denied${by}:`,
    note: (note: string): string => `Note: “${note}”`,
    cancelled: (what: string, when: string): string => `Request cancelled (${what}, ${when}).`,
  },
  code: {
    label: 'Approval by phone',
    call: 'Call your help desk and read them this code:',
    spoken: (spelled: string): string => `Request code ${spelled}`,
    computer: (id: string): string => `This computer: ${id}`,
    field: 'Approval code they read back',
    help: 'Letters and digits; dashes and spaces are ignored.',
    length: 'An approval code has 10 characters, like ABCDE-FGHJK.',
    characters: 'Use only the letters and digits the help desk reads out.',
    typo: 'That code has a typo: read it back to the help desk and check each character.',
    approve: 'Approve with code',
    checking: 'Checking…',
  },
  form: {
    level: 'Level',
    add: 'Add',
    for: 'For',
    reason: 'Reason',
    reasonOptional: 'Reason (optional)',
    atLeast: (n: number): string => `At least ${n} characters.`,
    helps: 'Helps your administrator.',
    counted: (n: number, max: number): string => `${n} of at most ${max} characters`,
    cancel: 'Cancel',
    tooLong: (over: number, max: number): string =>
      `The reason is ${over} characters too long (at most ${max}).`,
    say: 'Please say why you need the rights.',
    more: (min: number, more: number): string =>
      `Please write at least ${min} characters (${more} more).`,
    noTimeLeft: (more: string): string => `No admin time left under your policy's cap${more}.`,
    timeLeft: (left: string, more: string): string =>
      `Admin time left under your policy's cap: ${left}${more}.`,
    moreFrom: (clock: string): string => `; more from ${clock}`,
    notAllowed: 'Your organisation does not allow requests from this computer.',
    noDurations: 'Your policy lists no durations you can ask for.',
    noExtensions: 'You have used every extension this session allows.',
    allLevels: 'You already hold every level your policy offers.',
  },
  agentDown: {
    notRunningTitle: "Elevate's background service is not running",
    notInstalledTitle: 'Elevate is not fully installed',
    otherTitle: 'Elevate cannot reach its background service',
    blocked: 'Your rights cannot be shown or changed until it is back.',
    missing: 'The background service that gives you rights is missing on this computer.',
    nextStep: (os: HostOs): string => restart[os],
    install: (os: HostOs): string =>
      os === 'linux'
        ? 'Ask your IT support to install the elevate-agent package.'
        : 'Ask your IT support to install Elevate again.',
    reconnecting: 'Trying to reconnect…',
  },
  secureStore: {
    title: (os: HostOs): string =>
      ({
        win32: 'Windows Credential Manager is not available',
        darwin: 'Your keychain is not available',
        linux: 'Your keyring is not available',
      })[os],
    body: 'Elevate keeps the proof that requests come from you there, so your requests are refused until it is back. You can still see your status and stop your rights.',
    nextStep: (os: HostOs): string => restart[os],
  },
  request: {
    openElevate: 'Request admin rights',
    openExtend: 'Request more time',
    titleElevate: 'Request admin rights',
    titleExtend: 'Request more time',
    changedToExtend: (rights: string): string =>
      `You now have ${rights}, so this form now asks for more time. Your reason is kept.`,
    changedToElevate:
      'Your rights have ended, so this form now asks for new rights. Your reason is kept.',
    send: 'Send request',
    sending: 'Sending…',
    getNow: (level: 'admin' | 'passwordless'): string =>
      level === 'admin' ? 'Get admin rights now' : 'Get passwordless sudo now',
    addNow: (duration: string): string => `Add ${duration} now`,
    getting: 'Getting your rights…',
    approvalNeeded: 'An administrator must approve this request.',
    selfServe: 'You get the rights as soon as you confirm; no one needs to approve them.',
  },
  usage: {
    commands: (n: number): string => `${n} ${n === 1 ? 'command' : 'commands'} run with sudo`,
    used: 'Used',
    notListed: (n: number): string =>
      `${n} more not listed (older than the history Elevate keeps here).`,
  },
};

export type PopoverMessages = typeof en;
