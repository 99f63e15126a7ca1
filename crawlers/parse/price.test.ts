import { describe, expect, it } from 'vitest';
import { fromShopeePrice, parseVndPrice } from './price.js';

describe('parseVndPrice', () => {
  it.each([
    ['₫32.000', 32_000],
    ['50.352 ₫', 50_352],
    ['₫167,000', 167_000],
    ['199.000₫', 199_000],
    ['159.000 đ', 159_000],
    ['1.299.000đ', 1_299_000],
    ['1.299.000 VNĐ', 1_299_000],
    ['2,590,000 VND', 2_590_000],
    ['159000', 159_000],
    ['159000.00', 159_000],
    ['₫159.000 - ₫199.000', 159_000],
    ['150k', 150_000],
    ['1,2tr', 1_200_000],
    ['1,5 triệu', 1_500_000],
    ['Giá: 45.000đ', 45_000],
    ['\u00a0₫\u00a012.500', 12_500],
    ['1 299 000 ₫', 1_299_000],
  ])('%s → %d', (text, expected) => {
    expect(parseVndPrice(text)).toBe(expected);
  });

  it.each([['Liên hệ'], [''], ['₫'], ['giá tốt']])('%j has no price', (text) => {
    expect(parseVndPrice(text)).toBeUndefined();
  });

  it('passes numbers through, rounded, and refuses negatives and NaN', () => {
    expect(parseVndPrice(129000)).toBe(129_000);
    expect(parseVndPrice(129000.4)).toBe(129_000);
    expect(parseVndPrice(-1)).toBeUndefined();
    expect(parseVndPrice(Number.NaN)).toBeUndefined();
    expect(parseVndPrice(null)).toBeUndefined();
    expect(parseVndPrice(undefined)).toBeUndefined();
  });
});

describe('fromShopeePrice', () => {
  it('divides Shopee API prices by 100,000', () => {
    expect(fromShopeePrice(15_900_000_000)).toBe(159_000);
    expect(fromShopeePrice(13_365_000_000)).toBe(133_650);
    expect(fromShopeePrice(517_084_500_000)).toBe(5_170_845);
  });

  it('treats 0, negatives and non-numbers as no price', () => {
    expect(fromShopeePrice(0)).toBeUndefined();
    expect(fromShopeePrice(-5)).toBeUndefined();
    expect(fromShopeePrice('15900000000')).toBeUndefined();
  });
});
