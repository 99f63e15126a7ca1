/**
 * Vietnamese price text → whole VND. Handles the shapes marketplaces print:
 * "₫32.000", "50.352 ₫", "₫167,000", "199.000₫", "159.000 đ", "1.299.000 VNĐ", "159000.00",
 * ranges ("₫159.000 - ₫199.000" → the lower bound), and "1,2tr" / "1,5 triệu" / "150k".
 * Returns undefined when the text holds no price: a caller must not invent one.
 */
export function parseVndPrice(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text) : undefined;
  const first = text.split(/\s[-–~]\s|\s*–\s*/)[0] ?? '';
  const cleaned = first
    .toLowerCase()
    .replace(/vnđ|vnd|₫|đ|giá:?/g, ' ')
    .replace(/\u00a0/g, ' ')
    .trim();
  const match = /(\d[\d.,\s]*)\s*(triệu|tr|nghìn|ngàn|k)?\b/u.exec(cleaned);
  if (match === null) return undefined;
  const digits = match[1]!.replace(/\s+/g, '');
  const unit = match[2];
  const multiplier = unit === 'triệu' || unit === 'tr' ? 1_000_000 : unit === undefined ? 1 : 1_000;
  const value = unit === undefined ? parseGroupedNumber(digits) : parseDecimalNumber(digits);
  if (value === undefined) return undefined;
  return Math.round(value * multiplier);
}

/**
 * A number printed with thousands separators (either "." or ","), or with a short decimal tail
 * ("159000.00"). Three digits after every separator means grouping; one or two means a decimal.
 */
export function parseGroupedNumber(digits: string): number | undefined {
  const trimmed = digits.replace(/[.,]+$/, '');
  if (trimmed === '') return undefined;
  if (/^\d{1,3}([.,]\d{3})+$/.test(trimmed)) return Number(trimmed.replace(/[.,]/g, ''));
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const decimal = /^(\d+)[.,](\d{1,2})$/.exec(trimmed);
  if (decimal !== null) return Number(`${decimal[1]!}.${decimal[2]!}`);
  const groupedDecimal = /^(\d{1,3}(?:[.,]\d{3})+)[.,](\d{1,2})$/.exec(trimmed);
  if (groupedDecimal !== null) {
    return Number(`${groupedDecimal[1]!.replace(/[.,]/g, '')}.${groupedDecimal[2]!}`);
  }
  return undefined;
}

/** A number before a k / tr suffix: "62,6" and "3.9" are decimals, "1.234" is still grouped. */
export function parseDecimalNumber(digits: string): number | undefined {
  const trimmed = digits.replace(/[.,]+$/, '');
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const decimal = /^(\d+)[.,](\d{1,2})$/.exec(trimmed);
  if (decimal !== null) return Number(`${decimal[1]!}.${decimal[2]!}`);
  return parseGroupedNumber(trimmed);
}

/** Shopee API prices are integers in 1/100,000 VND. */
export const SHOPEE_PRICE_SCALE = 100_000;

export function fromShopeePrice(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  return Math.round(value / SHOPEE_PRICE_SCALE);
}
