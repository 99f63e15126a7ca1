import type { SellerRisk } from '../../records/seller-risk.js';
import { sellerKey } from '../../records/seller-risk.js';
import { CATEGORY_IDS, SIGNAL_IDS } from '../../records/taxonomy.js';
import { inOrder } from './aggregate-sellers.js';
import { sellerScore, strongestListingScore, TopReasons } from './seller-score.js';

export interface MergeOptions {
  /**
   * How to combine listing counts. A stored SellerRisk holds no listing ids, so it cannot
   * tell a re-crawl of the same listings from new ones. 'max' (the default) never inflates:
   * right when each batch re-crawls the seller's shop. 'sum' is right only when batches
   * are known to hold listings not seen before.
   */
  counts?: 'max' | 'sum';
}

/**
 * Folds a new batch's SellerRisk into the stored one. Keeps the stored status (an
 * inspector's decision is never undone by a crawl) and the earliest firstSeen; takes name,
 * location and ruleset from whichever was seen last; unions signals and reasons; a seller
 * flagged before stays flagged.
 */
export function mergeSellerRisk(
  previous: SellerRisk,
  next: SellerRisk,
  options: MergeOptions = {},
): SellerRisk {
  if (sellerKey(previous) !== sellerKey(next)) {
    throw new Error(`mergeSellerRisk: ${sellerKey(previous)} and ${sellerKey(next)} are different sellers`);
  }
  const newer = Date.parse(next.lastSeen) >= Date.parse(previous.lastSeen) ? next : previous;
  const older = newer === next ? previous : next;
  const combine = options.counts === 'sum' ? (a: number, b: number) => a + b : Math.max;
  const listingCount = combine(previous.listingCount, next.listingCount);
  const flaggedListingCount = Math.min(
    listingCount,
    combine(previous.flaggedListingCount, next.flaggedListingCount),
  );
  const strongest = Math.max(
    strongestListingScore(previous.score, previous.flaggedListingCount),
    strongestListingScore(next.score, next.flaggedListingCount),
  );
  const reasons = new TopReasons();
  reasons.addAll(previous.topReasons);
  reasons.addAll(next.topReasons);
  const name = newer.name ?? older.name;
  // Province and its raw text travel together, so the raw always explains the province.
  const location = newer.province !== undefined || older.province === undefined ? newer : older;
  const locationRaw = location.locationRaw ?? (location === newer ? older : newer).locationRaw;
  return {
    platform: previous.platform,
    sellerId: previous.sellerId,
    ...(name !== undefined && { name }),
    ...(location.province !== undefined && { province: location.province }),
    ...(locationRaw !== undefined && { locationRaw }),
    categories: mergeCategories(previous, next),
    signals: inOrder(new Set([...previous.signals, ...next.signals]), SIGNAL_IDS),
    listingCount,
    flaggedListingCount,
    score: Math.max(previous.score, next.score, sellerScore(strongest, flaggedListingCount)),
    flagged: previous.flagged || next.flagged,
    topReasons: reasons.top(),
    firstSeen:
      Date.parse(next.firstSeen) < Date.parse(previous.firstSeen) ? next.firstSeen : previous.firstSeen,
    lastSeen: newer.lastSeen,
    status: previous.status,
    ruleset: newer.ruleset,
  };
}

/** Same rule as the aggregator: flagged sellers show what they are flagged for. */
function mergeCategories(previous: SellerRisk, next: SellerRisk): SellerRisk['categories'] {
  const sources =
    previous.flagged === next.flagged ? [previous, next] : previous.flagged ? [previous] : [next];
  return inOrder(new Set(sources.flatMap((seller) => seller.categories)), CATEGORY_IDS);
}
