import { describe, expect, it } from 'vitest';
import {
  durationChoices,
  levelChoices,
  requestOffer,
} from '../../../../renderer/src/logic/durations.js';
import { grant, snapshot } from './fixtures.js';

describe('durationChoices', () => {
  it('keeps only durations within the maximum, sorted and unique', () => {
    expect(
      durationChoices({ durationsSec: [3600, 600, 7200, 600, 1800], maxDurationSec: 3600 }),
    ).toEqual([600, 1800, 3600]);
  });
});

describe('levelChoices', () => {
  it('offers only levels above the permanent one', () => {
    const s = snapshot({ permanentLevel: 'admin' });
    s.policy.levels = ['admin', 'passwordless'];
    expect(levelChoices(s)).toEqual(['passwordless']);
    expect(levelChoices({ ...s, permanentLevel: 'none' })).toEqual(['admin', 'passwordless']);
  });
});

describe('requestOffer', () => {
  it('offers new rights when not elevated', () => {
    expect(requestOffer(snapshot())).toEqual({
      kind: 'elevate',
      levels: ['admin'],
      durations: [600, 1800, 3600],
    });
  });
  it('offers more time during a grant while extensions are left', () => {
    expect(
      requestOffer(snapshot({ level: 'admin', grant: grant({ extensionsLeft: 1 }) })),
    ).toMatchObject({
      kind: 'extend',
      extensionsLeft: 1,
    });
    const used = requestOffer(snapshot({ level: 'admin', grant: grant({ extensionsLeft: 0 }) }));
    expect(used).toEqual({
      kind: 'none',
      why: 'You have used every extension this session allows.',
    });
  });
  it('offers nothing when the policy allows no requests', () => {
    const s = snapshot();
    s.policy.selfServe = false;
    s.policy.approvalRequired = false;
    expect(requestOffer(s).kind).toBe('none');
  });
  it('still offers requests that need approval', () => {
    const s = snapshot();
    s.policy.selfServe = false;
    s.policy.approvalRequired = true;
    expect(requestOffer(s).kind).toBe('elevate');
  });
});
