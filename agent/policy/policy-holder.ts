import { sinkFileProblems } from '../forward/check-sinks.js';
import { readPolicyFile } from './policy-file.js';
import { EMPTY_POLICY, type PolicyFile } from './policy-schema.js';

/**
 * The policy in force. An invalid file is refused with a message naming the field, and the
 * agent keeps the last valid policy (at start: the built-in defaults).
 */
export class PolicyHolder {
  private current: PolicyFile = EMPTY_POLICY;

  constructor(
    private readonly path: string | null,
    private readonly log: (msg: string) => void,
  ) {}

  get policy(): PolicyFile {
    return this.current;
  }

  /** Loads the file; returns whether the policy in force changed. */
  async load(): Promise<boolean> {
    if (!this.path) return false;
    const result = await readPolicyFile(this.path);
    if (!result.ok) {
      this.log(`policy refused, keeping the last valid policy: ${result.message}`);
      return false;
    }
    const changed = JSON.stringify(result.policy) !== JSON.stringify(this.current);
    this.current = result.policy;
    this.log(`policy loaded from ${this.path}`);
    for (const problem of sinkFileProblems(result.policy.forward ?? [])) {
      this.log(`policy warning (events stay queued until fixed): ${problem}`);
    }
    return changed;
  }
}
