/**
 * requireAuthentication on Linux: polkit decides, for the very process that asked (its pid from
 * SO_PEERCRED), with the action shipped in packaging/linux/com.elevate.request.policy
 * (auth_self: the person's own password, or what their PAM stack offers, e.g. a fingerprint).
 * Plan and parser are pure; the exit codes are pkcheck(1)'s.
 */
export const POLKIT_ACTION = 'com.elevate.request';

/** `--process pid,start-time,uid` pins the process, so a reused pid cannot be confused. */
export function pkcheckArgs(pid: number, startTime: string, uid: number): string[] {
  return [
    '--allow-user-interaction',
    '--process',
    `${pid},${startTime},${uid}`,
    '--action-id',
    POLKIT_ACTION,
  ];
}

/** Field 22 (starttime) of /proc/PID/stat; the command name (field 2) may hold spaces. */
export function procStartTime(stat: string): string | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[19];
  return start && /^\d+$/.test(start) ? start : null;
}

export type PolkitResult = 'authorized' | 'not-authorized' | 'no-agent' | 'dismissed' | 'error';

/** pkcheck(1): 0 authorized, 1 not, 2 needs interaction/no agent, 3 dismissed, 127 error. */
export function pkcheckResult(exitCode: number | null): PolkitResult {
  switch (exitCode) {
    case 0:
      return 'authorized';
    case 1:
      return 'not-authorized';
    case 2:
      return 'no-agent';
    case 3:
      return 'dismissed';
    default:
      return 'error';
  }
}

/** The catalogue key (agent/i18n `presence`) of each refusal. */
export const POLKIT_REFUSAL = {
  'not-authorized': 'notAuthorized',
  'no-agent': 'noAgent',
  dismissed: 'dismissed',
  error: 'error',
} as const satisfies Record<Exclude<PolkitResult, 'authorized'>, string>;
