/**
 * Runs an OS tool the way a privileged backend must: no shell (arguments are never parsed
 * again), a timeout so a hung tool cannot stall expiry, the C locale so messages are stable,
 * and the sbin directories on PATH because service managers often start daemons without them.
 */
import { execFile } from 'node:child_process';

export interface CommandResult {
  /** Exit status; null when the tool did not exit by itself (killed on timeout or by a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the tool could not be started or was killed (e.g. "timed out after 10000 ms"). */
  failure: string | null;
}

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function runCommand(
  file: string,
  args: readonly string[],
  timeoutMs = 10_000,
): Promise<CommandResult> {
  const env = {
    ...process.env,
    LC_ALL: 'C',
    LANG: 'C',
    // Windows separates PATH with ";" and has no sbin: leave its PATH as it is.
    PATH:
      process.platform === 'win32'
        ? (process.env.PATH ?? '')
        : `${process.env.PATH ?? ''}:${SYSTEM_PATH}`,
  };
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { env, timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true },
      (err, stdout, stderr) => {
        if (!err) {
          resolve({ code: 0, stdout, stderr, failure: null });
          return;
        }
        const e = err as NodeJS.ErrnoException & {
          code?: number | string;
          killed?: boolean;
          signal?: string | null;
        };
        if (typeof e.code === 'number') {
          resolve({ code: e.code, stdout, stderr, failure: null });
        } else if (e.code === 'ENOENT') {
          resolve({ code: null, stdout, stderr, failure: `${file} is not installed` });
        } else if (e.killed || e.signal) {
          resolve({
            code: null,
            stdout,
            stderr,
            failure: `${file} timed out after ${timeoutMs} ms`,
          });
        } else {
          resolve({
            code: null,
            stdout,
            stderr,
            failure: `${file} could not be run (${e.message})`,
          });
        }
      },
    );
  });
}

/**
 * The tool's own explanation as one sentence fragment: its stderr (else stdout) lines joined,
 * without the "tool: " prefix it puts on each line and without a trailing period.
 */
export function toolMessage(file: string, result: CommandResult): string {
  if (result.failure) return result.failure;
  const text = (result.stderr.trim() || result.stdout.trim())
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => (line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line))
    .join('; ')
    .replace(/[.\s]+$/, '');
  return text || `${file} exited with status ${result.code}`;
}
