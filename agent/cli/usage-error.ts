/**
 * A mistake in the command line itself (unknown command or flag, bad value). It is caught
 * before anything is sent to the agent and ends the program with exit code 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` the hint points to, if any. */
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
