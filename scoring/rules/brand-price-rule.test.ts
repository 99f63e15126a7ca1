import { describe, expect, it } from 'vitest';
import type { BrandPrices } from '../lexicons/lexicon-schema.js';
import { TermMatcher } from '../match/term-matcher.js';
import { compileTerms } from '../compile-terms.js';
import type { Lexicons } from '../lexicons/load-lexicons.js';
import { Teencode } from '../text/teencode.js';
import { brandPriceFindings } from './brand-price-rule.js';
import { COMBO_JOINS } from './rule-context.js';

const table: BrandPrices = {
  product_types: {
    bag: ['túi'],
    watch: ['đồng hồ'],
    phone: ['điện thoại'],
    cookware: ['nồi', 'chảo'],
    pressure_cooker: ['nồi áp suất'],
  },
  accessories: ['ốp lưng', 'dây đồng hồ'],
  style_words: ['phong cách'],
  used_words: ['cũ'],
  part_words: ['mini size'],
  brands: [
    { brand: 'Rolex', aliases: ['rolex'], floors: { watch: 150_000_000 } },
    { brand: 'Tefal', aliases: ['tefal'], floors: { pressure_cooker: 700_000, cookware: 150_000 } },
    {
      brand: 'Louis Vuitton',
      aliases: ['lv', 'louis vuitton'],
      floors: { bag: 15_000_000, wallet: 6_000_000 },
    },
  ],
};
const lexicons = {
  categories: [],
  signs: [],
  outside: [],
  brandPrices: table,
  sellers: { official: [] },
  teencode: {},
  digest: '',
} as Lexicons;
const matcher = new TermMatcher(compileTerms(lexicons), new Teencode({}));

function check(title: string, price: number) {
  const hits = matcher.match([{ field: 'title', text: matcher.fold(title), itemJoins: COMBO_JOINS }]);
  const context = {
    hits,
    categories: new Set<never>(),
    offers: [{ fields: new Set(['title']), price }],
    isOfficialStore: false,
    sellerName: undefined,
  };
  return brandPriceFindings(context, table);
}

describe('brandPriceFindings', () => {
  it('flags a brand below the genuine floor of the product type named, explaining the floor', () => {
    const [finding] = check('Túi LV Neverfull da', 450_000);
    expect(finding?.signal).toBe('implausible_price');
    expect(finding?.reason.match).toBe('LV');
    expect(finding?.reason.note).toMatch(/450\.000 ₫ < 15\.000\.000 ₫/);
  });

  it('judges a one-product brand without the product named, not when another product is named', () => {
    expect(check('Rolex Daytona nam', 1_500_000)).toHaveLength(1);
    expect(check('Điện thoại Rolex phiên bản đặc biệt', 1_500_000)).toEqual([]);
  });

  it('says nothing at a plausible price', () => {
    expect(check('Đồng hồ Rolex Datejust', 280_000_000)).toEqual([]);
  });

  it('leaves accessories, styles and parts of an item alone', () => {
    expect(check('Ốp lưng LV cho điện thoại', 90_000)).toEqual([]);
    expect(check('Dây đồng hồ cho Rolex', 200_000)).toEqual([]);
    expect(check('Túi phong cách LV', 300_000)).toEqual([]);
    expect(check('Túi LV mini size', 300_000)).toEqual([]);
    expect(check('Hộp đựng cho Rolex', 300_000)).toEqual([]);
  });

  it('judges second-hand goods against a quarter of the new floor', () => {
    expect(check('Túi LV cũ', 4_000_000)).toEqual([]);
    const [finding] = check('Túi LV cũ', 3_000_000);
    expect(finding?.signal).toBe('implausible_price');
    expect(finding?.reason.note).toMatch(/3\.000\.000 ₫ < 3\.750\.000 ₫ .*second-hand/);
  });

  it('does not judge a many-product brand when no product type is named (a model code "…LV")', () => {
    expect(check('Máy giặt AW-J920LV', 4_780_000)).toEqual([]);
  });

  it('takes the longest product name: a "nồi áp suất" is judged as a pressure cooker, not a pot', () => {
    expect(check('Nồi áp suất Tefal 6L', 199_000)).toHaveLength(1);
    expect(check('Chảo Tefal chống dính 24cm', 199_000)).toEqual([]);
  });
});
