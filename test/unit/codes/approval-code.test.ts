import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkChar, groupForReading, normalizeCode } from '../../../agent/codes/code-alphabet.js';
import {
  APPROVAL_CODE_LENGTH,
  deriveDeviceKey,
  formatDeviceKey,
  formatRequestCode,
  makeApprovalCode,
  masterKeyId,
  parseDeviceKey,
  readRequestCode,
  verifyApprovalCode,
  type Approval,
  type CodeContext,
} from '../../../agent/codes/approval-code.js';

const master = Buffer.alloc(32, 7);
const device = 'f3a1c0de5e6f47a8b9c0d1e2f3a4b5c6';
const now = Date.parse('2026-11-30T18:00:30Z');
const minute = Math.floor(now / 60_000);
const nonce = 0x2_3456_789an;

function approval(over: Partial<Approval> = {}): Approval {
  return {
    deviceId: device,
    user: 'sam',
    nonce,
    level: 'admin',
    durationMin: 30,
    issuedMinute: minute,
    ...over,
  };
}
function context(over: Partial<CodeContext> = {}): CodeContext {
  return {
    deviceKey: deriveDeviceKey(master, device),
    deviceId: device,
    user: 'sam',
    request: { level: 'admin', nonce },
    nowMs: now,
    validitySec: 900,
    ...over,
  };
}
const code = (over: Partial<Approval> = {}): string =>
  makeApprovalCode(deriveDeviceKey(master, device), approval(over));

describe('request codes', () => {
  it('round-trip the level and nonce, grouped for reading aloud, typed in any case', () => {
    const rc = formatRequestCode({ level: 'passwordless', nonce });
    expect(rc).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const typed = groupForReading(rc).toLowerCase();
    expect(typed).toMatch(/^.{4}-.{4}$/);
    expect(readRequestCode(typed)).toEqual({
      ok: true,
      value: { level: 'passwordless', nonce },
    });
  });

  it('catch every single mistyped character and every swap of neighbours', () => {
    const rc = formatRequestCode({ level: 'admin', nonce });
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let caught = 0;
    let tried = 0;
    for (let i = 0; i < rc.length; i++) {
      for (const c of alphabet) {
        if (c === rc[i]) continue;
        const pair = new Set([c, rc[i]]);
        if (pair.has('0') && pair.has('Z')) continue; // the one pair mod 31 cannot tell apart
        tried++;
        if (!readRequestCode(rc.slice(0, i) + c + rc.slice(i + 1)).ok) caught++;
      }
    }
    expect(caught).toBe(tried);
    for (let i = 0; i + 1 < rc.length; i++) {
      if (rc[i] === rc[i + 1]) continue;
      const swapped = rc.slice(0, i) + rc[i + 1] + rc[i] + rc.slice(i + 2);
      expect(readRequestCode(swapped).ok).toBe(false);
    }
  });

  it('read O as 0 and I or L as 1, and refuse other letters', () => {
    expect(normalizeCode('o1-il')).toBe('01-11'.replace('-', ''));
    expect(normalizeCode('AB!C')).toBeNull();
    expect(readRequestCode('K7QF-2M9')).toEqual({ ok: false, problem: 'length' });
  });
});

describe('device keys', () => {
  it('differ per device and per master, and name the master without revealing it', () => {
    const a = deriveDeviceKey(master, device);
    expect(deriveDeviceKey(master, device.toUpperCase())).toEqual(a);
    expect(deriveDeviceKey(master, 'other-device')).not.toEqual(a);
    expect(deriveDeviceKey(randomBytes(32), device)).not.toEqual(a);
    const line = formatDeviceKey(master, device);
    expect(parseDeviceKey(line)).toEqual({ keyName: masterKeyId(master), key: a });
    expect(line).not.toContain(master.toString('base64url'));
    expect(parseDeviceKey('edk1:zz:abc')).toBeNull();
  });
});

describe('approval codes', () => {
  it('grant exactly the level and duration the approver named', () => {
    const c = code();
    expect(c).toHaveLength(APPROVAL_CODE_LENGTH);
    expect(verifyApprovalCode(groupForReading(c), context())).toEqual({
      ok: true,
      level: 'admin',
      durationSec: 1800,
      issuedAt: minute * 60_000,
    });
  });

  it('are refused for another user, device, request or key', () => {
    const c = code();
    expect(verifyApprovalCode(c, context({ user: 'alex' }))).toMatchObject({
      problem: 'mismatch',
    });
    expect(
      verifyApprovalCode(
        c,
        context({ deviceId: 'other', deviceKey: deriveDeviceKey(master, 'other') }),
      ),
    ).toMatchObject({ problem: 'mismatch' });
    expect(
      verifyApprovalCode(c, context({ request: { level: 'admin', nonce: nonce + 1n } })),
    ).toMatchObject({ problem: 'mismatch' });
    expect(
      verifyApprovalCode(c, context({ deviceKey: deriveDeviceKey(randomBytes(32), device) })),
    ).toMatchObject({ problem: 'mismatch' });
  });

  it('say so when the level differs from the request', () => {
    expect(verifyApprovalCode(code({ level: 'passwordless' }), context())).toEqual({
      ok: false,
      problem: 'level',
      level: 'passwordless',
    });
  });

  it('cannot be edited to a longer duration, even with a fixed-up check character', () => {
    const c = code({ durationMin: 10 });
    const longer = code({ durationMin: 480 });
    // Splice the longer code's level+duration characters onto the shorter code's MAC.
    const data = longer.slice(0, 2) + c.slice(2, -1);
    const forged = data + checkChar(data);
    expect(verifyApprovalCode(forged, context())).toMatchObject({ ok: false, problem: 'mismatch' });
  });

  it('expire after the policy validity, allow a few minutes of clock skew, not more', () => {
    const made = code({ issuedMinute: minute - 16 });
    expect(verifyApprovalCode(made, context())).toMatchObject({ problem: 'expired' });
    expect(verifyApprovalCode(made, context({ validitySec: 1800 }))).toMatchObject({ ok: true });
    expect(verifyApprovalCode(code({ issuedMinute: minute + 4 }), context())).toMatchObject({
      ok: true,
    });
    expect(verifyApprovalCode(code({ issuedMinute: minute + 60 }), context())).toMatchObject({
      ok: false,
    });
  });

  it('report a typo before anything is checked', () => {
    const c = code();
    const typo = c.slice(0, 3) + (c[3] === 'A' ? 'B' : 'A') + c.slice(4);
    expect(verifyApprovalCode(typo, context())).toEqual({ ok: false, problem: 'typo' });
  });

  it('make a guess succeed about once in 2^29', () => {
    // Random well-formed codes against a real request: none of 20,000 should pass.
    let passed = 0;
    for (let i = 0; i < 20_000; i++) {
      const data = randomBytes(9)
        .toString('hex')
        .slice(0, 9)
        .toUpperCase()
        .replace(/[^0-9A-HJKMNP-TV-Z]/g, '0');
      if (verifyApprovalCode(data + checkChar(data), context()).ok) passed++;
    }
    expect(passed).toBe(0);
  });
});
