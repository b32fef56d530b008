/**
 * What `elevatectl` tells an admin, in English: the source of truth for ctl-de.ts. Audit event
 * types, request IDs and detail keys are what an admin greps for, so they are never translated.
 */
import { policyEn } from '../../i18n/policy-en.js';

type Source = 'admin' | 'self-serve' | 'approval';
type Kind = 'elevate' | 'extend';

export const ctlEn = {
  /** A column header as a field label, when a table is shown as blocks: "ADMIN NOTE" → "Admin note". */
  fieldLabel: (header: string): string =>
    header.length <= 2 ? header : header.charAt(0) + header.slice(1).toLowerCase(),
  outcome: {
    granted: (user: string, level: string, until: string, left: string) =>
      `${user}: ${level} until ${until} (${left}).`,
    none: (user: string, level: string) => `${user}: no temporary rights (${level}).`,
    revoked: (outcome: string) => `Revoked: ${outcome}`,
    approved: (id: string, outcome: string) => `Approved ${id}: ${outcome}`,
    denied: (id: string, user: string) => `Denied ${id} for ${user}.`,
    unknownUser: (user: string) => `The agent knows nothing about ${user}.`,
  },
  status: {
    columns: {
      user: 'USER',
      level: 'LEVEL',
      permanent: 'PERMANENT',
      timeLeft: 'TIME LEFT',
      expires: 'EXPIRES',
      source: 'SOURCE',
      reason: 'REASON',
      latestRequest: 'LATEST REQUEST',
    },
    empty: 'No user has a temporary grant or a recent request.',
    source: (s: Source): string => s,
    restoreFailures: 'The OS refused to remove these rights in full:',
    forwarding: 'Audit forwarding:',
    appKeys: 'App keys:',
  },
  forwarders: {
    columns: {
      sink: 'SINK',
      type: 'TYPE',
      pending: 'PENDING',
      delivered: 'DELIVERED',
      dropped: 'DROPPED',
      lastDelivered: 'LAST DELIVERED',
      lastError: 'LAST ERROR',
    },
  },
  requests: {
    columns: {
      id: 'ID',
      user: 'USER',
      kind: 'KIND',
      level: 'LEVEL',
      duration: 'DURATION',
      state: 'STATE',
      created: 'CREATED',
      reason: 'REASON',
      note: 'ADMIN NOTE',
    },
    kind: (k: Kind): string => k,
    noneWaiting: 'No requests are waiting for approval.',
    none: 'No requests.',
    notAnId: (id: string) =>
      `"${id}" is not a request ID (approve and deny take the ID, not a user name).`,
    listIds: (program: string) =>
      `List the waiting requests and their IDs with '${program} requests'.`,
  },
  audit: {
    columns: {
      at: 'AT',
      type: 'TYPE',
      user: 'USER',
      level: 'LEVEL',
      actor: 'ACTOR',
      details: 'DETAILS',
    },
    /** Labels of the texts in DETAILS: the admin's note on a decision, the person's reason. */
    note: 'admin note',
    reason: 'reason',
    none: 'No events.',
    olderLeftOut: (next: string) => `Older events were left out; see them with --before ${next}.`,
    agentGone: 'The Elevate agent went away; no more events can be shown.',
  },
  pairing: {
    columns: {
      user: 'USER',
      key: 'KEY',
      fingerprint: 'FINGERPRINT',
      asked: 'ASKED',
      program: 'PROGRAM',
    },
    paired: 'paired',
    waiting: 'waiting',
    unknown: 'unknown',
    pid: (pid: number) => `pid ${pid}`,
    none: 'No app keys are paired or waiting.',
    approved: (user: string, fingerprint: string) => `${user}'s app key ${fingerprint} is paired.`,
    unpaired: (user: string) =>
      `${user}'s app key is removed; the next Elevate app that pairs for ${user} will be trusted.`,
  },
  policy: {
    /** What the policy's readers say (agent/i18n/policy-en.ts), shared with the agent's log. */
    problems: policyEn,
    valid: (file: string, rules: number) =>
      `${file}: valid policy (${rules} rule${rules === 1 ? '' : 's'}).`,
    notProfile: (why: string) =>
      `not an unsigned XML profile (${why}); check the profile before signing it.`,
    noSettings: 'the profile has no settings for com.elevate.agent.',
  },
  code: {
    requestLength:
      'A request code has 8 characters, like K7QF-2M9X: ask the person to read it again.',
    requestTypo:
      'That request code has a typo (its last character does not match): ask the person to read it again.',
    minutes: (max: number) => `An approval code carries whole minutes, from 1m to ${max}m (8h31m).`,
    levelMismatch: (asked: string, level: string) =>
      `The request code asks for ${asked}; a code for ${level} would be refused. Ask the person to make a request for ${level}, or leave out --level.`,
    approval: (user: string, device: string, passwordless: boolean, length: string) =>
      `Approval for ${user} on ${device}: ${passwordless ? 'passwordless sudo' : 'administrator'} for ${length}.`,
    readIt: 'Read this code to the person; it works once, for a limited time:',
  },
};
