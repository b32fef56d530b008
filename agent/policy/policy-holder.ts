import { sinkFileProblems } from '../forward/check-sinks.js';
import { readPolicyFile, type PolicyParseResult } from './policy-file.js';
import { withRegistry, type RegistryPolicyResult } from './registry-policy.js';
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
    /** Windows: Group Policy / Intune settings, which win over the file (registry-policy.ts). */
    private readonly registry?: () => Promise<RegistryPolicyResult>,
  ) {}

  get policy(): PolicyFile {
    return this.current;
  }

  /** Loads the file; returns whether the policy in force changed. */
  async load(): Promise<boolean> {
    if (!this.path && !this.registry) return false;
    const result = await this.read();
    if (!result.ok) {
      this.log(`policy refused, keeping the last valid policy: ${result.message}`);
      return false;
    }
    const changed = JSON.stringify(result.policy) !== JSON.stringify(this.current);
    this.current = result.policy;
    this.log(
      `policy loaded from ${[this.path, this.registry && 'the registry'].filter(Boolean).join(' and ')}`,
    );
    for (const problem of sinkFileProblems(result.policy.forward ?? [])) {
      this.log(`policy warning (events stay queued until fixed): ${problem}`);
    }
    return changed;
  }

  private async read(): Promise<PolicyParseResult> {
    const file: PolicyParseResult = this.path
      ? await readPolicyFile(this.path)
      : { ok: true, policy: EMPTY_POLICY };
    if (!file.ok || !this.registry) return file;
    const reg = await this.registry();
    if (!reg.ok) return reg;
    return { ok: true, policy: withRegistry(file.policy, reg.settings) };
  }
}
