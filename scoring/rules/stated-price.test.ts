import { describe, expect, it } from 'vitest';
import { statedPrice } from './stated-price.js';

describe('statedPrice', () => {
  it.each([
    ['iPhone 14 Pro Max giá 2tr5 chốt nhanh', 2_500_000],
    ['Macbook Air M3 chỉ 5 củ', 5_000_000],
    ['Bộ dưỡng da Whoo 7 món chỉ 390k 🎁', 390_000],
    ['Nước hoa Chanel, Dior 150k/chai', 150_000],
    ['Ruou Chivas 25 nam hop go chi 1tr5', 1_500_000],
    ['Giá: 1.200.000đ', 1_200_000],
    ['sale 1,5 triệu', 1_500_000],
    ['đồng giá 199k', 199_000],
    ['Rolex Daytona, Patek Nautilus chốt 1tr8 trong live', 1_800_000],
  ])('reads %j as %d ₫', (text, price) => {
    expect(statedPrice(text)).toBe(price);
  });

  it.each([
    'Giảm 50k cho đơn đầu',
    'Freeship đơn 99k',
    'Combo 2 chai 750ml',
    'Giá tốt nhất thị trường',
    'iPhone 15 Pro Max 256GB',
    'con 5 size',
    'chốt đơn trước 12h',
  ])('reads no price in %j', (text) => {
    expect(statedPrice(text)).toBeUndefined();
  });
});
