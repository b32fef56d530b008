/**
 * File checks that a policy schema cannot make: the secret and CA files each sink names exist
 * and are safe. For `elevatectl policy check` and the agent's start/SIGHUP log; the forwarder
 * makes the same checks before each connection and keeps events queued until they pass.
 */
import type { PolicyMessages } from '../i18n/policy-en.js';
import type { ForwardSink } from './policy-schema.js';
import { readCaFile, readRootOnlySecret } from './secret-file.js';

/** One sentence per problem, in `m`'s words; empty when every file is usable. */
export function sinkFileProblems(sinks: readonly ForwardSink[], m: PolicyMessages): string[] {
  const problems: string[] = [];
  const attempt = (check: () => unknown): void => {
    try {
      check();
    } catch (err) {
      problems.push((err as Error).message);
    }
  };
  for (const sink of sinks) {
    if (sink.type === 'webhook' && sink.hmacSecretFile) {
      const file = sink.hmacSecretFile;
      attempt(() => readRootOnlySecret(file, sink.name, m));
    }
    if (sink.caFile) {
      const file = sink.caFile;
      attempt(() => readCaFile(file, sink.name, m));
    }
  }
  return problems;
}
