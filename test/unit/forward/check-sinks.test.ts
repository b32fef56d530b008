import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sinkFileProblems } from '../../../agent/forward/check-sinks.js';
import { ForwardPolicySchema } from '../../../agent/forward/policy-schema.js';

describe('sinkFileProblems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'elv-check-sinks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every unusable secret or CA file, one sentence each', () => {
    const good = join(dir, 'good.key');
    writeFileSync(good, 'k', { mode: 0o600 });
    const shared = join(dir, 'shared.key');
    writeFileSync(shared, 'k', { mode: 0o604 });
    const sinks = ForwardPolicySchema.parse([
      { name: 'ok', type: 'webhook', url: 'https://h', hmacSecretFile: good },
      { name: 'open', type: 'webhook', url: 'https://h', hmacSecretFile: shared },
      {
        name: 'ca',
        type: 'syslog',
        host: 'h',
        port: 6514,
        protocol: 'tls',
        caFile: join(dir, 'no.pem'),
      },
    ]);
    expect(sinkFileProblems(sinks)).toEqual([
      `Sink "open": the secret file ${shared} is readable by group or others (mode 0604); run chmod 600 ${shared}.`,
      `Sink "ca": cannot read the CA file ${join(dir, 'no.pem')} (ENOENT).`,
    ]);
  });
});
