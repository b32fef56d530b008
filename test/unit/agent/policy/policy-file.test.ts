import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../../../agent/policy/effective-policy.js';
import { policyEn as m } from '../../../../agent/i18n/policy-en.js';
import { parsePolicyText } from '../../../../agent/policy/policy-file.js';
import { BUILT_IN_DEFAULTS } from '../../../../agent/policy/policy-schema.js';

const EXAMPLE = {
  version: 1,
  adminGroup: 'sudo',
  defaults: { selfServe: false, approvalRequired: true, levels: ['admin'], maxRequestsPerHour: 10 },
  rules: [
    {
      users: ['sam'],
      groups: ['engineering'],
      selfServe: true,
      approvalRequired: false,
      levels: ['admin', 'passwordless'],
    },
    { groups: ['staff'], durationsSec: [300] },
  ],
};

describe('policy file', () => {
  it("accepts POLICY.md's example", () => {
    expect(parsePolicyText(JSON.stringify(EXAMPLE), m)).toMatchObject({ ok: true });
  });

  it.each([
    [{ version: 1, defaults: { selfServ: true } }, /defaults\.selfServ.*not a known field/],
    [{ version: 1, rules: [{ users: ['a'], levels: ['root'] }] }, /rules\.0\.levels\.0 is invalid/],
    [{ version: 2 }, /version is invalid/],
    [{ version: 1, defaults: { maxDurationSec: 0 } }, /defaults\.maxDurationSec is invalid/],
    [{ version: 1, extra: 1 }, /extra is not a known field/],
  ])('refuses %j naming the field', (policy, message) => {
    const r = parsePolicyText(JSON.stringify(policy), m);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('says when the file is not JSON', () => {
    expect(parsePolicyText('{ nope', m)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
  });
});

describe('effective policy', () => {
  const policy = (() => {
    const r = parsePolicyText(JSON.stringify(EXAMPLE), m);
    if (!r.ok) throw new Error(r.message);
    return r.policy;
  })();

  it('uses built-in defaults for fields set nowhere', () => {
    expect(effectivePolicy({ version: 1 }, 'x', [])).toEqual(BUILT_IN_DEFAULTS);
  });

  it('applies the first rule naming the user or one of their groups', () => {
    expect(effectivePolicy(policy, 'sam', [])).toMatchObject({
      selfServe: true,
      levels: ['admin', 'passwordless'],
      durationsSec: [600, 1800, 3600],
    });
    expect(effectivePolicy(policy, 'kim', ['engineering', 'staff'])).toMatchObject({
      selfServe: true,
    });
    expect(effectivePolicy(policy, 'lee', ['staff'])).toMatchObject({
      selfServe: false,
      durationsSec: [300],
    });
    expect(effectivePolicy(policy, 'max', ['other'])).toMatchObject({
      selfServe: false,
      approvalRequired: true,
      levels: ['admin'],
    });
  });
});
