import { describe, expect, it } from 'vitest';
import {
  POPOVER_MAX_HEIGHT,
  POPOVER_MIN_HEIGHT,
  popoverHeight,
  SCREEN_MARGIN,
} from '../../../main/popover-size.js';

describe('popoverHeight', () => {
  const laptop = 875; // a 1440×900 screen under the macOS menu bar

  it('gives the content the height it measured, rounded up to a whole pixel', () => {
    expect(popoverHeight(318, laptop)).toBe(318);
    expect(popoverHeight(318.2, laptop)).toBe(319);
  });

  it('caps a tall state at the maximum, where it scrolls under the pinned header', () => {
    expect(popoverHeight(784, laptop)).toBe(POPOVER_MAX_HEIGHT);
  });

  it('keeps the window inside a short screen, with its margins', () => {
    expect(popoverHeight(784, 500)).toBe(500 - 2 * SCREEN_MARGIN);
  });

  it('never goes below the floor, even for a tiny or absurd screen', () => {
    expect(popoverHeight(0, laptop)).toBe(POPOVER_MIN_HEIGHT);
    expect(popoverHeight(20, 100)).toBe(POPOVER_MIN_HEIGHT);
  });

  it('treats a value that is not a size as the largest allowed height', () => {
    expect(popoverHeight(Number.NaN, laptop)).toBe(POPOVER_MAX_HEIGHT);
    expect(popoverHeight(Number.POSITIVE_INFINITY, laptop)).toBe(POPOVER_MAX_HEIGHT);
  });
});
