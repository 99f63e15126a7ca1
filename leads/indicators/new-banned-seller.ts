import type { CategoryId } from '../../records/index.js';
import { BANNED_CATEGORY_IDS } from '../../records/index.js';
import type { Indicator } from './indicator.js';

/**
 * A new seller of banned goods (e-cigarettes, heated tobacco) at high volume. Every seller of
 * banned goods is already a lead; this marks the ones that arrived stocked: a shop that opens
 * with many banned listings or many sales in its first week is a distributor or a re-opened
 * account, not a one-off reseller, and is worth acting on before it builds reviews.
 */
export interface NewBannedSellerThresholds {
  /** "New": first seen within this many days up to the day (a weekly review cadence). */
  newWithinDays: number;
  /** Flagged listings that make it high volume (a typical reseller lists 1–3 banned items). */
  minFlaggedListings: number;
  /** Or units sold across its flagged listings, from the marketplaces' sold counters. */
  minSold: number;
}

export const NEW_BANNED_SELLER_THRESHOLDS: NewBannedSellerThresholds = {
  newWithinDays: 7,
  minFlaggedListings: 10,
  minSold: 500,
};

export interface SellerVolume {
  key: string;
  firstSeen: string;
  categories: readonly CategoryId[];
  flaggedListingCount: number;
  province?: string;
  /** Units sold across its flagged listings, when the marketplace shows it. */
  sold?: number;
}

const BANNED = new Set<string>(BANNED_CATEGORY_IDS);

/** `since` is the first instant of the window (day − newWithinDays + 1, local midnight). */
export function detectNewBannedSellers(
  sellers: readonly SellerVolume[],
  day: string,
  since: string,
  thresholds: NewBannedSellerThresholds = NEW_BANNED_SELLER_THRESHOLDS,
): Indicator[] {
  const indicators: Indicator[] = [];
  for (const seller of sellers) {
    const banned = seller.categories.filter((category) => BANNED.has(category));
    if (banned.length === 0 || Date.parse(seller.firstSeen) < Date.parse(since)) continue;
    const sold = seller.sold ?? 0;
    const byListings = seller.flaggedListingCount >= thresholds.minFlaggedListings;
    const bySales = sold >= thresholds.minSold;
    if (!byListings && !bySales) continue;
    indicators.push({
      kind: 'new_banned_seller',
      severity: byListings && bySales ? 'high' : 'medium',
      day,
      sellerKey: seller.key,
      category: banned.join(','),
      ...(seller.province === undefined ? {} : { province: seller.province }),
      value: seller.flaggedListingCount,
      threshold: `first seen within ${thresholds.newWithinDays} days; ≥ ${thresholds.minFlaggedListings} flagged listings or ≥ ${thresholds.minSold} sold`,
      message: `new seller ${seller.key} (first seen ${seller.firstSeen}) sells ${banned.join(', ')}: ${seller.flaggedListingCount} flagged listings, ${sold} sold`,
    });
  }
  return indicators.sort((a, b) => b.value - a.value);
}
