import { sinkFileProblems } from '../forward/check-sinks.js';
import { logMessages } from '../i18n/index.js';
import { readPolicyFile, type PolicyParseResult } from './policy-file.js';
import { withManaged, type ManagedPolicySource } from './managed-policy.js';
import { EMPTY_POLICY, type PolicyFile } from './policy-schema.js';

/**
 * The policy in force. An invalid file is refused with a message naming the field, and the
 * agent keeps the last valid policy (at start: the built-in defaults).
 */
export class PolicyHolder {
  private current: PolicyFile = EMPTY_POLICY;
  /** What the readers say goes to the agent's log, in its language. */
  private readonly m = logMessages.policy;

  constructor(
    private readonly path: string | null,
    private readonly log: (msg: string) => void,
    /**
     * Settings an MDM pushed, which win over the file: Windows Group Policy / Intune
     * (registry-policy.ts), macOS managed preferences (backends/darwin/managed-preferences.ts).
     */
    private readonly managed?: ManagedPolicySource,
  ) {}

  get policy(): PolicyFile {
    return this.current;
  }

  /** Loads the file; returns whether the policy in force changed. */
  async load(): Promise<boolean> {
    if (!this.path && !this.managed) return false;
    const result = await this.read();
    if (!result.ok) {
      this.log(`policy refused, keeping the last valid policy: ${result.message}`);
      return false;
    }
    const changed = JSON.stringify(result.policy) !== JSON.stringify(this.current);
    this.current = result.policy;
    this.log(
      `policy loaded from ${[this.path, this.managed?.label(this.m)].filter(Boolean).join(' and ')}`,
    );
    for (const problem of sinkFileProblems(result.policy.forward ?? [], this.m)) {
      this.log(`policy warning (events stay queued until fixed): ${problem}`);
    }
    return changed;
  }

  private async read(): Promise<PolicyParseResult> {
    const file: PolicyParseResult = this.path
      ? await readPolicyFile(this.path, this.m)
      : { ok: true, policy: EMPTY_POLICY };
    if (!file.ok || !this.managed) return file;
    const managed = await this.managed.read(this.m);
    if (!managed.ok) return managed;
    return withManaged(file.policy, managed, this.managed.label(this.m), this.m);
  }
}
