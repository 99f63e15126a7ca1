import { parseDecimalNumber, parseGroupedNumber } from './price.js';

/**
 * A sold count as marketplaces print it → a whole number of units:
 * "Đã bán 62,6k" → 62600, "3.9K sold" → 3900, "64.5K" → 64500, "Đã bán 497" → 497,
 * "Đã bán 1,2K" → 1200, "10k+" → 10000, "1.234" → 1234, "1,2tr" / "1.2M" → 1200000.
 */
export function parseSoldCount(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text) : undefined;
  const cleaned = text
    .toLowerCase()
    .replace(/\u00a0/g, ' ')
    .replace(/đã bán|sold|lượt bán|bán|\+/g, ' ')
    .trim();
  const match = /(\d[\d.,]*)\s*(k|nghìn|ngàn|tr|triệu|m)?(?![\p{L}])/u.exec(cleaned);
  if (match === null) return undefined;
  const unit = match[2];
  if (unit === undefined) return parseGroupedNumber(match[1]!);
  const value = parseDecimalNumber(match[1]!);
  if (value === undefined) return undefined;
  const multiplier = unit === 'k' || unit === 'nghìn' || unit === 'ngàn' ? 1_000 : 1_000_000;
  return Math.round(value * multiplier);
}
