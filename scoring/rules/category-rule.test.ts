import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../records/risk.js';
import { TermMatcher, type MatchField } from '../match/term-matcher.js';
import type { TermSpec } from '../compile-terms.js';
import { Teencode } from '../text/teencode.js';
import { detectCategories } from './category-rule.js';
import { applyNegativeContexts } from './negative-contexts.js';
import { COMBO_JOINS } from './rule-context.js';

// A tiny lexicon, so each test shows the rule and nothing else.
const strong = (term: string, category: CategoryId, accented = false): TermSpec => ({
  term,
  role: { kind: 'category', category, strength: 1 },
  accented,
});
const weak = (term: string, category: CategoryId): TermSpec => ({
  term,
  role: { kind: 'category', category, strength: 0.5 },
});
const not = (term: string, category: CategoryId): TermSpec => ({
  term,
  role: { kind: 'category-not', category },
  accented: true,
});

const matcher = new TermMatcher(
  [
    strong('túi', 'fashion'),
    weak('chanel', 'cosmetics'),
    strong('nước hoa', 'cosmetics'),
    strong('sữa', 'milk', true),
    strong('sữa bột', 'milk'),
    not('sữa tắm', 'milk'),
    strong('sữa tắm', 'cosmetics'),
    strong('apple watch', 'watches'),
    strong('apple watch', 'electronics'),
    strong('dây đồng hồ', 'watches'),
    strong('bánh', 'food', true),
    strong('pod', 'e_cigarettes'),
    strong('ốp lưng', 'electronics'),
    weak('tinh dầu', 'e_cigarettes'),
    weak('hơi', 'e_cigarettes'),
    strong('rượu', 'alcohol'),
    strong('vòng tay', 'fashion'),
    strong('vòng tay điều hòa huyết áp', 'medical_devices'),
    strong('sạc usb', 'electronics'),
    strong('vinamilk', 'milk'),
    strong('sữa chua', 'food', true),
    not('sữa chua', 'milk'),
    strong('kẹo cao su', 'food'),
    strong('thuốc', 'pharmaceuticals', true),
    strong('kẹo cao su cai thuốc lá', 'pharmaceuticals'),
    not('thuốc lá', 'pharmaceuticals'),
    { term: 'bật lửa', role: { kind: 'outside' } },
  ],
  new Teencode({}),
);

function categories(
  title: string,
  description?: string,
  fallbacks: CategoryId[] = [],
  brand?: string,
): CategoryId[] {
  const field = (name: string, text: string): MatchField => ({
    field: name,
    text: matcher.fold(text),
    itemJoins: COMBO_JOINS,
  });
  const fields = [field('title', title)];
  if (brand !== undefined) fields.push(field('brand', brand));
  if (description !== undefined) fields.push(field('description', description));
  return [
    ...detectCategories(applyNegativeContexts(matcher.match(fields)), new Set(fallbacks)).keys(),
  ].sort();
}

describe('detectCategories', () => {
  it('takes the category of the words a title starts with', () => {
    expect(categories('Túi Chanel Classic da thật')).toEqual(['fashion']);
    expect(categories('Nước hoa Chanel No.5 100ml')).toEqual(['cosmetics']);
  });

  it('keeps every category of the head term ("Apple Watch" is a watch and electronics)', () => {
    expect(categories('Apple Watch Series 10 GPS')).toEqual(['electronics', 'watches']);
  });

  it('does not take what an accessory is for as what it is', () => {
    expect(categories('Dây đồng hồ cho Apple Watch 45mm')).toEqual(['watches']);
  });

  it('keeps banned goods wherever they appear in the title', () => {
    expect(categories('Ốp lưng điện thoại tặng kèm pod')).toEqual(['e_cigarettes', 'electronics']);
  });

  it('needs two weak words when no strong one is there, and never counts one span twice', () => {
    expect(categories('tinh dầu thơm')).toEqual([]);
    expect(categories('tinh dầu 6000 hơi')).toEqual(['e_cigarettes']);
  });

  it('lets a negative context cancel the term it contains', () => {
    expect(categories('Sữa tắm Dove 900g')).toEqual(['cosmetics']);
    expect(categories('Sữa bột Meiji số 0')).toEqual(['milk']);
  });

  it('lets a longer term that takes in a negative context stand', () => {
    expect(categories('Thuốc lá Jet')).toEqual([]);
    expect(categories('Kẹo cao su cai thuốc lá 2mg')).toEqual(['pharmaceuticals']);
  });

  it('respects accents on accent-sensitive terms, and matches bare words', () => {
    expect(categories('Sửa chữa điện thoại')).toEqual([]);
    expect(categories('sua bot cho be')).toEqual(['milk']);
  });

  it('keeps a fallback category only when nothing more specific is there', () => {
    expect(categories('Bánh quy bơ', undefined, ['food'])).toEqual(['food']);
    expect(categories('Sữa bột bánh quy', undefined, ['food'])).toEqual(['milk']);
  });

  it('lets the description support but not name the item', () => {
    expect(categories('Quà tặng', 'kèm túi')).toEqual([]);
    expect(categories('Túi vải', 'nước hoa')).toEqual(['fashion']);
  });

  it('takes the longest product name at the head: a blood-pressure bracelet is a device', () => {
    expect(categories('Vòng tay điều hòa huyết áp từ tính')).toEqual(['medical_devices']);
    expect(categories('Vòng tay bạc nữ')).toEqual(['fashion']);
  });

  it('lets goods outside the taxonomy name the item, but never hide banned goods', () => {
    expect(categories('Bật lửa điện sạc USB chống gió')).toEqual([]);
    expect(categories('Bật lửa tặng kèm pod')).toEqual(['e_cigarettes']);
  });

  it('names each part of a "+" combo at its own head', () => {
    expect(categories('Combo rượu vang + túi vải')).toEqual(['alcohol', 'fashion']);
    expect(categories('Rượu vang túi vải')).toEqual(['alcohol']);
  });

  it('keeps a fallback category that a combo part sells by itself', () => {
    expect(categories('Rượu vang + bánh quy', undefined, ['food'])).toEqual(['alcohol', 'food']);
    expect(categories('Rượu vang bánh quy', undefined, ['food'])).toEqual(['alcohol']);
  });

  it('takes the brand field as naming the item only when the title names nothing', () => {
    expect(categories('Sữa chua nha đam lốc 4', undefined, ['food'], 'Vinamilk')).toEqual(['food']);
    expect(categories('Lốc 4 hộp 180ml', undefined, ['food'], 'Vinamilk')).toEqual(['milk']);
  });
});
