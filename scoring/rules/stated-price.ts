import { parseDecimalNumber, parseGroupedNumber } from '../../crawlers/parse/price.js';

/**
 * A price the seller states in prose, where the record has no price field: a livestream
 * title "iPhone 14 Pro Max giá 2tr5", a pinned product "Nước hoa Chanel 150k/chai". Only
 * after a word that announces a price (giá, chỉ, còn, sale, xả, chốt) or before a per-item unit
 * ("/chai"), so "giảm 50k" or "freeship đơn 99k" are not read as what the item costs.
 */
const ANNOUNCED =
  /(?:^|[^\p{L}])(?:giá|gia|chỉ còn|chi con|chỉ|chi|còn|con|sale|xả|xa|đồng giá|dong gia|chốt|chot)\s*:?\s*(\d+(?:[.,]\d+)*)\s*(k|tr|triệu|trieu|củ|cu|nghìn|ngàn|ngan|đ|₫|vnđ|vnd)?(\d{1,3})?(?![\p{L}\d])/iu;
const PER_ITEM =
  /(?:^|[^\p{L}\d])(\d+(?:[.,]\d+)*)\s*(k|tr|triệu|trieu|củ|cu|nghìn|ngàn|ngan|đ|₫)(\d{1,3})?\s*\/\s*(?:chai|hộp|hop|cái|cai|đôi|doi|lọ|lo|hũ|hu|set|bộ|bo|lon|gói|goi|sp|món|mon)(?![\p{L}])/iu;

/** An amount with a unit or thousands groups: a cheap test before the full patterns run. */
const AMOUNT = /\d\s*(?:k|tr|triệu|trieu|củ|cu|nghìn|ngàn|ngan|đ|₫|vn|[.,]\d{3})/i;

export function statedPrice(text: string | undefined): number | undefined {
  if (text === undefined || !AMOUNT.test(text)) return undefined;
  const match = ANNOUNCED.exec(text) ?? PER_ITEM.exec(text);
  if (match === null) return undefined;
  return toVnd(match[1]!, match[2]?.toLowerCase(), match[3]);
}

const MILLION = new Set(['tr', 'triệu', 'trieu', 'củ', 'cu']);
const THOUSAND = new Set(['k', 'nghìn', 'ngàn', 'ngan']);

function toVnd(number: string, unit: string | undefined, tail: string | undefined): number | undefined {
  if (unit !== undefined && MILLION.has(unit)) {
    // "2tr5" is 2.5 million, "1tr25" 1.25 million; "1,5 triệu" likewise.
    const whole = parseDecimalNumber(number);
    const fraction = tail === undefined ? 0 : Number(`0.${tail}`);
    return whole === undefined ? undefined : Math.round((whole + fraction) * 1_000_000);
  }
  if (tail !== undefined) return undefined; // "150k5" is not a price
  if (unit !== undefined && THOUSAND.has(unit)) {
    const value = parseDecimalNumber(number);
    return value === undefined ? undefined : Math.round(value * 1000);
  }
  // Plain digits, grouped or not ("1.200.000đ"); a bare small number is no price.
  const value = parseGroupedNumber(number);
  if (value === undefined || (unit === undefined && value < 1000)) return undefined;
  return Math.round(value);
}
