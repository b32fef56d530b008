/**
 * requireAuthentication refusals on macOS and Windows (Linux asks a real polkit in
 * test/integration/auth/polkit.test.ts): in the client's language on the wire, English in the
 * audit trail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../agent/audit/audit-log.js';
import { UserPresence, type PresenceCaller } from '../../../../agent/auth/user-presence.js';
import { ErrorCode, type RpcError } from '../../../../agent/protocol/errors.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function refusal(os: 'darwin' | 'win32', required: 'password' | 'biometric') {
  const dir = mkdtempSync(join(tmpdir(), 'elevate-presence-'));
  dirs.push(dir);
  const audit = new AuditLog(dir);
  await audit.open();
  const caller: PresenceCaller = {
    user: 'sam',
    uid: 1000,
    peer: null,
    challenges: new Map(),
    signedByApp: true,
    proof: undefined,
  };
  const err = (await new UserPresence(os, audit)
    .confirm(required, caller)
    .catch((e: unknown) => e)) as RpcError;
  const recorded = audit.history('sam', 1)[0];
  await audit.close();
  return { err, recorded };
}

describe('proof-of-presence refusals', () => {
  it('tells a German person on Windows that Elevate cannot confirm them there yet', async () => {
    const { err, recorded } = await refusal('win32', 'password');
    expect(err.code).toBe(ErrorCode.Forbidden);
    expect(err.data).toEqual({ authentication: 'password' });
    expect(err.say?.('de')).toBe(
      'Ihre Richtlinie verlangt, dass Sie bestätigen, dass Sie es sind; das kann Elevate unter Windows noch nicht; wenden Sie sich an Ihren Administrator.',
    );
    expect(recorded?.reason).toBe(err.message);
    expect(err.message).toMatch(/^Your policy asks you to confirm it is you/);
  });

  it('asks a German person on macOS for Touch ID in the app first', async () => {
    const { err } = await refusal('darwin', 'biometric');
    expect([err.message, err.say?.('de')]).toEqual([
      'Confirm it is you with Touch ID in the Elevate app, then ask again.',
      'Bestätigen Sie in der Elevate-App mit Touch ID, dass Sie es sind, und fragen Sie dann erneut an.',
    ]);
  });
});
