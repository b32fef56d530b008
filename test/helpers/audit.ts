/**
 * The agent's audit trail (state dir's audit.jsonl) as tests read it. Every line is parsed
 * with the agent's own event schema, strictly, so a field the schema does not name fails the
 * test instead of passing unseen, and the file must end with a whole line: the agent never
 * reports a change done before its line is complete.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AuditEventSchema, type AuditEvent } from '../../agent/protocol/schemas.js';

const LineSchema = z.strictObject(AuditEventSchema.shape);

export function auditPath(stateDir: string): string {
  return join(stateDir, 'audit.jsonl');
}

/** Every event in the trail, oldest first; throws (naming the line) on anything else. */
export function readAudit(stateDir: string): AuditEvent[] {
  return parseAudit(readFileSync(auditPath(stateDir), 'utf8'));
}

/** The same for a trail read some other way (e.g. from inside a throwaway root). */
export function parseAudit(text: string): AuditEvent[] {
  if (text !== '' && !text.endsWith('\n')) {
    throw new Error(`The audit trail ends mid-line: …${text.slice(-200)}`);
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line, i) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`Audit line ${i + 1} is not JSON: ${line.slice(0, 500)}`);
      }
      const parsed = LineSchema.safeParse(json);
      if (!parsed.success) {
        throw new Error(
          `Audit line ${i + 1} is not an audit event (${z.prettifyError(parsed.error)}): ${line.slice(0, 500)}`,
        );
      }
      return parsed.data;
    });
}
