/**
 * Where sudo writes a user's command log while they are elevated. The Linux backend puts this
 * path into the user's drop-in and the usage monitor follows it, so both take it from here.
 */
import { join } from 'node:path';

export function sudoLogDir(stateDir: string): string {
  return join(stateDir, 'sudo-log');
}

/** Account names reach here already checked as portable names (no '/', no leading '.'). */
export function sudoLogPath(logDir: string, user: string): string {
  return join(logDir, `${user}.log`);
}

/**
 * The sudoers `Defaults` line that sends `user`'s sudo events, in JSON, to `logFile`. JSON
 * because sudo's classic line format cannot be split reliably: the working directory and the
 * arguments are the user's to choose and may contain " ; COMMAND=".
 */
export function sudoLogRule(user: string, logFile: string): string {
  return `Defaults:${user} logfile=${sudoersValue(logFile)}, log_format=json`;
}

/** A sudoers Defaults value: double-quoted with '"' and '\' escaped when not plain. */
function sudoersValue(value: string): string {
  if (/^[A-Za-z0-9_./-]+$/.test(value)) return value;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
