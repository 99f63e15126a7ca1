import type { SellerRisk } from '../records/seller-risk.js';
import { mergeSellerRisk } from '../scoring/sellers/index.js';
import { sellerScore, strongestListingScore } from '../scoring/sellers/seller-score.js';
import type { StoredSeller } from './seller-state.js';

/** Exact per-seller counts, from the set of record ids the store keeps per seller. */
export interface SellerCounts {
  listings: number;
  flagged: number;
}

/**
 * Folds a batch's view of a seller into the stored one. Names, places, categories, signals
 * and reasons merge as `mergeSellerRisk` merges them; the listing counts are exact (each
 * record id counts once however often it is re-crawled or replayed), and the score is the
 * strongest listing seen plus the nudge for the exact number of flagged listings.
 */
export function foldSeller(
  previous: StoredSeller | undefined,
  batch: SellerRisk,
  counts: SellerCounts,
): StoredSeller {
  const merged = previous === undefined ? batch : mergeSellerRisk(previous.risk, batch);
  const strongest = Math.max(
    previous?.strongest ?? 0,
    strongestListingScore(batch.score, batch.flaggedListingCount),
  );
  return {
    strongest,
    risk: {
      ...merged,
      listingCount: counts.listings,
      flaggedListingCount: counts.flagged,
      score: sellerScore(strongest, counts.flagged),
      flagged: merged.flagged || counts.flagged > 0,
    },
  };
}
