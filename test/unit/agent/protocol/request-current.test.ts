import { describe, expect, it } from 'vitest';
import { isRequestCurrent } from '../../../../agent/protocol/request-current.js';
import type { PrivilegeRequest } from '../../../../agent/protocol/schemas.js';
import { makeGrant } from '../../../helpers/snapshots.js';

const grant = () => makeGrant({ source: 'admin' });

function request(state: PrivilegeRequest['state'], decidedAt: string | null): PrivilegeRequest {
  return {
    id: 'r1',
    kind: 'extend',
    level: 'admin',
    durationSec: 600,
    reason: 'long enough reason',
    state,
    createdAt: '2026-11-24T10:02:00.000Z',
    decidedAt,
    decidedBy: decidedAt ? 'root' : null,
    note: null,
  };
}

describe('isRequestCurrent', () => {
  const g = grant(); // granted 10:00
  it('always shows a pending request', () => {
    expect(isRequestCurrent({ request: request('pending', null), grant: null })).toBe(true);
  });
  it('shows an approval while the grant it fed is active, not after it ended', () => {
    expect(
      isRequestCurrent({ request: request('approved', '2026-11-24T10:03:00.000Z'), grant: g }),
    ).toBe(true);
    expect(
      isRequestCurrent({ request: request('approved', '2026-11-24T10:03:00.000Z'), grant: null }),
    ).toBe(false);
    // An approval from a session before the current one.
    expect(
      isRequestCurrent({ request: request('approved', '2026-11-24T09:00:00.000Z'), grant: g }),
    ).toBe(false);
  });
  it('treats the grant an approval created as the same session', () => {
    expect(
      isRequestCurrent({ request: request('approved', '2026-11-24T10:00:00.500Z'), grant: g }),
    ).toBe(true);
  });
  it('shows a denial until a later session starts', () => {
    expect(
      isRequestCurrent({ request: request('denied', '2026-11-24T10:03:00.000Z'), grant: null }),
    ).toBe(true);
    expect(
      isRequestCurrent({ request: request('denied', '2026-11-24T10:03:00.000Z'), grant: g }),
    ).toBe(true);
    expect(
      isRequestCurrent({ request: request('denied', '2026-11-24T09:00:00.000Z'), grant: g }),
    ).toBe(false);
  });
  it('shows an approval only under the grant it created or extended (request.grantId)', () => {
    // The case: "Request approved by policy: 30 min more" from the previous grant,
    // decided seconds before an admin's fresh grant replaced it.
    const old = { ...request('approved', '2026-11-24T09:59:50.000Z'), grantId: 'g_old' };
    expect(isRequestCurrent({ request: old, grant: g })).toBe(false);
    const mine = { ...request('approved', '2026-11-24T09:59:50.000Z'), grantId: g.id };
    expect(isRequestCurrent({ request: mine, grant: g })).toBe(true);
    expect(isRequestCurrent({ request: mine, grant: null })).toBe(false);
  });
  it('shows nothing without a request', () => {
    expect(isRequestCurrent({ request: null, grant: g })).toBe(false);
  });
});
