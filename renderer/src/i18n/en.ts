/**
 * Every sentence the popover shows, in English: the source of truth for the popover's
 * catalogue (agent/shared/i18n/catalogue.ts). Other languages are typed from this one.
 */
import type { HostOs } from '../logic/host-os.js';

const restart: Record<HostOs, string> = {
  win32: 'Restart your computer. If this message stays, contact your IT support.',
  darwin: 'Restart your Mac. If this message stays, contact your IT support.',
  linux:
    'Restart your computer. If this message stays, ask your IT support to check the elevate-agent service.',
};

export const en = {
  agentDown: {
    connecting: 'Connecting to Elevate…',
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
    changedToExtend: (level: string): string =>
      `You are now ${level}, so this form now asks for more time. Your reason is kept.`,
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
