import { describe, it, expect } from 'vitest';
import { reasonProblem } from '../../../agent/cli/reason-check.js';
import { snapshot } from './snapshot-fixture.js';

const policy = snapshot().policy;

describe('reasonProblem', () => {
  it('says what is needed when the reason is missing, short or long', () => {
    expect(reasonProblem(undefined, policy)).toBe(
      'A reason is required: add --reason "..." with at least 10 characters saying what you need the rights for.',
    );
    expect(reasonProblem('  fix  ', policy)).toBe(
      'The reason must be at least 10 characters (yours has 3): say what you need the rights for.',
    );
    expect(reasonProblem('x'.repeat(251), policy)).toBe(
      'The reason can be at most 250 characters (yours has 251).',
    );
  });

  it('accepts a good reason, and none when the policy does not ask for one', () => {
    expect(reasonProblem('install the printer driver', policy)).toBeNull();
    expect(reasonProblem(undefined, { ...policy, requireReason: false })).toBeNull();
  });
});
