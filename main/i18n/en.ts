/**
 * Every sentence the tray, its menu, its dialogs and its notifications show, in English: the
 * source of truth. Other languages are typed from it (de.ts), so none can miss a sentence.
 */
import type { ActorRole } from '../../agent/shared/actor.js';
import { plural } from '../../agent/shared/i18n/catalogue.js';

type Level = 'none' | 'admin' | 'passwordless';
type GrantLevel = Exclude<Level, 'none'>;
type Os = 'darwin' | 'win32' | 'linux';

/** Where each OS keeps the tray's key, in the words its own settings use. */
const secureStore: Record<Os, string> = {
  win32: 'Windows Credential Manager',
  darwin: 'Your keychain',
  linux: 'Your keyring',
};

/** "10 minutes", "1 hour", "1 h 30 min": a duration from the policy, in full words. */
function duration(seconds: number): string {
  if (seconds < 60) return plural('en', seconds, { one: '# second', other: '# seconds' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural('en', minutes, { one: '# minute', other: '# minutes' });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (m === 0) return plural('en', h, { one: '# hour', other: '# hours' });
  return `${h} h ${m} min`;
}

/** "9 min left" / "1 h 5 min left": minute granularity, rounded up. */
function minutesLeft(remainingMs: number): string {
  if (remainingMs <= 0) return 'ending now';
  const minutes = Math.ceil(remainingMs / 60_000);
  if (minutes < 60) return `${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h left` : `${h} h ${m} min left`;
}

const level: Record<Level, string> = {
  none: 'Standard user',
  admin: 'Administrator',
  passwordless: 'Passwordless sudo',
};

/** The rights a grant gives, inside a sentence. */
const rights: Record<GrantLevel, string> = {
  admin: 'administrator rights',
  passwordless: 'passwordless sudo rights',
};
const Rights: Record<GrantLevel, string> = {
  admin: 'Administrator rights',
  passwordless: 'Passwordless sudo rights',
};

export const en = {
  level: (l: Level): string => level[l],
  duration,
  minutesLeft,
  tray: {
    connecting: 'Connecting to the Elevate agent…',
    agentDown: 'Elevate agent is not running',
    /** Linux: the deadline, which does not change as the clock runs. */
    until: (level: string, time: string) => `${level} until ${time}`,
    timeLeft: (level: string, left: string) => `${level} · ${left}`,
    pending: (level: string, length: string) => `Request pending: ${level} for ${length}`,
    permanent: (level: string) => `${level} (permanent)`,
    notElevated: 'Not elevated',
    /** Windows, policy windowsLogoffAtEnd "force": when the agent signs the person out. */
    signingOutAt: (time: string) => `Windows signs you out at ${time}: save your work`,
    /** Windows tooltip: the live clock ("9:41"). */
    tooltipClock: (level: string, clock: string) => `Elevate: ${level} · ${clock} left`,
    tooltip: (status: string) => `Elevate: ${status}`,
    stopNow: 'Stop now',
    moreTime: 'Request more time',
    requestRights: 'Request admin rights…',
    cancelRequest: 'Cancel request',
    showDetails: 'Show details…',
    logOut: 'Log out now…',
    openAtLogin: 'Open at login',
    quit: 'Quit Elevate',
  },
  dialog: {
    cancel: 'Cancel',
    stopNow: {
      message: 'Give your administrator rights back now?',
      detail: 'You will need to ask again to get them back.',
      confirm: 'Yes, stop now',
    },
    quit: {
      message: 'Quit Elevate while you are an administrator?',
      detail: (time: string) =>
        `Your rights still end at ${time}, but without Elevate you get no countdown and no warnings before then.`,
      confirm: 'Quit',
    },
    logOut: {
      message: 'Log out now?',
      detail:
        'Windows applies the change to your rights when you log back in. Save your work first.',
      confirm: 'Log out',
    },
  },
  notify: {
    ended: (level: GrantLevel) => `${Rights[level]} ended`,
    endedBy: (who: string, reason: string | null) =>
      reason ? `${who} ended them: ${reason}` : `${who} ended them.`,
    logOutToFinish: 'Log out and back in to finish removing them.',
    backToBefore: 'Your account is back to how it was before.',
    afterSession: 'After your admin session',
    granted: (passwordless: boolean): string =>
      passwordless ? 'You are now an administrator (no password)' : 'You are now an administrator',
    grantedFor: (length: string) => `For ${length}.`,
    logOutToApply: 'Log out and back in for the new rights to take full effect.',
    moreTime: 'More time granted',
    added: (length: string, level: GrantLevel) => `${length} added to your ${rights[level]}.`,
    someAdmin: 'An administrator',
    /**
     * Who acted, opening a sentence (shared/actor.ts): root or SYSTEM, which an MDM runs
     * elevatectl as, is "An administrator"; an administrator's own name is shown as it is.
     */
    who: {
      you: 'You',
      admin: 'An administrator',
      helpdesk: 'Your help desk',
      elevate: 'Elevate',
      policy: 'Your organisation’s policy',
    } as Record<ActorRole, string>,
    approvedTitle: 'Request approved',
    approved: (who: string, length: string, level: GrantLevel) =>
      `${who} approved ${length} of ${rights[level]}.`,
    note: (note: string) => `Note: ${note}`,
    deniedTitle: 'Request denied',
    deniedSaid: (who: string, note: string) => `${who} said: ${note}`,
    denied: (who: string) => `${who} declined your request.`,
    cancelledTitle: 'Request cancelled',
    cancelled: 'Your request was cancelled.',
    agentLostTitle: 'Elevate agent stopped',
    agentLost: 'Your rights cannot be checked or changed until it is back; they still end on time.',
    agentBackTitle: 'Elevate agent is back',
    agentBack: 'Your rights are shown live again.',
    /** Windows, policy windowsLogoffAtEnd "force": the agent logs the session off then. */
    logoffTitle: (length: string) => `Windows signs you out in ${length}`,
    logoff: (hint: 'grant' | 'revoke') =>
      `Save your work now: Windows signs you out ${
        hint === 'grant'
          ? 'to apply your new administrator rights'
          : 'to finish removing your administrator rights'
      }, and apps still open close without saving.`,
    endsIn: (level: GrantLevel, length: string) => `${Rights[level]} end in ${length}`,
    saveOrAsk: 'Save your work, or ask for more time.',
    saveWork: 'Save your work; the rights end by themselves.',
    requestMoreTime: 'Request more time',
    commands: (n: number) =>
      plural('en', n, { one: '# command was', other: '# commands were' }) + ' run with sudo.',
    drift: (found: number, removed: number) =>
      plural('en', found, { one: '# admin right was', other: '# admin rights were' }) +
      ' added during the session' +
      (removed > 0 ? `; ${removed} removed.` : ' and reported to IT.'),
    rootProcesses: (found: number, ended: number) =>
      plural('en', found, { one: '# root process was', other: '# root processes were' }) +
      ' still running' +
      (ended > 0 ? `; ${ended} ended.` : ' and reported to IT.'),
  },
  /** What goes wrong between the tray and the agent (AppState.problem, failed actions). */
  agent: {
    /** The tray and the agent come from different releases (auth.hello's version). */
    versionMismatch: (app: string, agent: string | null) =>
      `This Elevate app is version ${app}, but Elevate's background service on this computer is ${
        agent ? `version ${agent}` : 'an older version'
      }: ask your IT support to install both from the same release.`,
    /** The agent answered and refused to let the tray in (the agent's own sentence follows). */
    refused: (detail: string) => `Elevate's background service refused the connection: ${detail}`,
    /** Anything else that went wrong on the way to the agent. */
    failed: "Something went wrong talking to Elevate's background service: try again.",
  },
  /** The tray's key for signed requests (main/app-key.ts), never called "app key" to a person. */
  appKey: {
    unavailable: (os: Os) =>
      `${secureStore[os]} is not available, so Elevate cannot sign your requests; where your organisation requires signed requests, they are refused until it is back.`,
    otherCopy: (user: string) =>
      `Elevate's background service on this computer trusts a different copy of Elevate for ${user}, so your requests are refused. Ask IT to run "elevatectl unpair ${user}", then restart Elevate.`,
  },
  /** macOS Touch ID before a request, when the policy asks for it (main/presence.ts). */
  presence: {
    noTouchId:
      'Your policy asks you to confirm it is you with Touch ID, which is not set up on this Mac: add a fingerprint in System Settings, Touch ID & Password, or ask an administrator for the rights.',
    /** Completes macOS's own line "Elevate is trying to …". */
    prompt: 'confirm it is you to get administrator rights',
    notConfirmed: 'Touch ID did not confirm it is you, so nothing was asked; try again.',
  },
  /** "Log out now" (Windows, main/log-out.ts). */
  logOut: {
    onlyWindows: 'Logging out from Elevate is only offered on Windows.',
    failed: (detail: string) =>
      `Windows did not log you out: ${detail}. Save your work and sign out from the Start menu.`,
  },
  /** The autostart entry's Comment, which a Linux desktop's startup-apps list shows. */
  desktopComment: 'Temporary administrator rights that end on time',
  /** Why Open at login cannot be on (main/login-item), one sentence saying what to do. */
  loginItem: {
    'not-installed':
      'Open at login comes with the Elevate installer: install Elevate with it to use this.',
    'requires-approval':
      'Elevate needs your approval to open at login: turn it on in System Settings > General > Login Items.',
    'off-by-admin':
      'An administrator turned Elevate off at startup on this PC: ask them to turn it on again in Task Manager > Startup apps.',
    cannotChange: (detail: string) => `Cannot change Open at login: ${detail}`,
  },
};

export type MainMessages = typeof en;
