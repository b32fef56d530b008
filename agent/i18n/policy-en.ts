/**
 * What the readers of a policy say about it (the JSON file, macOS managed preferences, the
 * Windows registry, the approval-code key file), in English: the source of truth for
 * policy-de.ts. The agent's log keeps these in English; `elevatectl policy check` says them in
 * the admin's language (agent/cli/i18n/ctl-en.ts). Field, key and value names are POLICY.md's
 * and never translated.
 */
import { en as zodEn } from 'zod/v4/locales';
import { zodSays } from './zod-issue.js';

export const policyEn = {
  /** zod's own sentence for a failed check, which names the allowed values or bounds. */
  issue: zodSays(zodEn()),
  /**
   * The policy schemas' own checks (policy-schema.ts, forward/ and codes/policy-schema.ts,
   * protocol/policy-additions.ts), by the `say` param they carry; a function takes its `value`.
   */
  check: {
    groupName:
      'must be a group name: letters, digits, "_" or "-", starting with a letter or "_" (e.g. "sudo")',
    distinct: 'must not repeat a value: list each one once',
    presetsNeeded:
      'needs a non-empty reasonPresets list: add the reasons to choose from, or set reasonPresetsOnly to false',
    absolutePath: 'must be an absolute path: give the whole path, from "/" (or a Windows drive)',
    sha256: "must be 64 hex digits: the file's SHA-256 as sha256sum prints it",
    eventFilter: (types: string) => `must be "*", "PREFIX.*" or an audit event type (${types})`,
    httpsUrl: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)',
    oneLine: 'must not contain line breaks: write the value on one line',
    sinkName: 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    headerName: "must be a valid HTTP header name: letters, digits and !#$%&'*+.^_`|~- only",
    reservedHeader: 'is set by the forwarder and cannot be overridden: remove it',
    appName: 'must be 1-48 printable ASCII characters without spaces',
    caFileTlsOnly: 'caFile only applies to protocol "tls": set protocol to "tls", or remove caFile',
    sinkNameTwice: (name: string) =>
      `sink name "${name}" is used twice: give each sink its own name`,
  },
  /** policy.json (policy-file.ts). */
  file: {
    unreadable: (path: string, code: string) =>
      `Cannot read the policy file ${path} (${code}): check the path, and that root can read the file.`,
    notJson: (why: string) =>
      `The policy is not valid JSON (${why}): fix the file there, often a missing comma, quote or brace.`,
    invalid: 'The policy is not valid: check it against POLICY.md.',
    /** The field named when the whole file is wrong (not a JSON object). */
    topLevel: '(top level)',
    unknownField: (field: string) =>
      `Policy field ${field} is not a known field (a typo would weaken the policy): check its spelling against POLICY.md, or remove it.`,
    /** `why`: `issue` or a `check` sentence, which says what the field accepts. */
    fieldInvalid: (field: string, why: string) => `Policy field ${field} is invalid: ${why}.`,
  },
  /** Settings an MDM pushed (managed-policy.ts); `at` is where from, "PATH: " or "". */
  managed: {
    notDictionary: (at: string) =>
      `${at}the property list is not a dictionary of policy settings: make its top level a <dict> whose keys are POLICY.md's setting names.`,
    unknownKey: (at: string, keys: string) =>
      `${at}${keys} is not a known policy setting (a typo would weaken the policy): check its spelling against POLICY.md, or remove it.`,
    keyInvalid: (at: string, key: string, why: string) => `${at}${key} is invalid: ${why}.`,
    misfit: (where: string, field: string, why: string) =>
      `The settings from ${where} and the policy file do not fit together: ${field} ${why}.`,
  },
  /** Group Policy / Intune values (registry-policy.ts). */
  registry: {
    /** Where the settings came from, as `managed.misfit` and the agent's log name it. */
    label: 'the registry',
    unknownValue: (value: string) =>
      `${value} is not a known policy setting: delete the value, or name it as elevate.admx does (a POLICY.md setting with a capital first letter).`,
    valueInvalid: (value: string, why: string) => `${value} is invalid: ${why}.`,
    unreadable: (key: string, why: string) =>
      `${key} cannot be read (${why}): run 'reg query ${key}' as an administrator to see why.`,
  },
  /** macOS managed preferences and .plist files (backends/darwin/managed-preferences.ts). */
  plist: {
    notPlist: (path: string, why: string) =>
      `${path} cannot be read as a property list (${why}): check it with 'plutil -lint ${path}'.`,
    invalid: (path: string, why: string) =>
      `${path} is not a valid property list (${why}): check it with 'plutil -lint ${path}'.`,
    unreadable: (path: string, why: string) =>
      `${path} cannot be read (${why}): check that the file exists and that root can read it.`,
    notRootOwned: (path: string) =>
      `${path} is not a root-owned file that only root can change: remove it and install the configuration profile again.`,
  },
  /**
   * A secret file others could read or own (shared/private-file.ts); `what` names the file
   * (keyFile.deviceFile, keyFile.masterFile, sink.secretFile).
   */
  privateFile: {
    unreadable: (what: string, path: string, code: string) =>
      `Cannot read the ${what} ${path} (${code}): check the path, and that the file exists.`,
    loose: (what: string, path: string, mode: string) =>
      `The ${what} ${path} is readable by group or others (mode ${mode}): run chmod 600 ${path}.`,
    notRootOwned: (what: string, path: string, uid: number) =>
      `The ${what} ${path} is owned by uid ${uid} but must be owned by root: run chown root ${path}.`,
    notYours: (what: string, path: string, uid: number) =>
      `The ${what} ${path} is owned by uid ${uid} but must be owned by you or root: run sudo chown $(id -un) ${path}.`,
  },
  /** approvalCodes.keyFile and the approver's master secret (codes/key-files.ts). */
  keyFile: {
    deviceFile: 'approval-code key file',
    masterFile: 'master key file',
    noDeviceKey: (path: string) =>
      `The approval-code key file ${path} does not hold a device key: write the line that 'elevatectl code device-key' prints into it.`,
    masterTooShort: (path: string, bytes: number, min: number) =>
      `The master key file ${path} holds ${bytes} bytes; it needs at least ${min} random bytes: make one with 'head -c 32 /dev/urandom > ${path}'.`,
  },
  /** A forwarding sink's files (forward/secret-file.ts), for policy check and the agent's log. */
  sink: {
    /** `sentence`: one of the sentences about the sink's files. */
    named: (name: string, sentence: string) => `Sink "${name}": ${sentence}`,
    secretFile: 'secret file',
    emptySecret: (path: string) =>
      `The secret file ${path} is empty: write the webhook's HMAC key into it.`,
    caUnreadable: (path: string, code: string) =>
      `Cannot read the CA file ${path} (${code}): check the path in caFile, and that the file exists.`,
  },
};

export type PolicyMessages = typeof policyEn;
/** A `check` sentence a schema check names in its `params.say`. */
export type PolicyCheck = keyof PolicyMessages['check'];
