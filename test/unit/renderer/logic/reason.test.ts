import { describe, expect, it } from 'vitest';
import { checkReason } from '../../../../renderer/src/logic/reason.js';

const required = { requireReason: true, reasonMinLength: 10, reasonMaxLength: 20 };
const optional = { requireReason: false, reasonMinLength: 10, reasonMaxLength: 20 };

describe('checkReason', () => {
  it('asks for a reason when the policy requires one', () => {
    const r = checkReason('   ', required);
    expect(r.valid).toBe(false);
    expect(r.message).toBe('Please say why you need the rights.');
    expect(r.counter).toBe('0 / 20');
  });
  it('says how many characters are still missing', () => {
    const r = checkReason('install', required);
    expect(r.valid).toBe(false);
    expect(r.message).toBe('Please write at least 10 characters (3 more).');
    expect(r.length).toBe(7);
  });
  it('accepts the boundaries and counts trimmed text', () => {
    expect(checkReason('  0123456789  ', required)).toMatchObject({
      valid: true,
      length: 10,
      message: null,
    });
    expect(checkReason('x'.repeat(20), required).valid).toBe(true);
  });
  it('refuses text over the maximum and says by how much', () => {
    const r = checkReason('x'.repeat(23), required);
    expect(r.valid).toBe(false);
    expect(r.message).toBe('The reason is 3 characters too long (at most 20).');
  });
  it('lets an optional reason be empty or short but still caps its length', () => {
    expect(checkReason('', optional).valid).toBe(true);
    expect(checkReason('hi', optional).valid).toBe(true);
    expect(checkReason('x'.repeat(21), optional).valid).toBe(false);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(checkReason('🔧'.repeat(10), required)).toMatchObject({ valid: true, length: 10 });
  });
});
