import { describe, expect, it } from 'vitest';
import { parseSoldCount } from './sold.js';

describe('parseSoldCount', () => {
  it.each([
    ['Đã bán 62,6k', 62_600],
    ['3.9K sold', 3_900],
    ['64.5K', 64_500],
    ['Đã bán 497', 497],
    ['Đã bán 1,2K', 1_200],
    ['Đã bán 1,2k', 1_200],
    ['1,2k', 1_200],
    ['10k+', 10_000],
    ['Đã bán 10k+', 10_000],
    ['1.234', 1_234],
    ['Đã bán 1.234', 1_234],
    ['1,2tr', 1_200_000],
    ['1.2M sold', 1_200_000],
    ['Đã bán 2 nghìn', 2_000],
    ['56', 56],
    ['0', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseSoldCount(text)).toBe(expected);
  });

  it.each([['Chưa có lượt bán'], [''], ['mới']])('%j has no count', (text) => {
    expect(parseSoldCount(text)).toBeUndefined();
  });

  it('passes whole numbers through', () => {
    expect(parseSoldCount(415)).toBe(415);
    expect(parseSoldCount(null)).toBeUndefined();
  });
});
