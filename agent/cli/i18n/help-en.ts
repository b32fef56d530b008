/**
 * Both command lines' `--help`, usage and summary texts and their argument errors, in English:
 * the source of truth for help-de.ts. Flag names, command names and level codes are what a
 * person types, so they stay as they are in every language; placeholders (DURATION) do not.
 */

/** One command's entry in the help: its line in the list, its synopsis and its explanation. */
export interface CommandHelp {
  /** One line for the program's command list. */
  summary: string;
  /** Synopsis after the program name, e.g. "grant USER --for DURATION [...]". */
  usage: string;
  /** Explanation printed by `--help` under the synopsis; wrapped at the terminal's width. */
  help: string;
}

/** The placeholder names a synopsis and an argument error show, by their English name. */
const placeholders = {
  CODE: 'CODE',
  COMMAND: 'COMMAND',
  DURATION: 'DURATION',
  'EVENT-ID': 'EVENT-ID',
  FILE: 'FILE',
  FINGERPRINT: 'FINGERPRINT',
  ID: 'ID',
  'ISO-TIME': 'ISO-TIME',
  LEVEL: 'LEVEL',
  N: 'N',
  NAME: 'NAME',
  PATH: 'PATH',
  'REQUEST-CODE': 'REQUEST-CODE',
  TEXT: 'TEXT',
  USER: 'USER',
  VALUE: 'VALUE',
};
export type Placeholder = keyof typeof placeholders;

