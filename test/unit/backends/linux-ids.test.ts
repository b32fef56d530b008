/** uid and gid fields read as the C library reads them, so spellings of 0 are still 0. */
import { describe, expect, it } from 'vitest';
import { parseId } from '../../../agent/backends/linux/etc-group.js';

describe('parseId', () => {
  it('reads the spellings of root that login and sudo accept', () => {
    for (const f of ['0', '00', '000000', '+0', '-0', ' 0', '\t0', '-4294967296', '4294967296'])
      expect(parseId(f), f).toBe(0);
  });

  it('reads ordinary ids, and nothing from a field without digits', () => {
    expect(parseId('27')).toBe(27);
    expect(parseId('027')).toBe(27);
    expect(parseId('-1')).toBe(4294967295);
    expect(parseId('')).toBeNull();
    expect(parseId('x')).toBeNull();
  });
});
