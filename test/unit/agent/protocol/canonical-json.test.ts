import { describe, expect, it } from 'vitest';
import { canonicalJson, signingPayload } from '../../../../agent/protocol/canonical-json.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth and has no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('signs nonce, method and params without the signature', () => {
    const payload = signingPayload('bm9uY2U=', 'request.create', {
      signature: 'abc',
      reason: 'r',
      kind: 'elevate',
      durationSec: 600,
    });
    expect(payload.toString()).toBe(
      'bm9uY2U=\nrequest.create\n{"durationSec":600,"kind":"elevate","reason":"r"}',
    );
  });
});