export const helpEn = {
  placeholders,
  usage: (synopsis: string) => `Usage: ${synopsis}`,
  programSynopsis: (program: string) => `${program} COMMAND [options]`,
  commands: 'Commands:',
  global: [
    'Options for every command:',
    '  --socket PATH   the agent socket (default: $ELEVATE_SOCKET, else the OS default)',
    '  --json          print raw results as JSON for scripts',
    '  -h, --help      show help',
    '  --version       print the version',
    '',
    'Exit codes: 0 ok, 1 error, 2 usage, 3 not authorised, 4 conflict.',
  ].join('\n'),
  commandOptions: (program: string) => `Run '${program} COMMAND --help' for a command's options.`,
  runHelp: (command: string) => `Run '${command} --help' for usage.`,

  /** What a mistake on the command line is called, before anything reaches the agent. */
  errors: {
    unknownFlag: (flag: string, command: string) => `unknown flag ${flag} for ${command}.`,
    repeated: (flag: string) => `${flag} is given more than once.`,
    takesNoValue: (flag: string) => `${flag} takes no value.`,
    needsValue: (flag: string, value: string) => `${flag} needs a value (${value}).`,
    needs: (command: string, what: string) => `${command} needs ${what}.`,
    surplus: (command: string, word: string) => `${command} does not take "${word}".`,
    wholeNumber: (flag: string, max: number, value: string) =>
      `${flag} must be a whole number from 1 to ${max}, not "${value}".`,
    choice: (flag: string, choices: readonly string[], value: string) =>
      `${flag} must be ${choices.join(' or ')}, not "${value}".`,
    needsSubcommand: (group: string, subcommands: string) =>
      `${group} needs a subcommand (${subcommands}).`,
    unknownCommand: (typed: string) => `unknown command "${typed}".`,
    noCommand: 'a command is needed.',
    flagNeeded: (flag: string) => `${flag} is needed.`,
    grantNeedsFor: 'grant needs --for DURATION (e.g. --for 30m).',
    since: (value: string) =>
      `--since must be a date and time such as 2026-11-24T10:00:00Z, not "${value}".`,
  },

  elevate: {
    description:
      'Ask for temporary admin rights on this computer, see how long they last, give them back.',
    status: {
      summary: 'show your level, time left and latest request',
      usage: 'status',
      help: 'Shows your current level, your temporary grant and its deadline, your latest request and what you may ask for.',
    },
    request: {
      summary: 'ask for admin rights for a while',
      usage: 'request DURATION --reason TEXT [--level admin|passwordless]',
      help: 'Asks for temporary rights for DURATION (90s, 10m, 10 min, 1h30m). Under a self-serve policy they are granted at once; otherwise an admin approves or denies the request. --level defaults to admin when your policy allows it.',
    },
    extend: {
      summary: 'ask for more time on your current grant',
      usage: 'extend DURATION --reason TEXT',
      help: "Asks to add DURATION to your active grant's deadline, within your policy's extensions.",
    },
    stop: {
      summary: 'give your temporary rights back now',
      usage: 'stop',
      help: 'Ends your temporary grant now; what you had before is restored. Giving rights back is always allowed.',
    },
    cancel: {
      summary: 'withdraw your pending request',
      usage: 'cancel',
      help: 'Withdraws your request that is waiting for approval.',
    },
    'approve-code': {
      summary: 'enter the approval code your help desk read to you',
      usage: 'approve-code CODE',
      help: "Approves your pending request with the code the help desk read back to you (like ABCDE-FGHJK). A typo is caught before anything is sent; wrong codes are limited per request. See your request code with 'elevate status'.",
    },
    history: {
      summary: 'your recent sessions with temporary rights, newest first',
      usage: 'history [--limit N]',
      help: 'Lists your recent sessions as the Elevate app shows them: the level, how it ended, when, who granted it, and each command you ran with sudo. --limit: how many sessions (default 5, up to 50). With --json: the sessions and the audit events they are made of.',
    },
    watch: {
      summary: 'a live countdown until your rights end',
      usage: 'watch',
      help: 'Shows a countdown redrawn every second, warns before the end, and exits when your rights end (exit 0). While a request is pending it waits for the decision. With --json it prints each snapshot the agent pushes, one per line.',
    },
  } satisfies Record<string, CommandHelp | string>,

  elevatectl: {
    description: 'Administer Elevate on this computer: temporary admin rights that end on time.',
    status: {
      summary: 'show who is elevated, until when, and pending requests',
      usage: 'status [USER]',
      help: "Without USER: every user with a temporary grant or a recent request, then the state of each audit forwarding sink. With USER: that user's level, grant, request and hints.",
    },
    grant: {
      summary: 'give a user admin or passwordless sudo for a set time',
      usage: 'grant USER --for DURATION [--level admin|passwordless] [--reason TEXT] [--over-cap]',
      help: 'Gives USER temporary rights that end by themselves after DURATION (90s, 10m, "10 min", 1h30m). --level defaults to admin. A user who already has a grant gets the new level and deadline. --over-cap goes beyond the user\'s maxElevatedSecPer* caps (audited).',
    },
    revoke: {
      summary: "end a user's temporary grant now",
      usage: 'revoke USER [--reason TEXT]',
      help: "Ends USER's temporary grant at once and restores what they had before; a permanent privilege stays.",
    },
    requests: {
      summary: 'list requests waiting for approval (--state for others)',
      usage: 'requests [--state pending|approved|denied|cancelled|all]',
      help: 'Lists the requests waiting for approval, newest first, with the ID that approve and deny take. --state lists those in another state instead, --state all every request.',
    },
    approve: {
      summary: 'approve a pending request',
      usage: 'approve ID [--for DURATION] [--note TEXT] [--over-cap]',
      help: "Approves request ID; --for grants a different duration than the one asked for, --note is shown to the person. --over-cap goes beyond the user's maxElevatedSecPer* caps (audited).",
    },
    deny: {
      summary: 'deny a pending request',
      usage: 'deny ID [--note TEXT]',
      help: 'Denies request ID; --note tells the person why.',
    },
    audit: {
      summary: 'show the audit trail, or follow it live',
      usage: 'audit [--user USER] [--since ISO-TIME] [--limit N] [--before EVENT-ID] [--follow]',
      help: 'Prints audit events, newest first. --follow prints the recent ones oldest first and then every new event as it is written, until Ctrl-C (with --json: one event per line). One answer holds at most 4 MB: when older events were left out, the last line says which --before to pass for the next page.',
    },
    unpair: {
      summary: "forget a user's app key so their app can pair again",
      usage: 'unpair USER',
      help: "Removes USER's paired app key; the next Elevate app that pairs for USER is trusted.",
    },
    'pair list': {
      summary: 'show paired app keys and the keys waiting for approval',
      usage: 'pair list [USER]',
      help: 'Lists each user\'s paired app key and, under policy pairing "confirm", the keys waiting for an administrator, with the program that asked. Compare the fingerprint with the one the Elevate app shows the person before approving.',
    },
    'pair approve': {
      summary: "trust a waiting app key as the user's Elevate app",
      usage: 'pair approve USER FINGERPRINT',
      help: 'Trusts the waiting app key of USER whose fingerprint is FINGERPRINT (see pair list).',
    },
    'policy check': {
      summary: 'validate a policy file (JSON, managed .plist or .mobileconfig) without an agent',
      usage: 'policy check FILE',
      help: 'Checks FILE against the policy format (POLICY.md) offline: the JSON policy, or on macOS a managed-preferences .plist or a .mobileconfig profile (docs/mdm-macos.md); exit 0 when valid, 1 naming the field or key and the reason when not.',
    },
    'code device-key': {
      summary: "print a device's approval-code key (for the MDM to install)",
      usage: 'code device-key --master FILE --device ID',
      help: "Prints the key for the device ID (its machine id; 'elevate status' shows it), derived from the organisation's master secret in FILE (at least 32 random bytes, readable by you only). Write the line to the file the device's policy names in approvalCodes.keyFile, root-only (chmod 600). A device never holds the master: its key approves nothing on another device.",
    },
    'code approve': {
      summary: 'turn a request code read over the phone into an approval code',
      usage:
        'code approve REQUEST-CODE --device ID --user NAME --for DURATION [--level LEVEL] --key FILE',
      help: "Works offline, on the approver's own machine: nothing is sent anywhere. REQUEST-CODE is what the person reads from their Elevate app or 'elevate status' (like K7QF-2M9X); a typo in it is caught here. The approval code, printed alone on the last line, grants NAME on device ID exactly that level for DURATION (whole minutes, at most 8 h 31 min), once, within the device policy's validity (15 minutes by default). --level defaults to the level the person asked for. FILE is the master secret.",
    },
  } satisfies Record<string, CommandHelp | string>,
};
