import type { DroppedDocument, SellerIndex } from '../../index/seller-index.js';
import type { SellerRisk } from '../../records/seller-risk.js';
import type { ScoredRecord } from '../pipeline-record.js';

export interface IndexResult {
  items: number;
  sellers: number;
  /** Documents the index refused, with its reason: reported, never dropped silently. */
  dropped: DroppedDocument[];
}

/**
 * Stage 4: upserts the items, then their sellers, on their stable ids — so a replayed batch
 * writes the same rows again and never a second copy. A store failure throws (the transport
 * retries the batch); a refused document comes back in `dropped`.
 */
export async function indexBatch(
  index: SellerIndex,
  records: readonly ScoredRecord[],
  sellers: readonly SellerRisk[],
): Promise<IndexResult> {
  const items = await index.upsertItems(records.map((record) => record.item));
  const sellerResult = await index.upsertSellers(sellers);
  return {
    items: items.upserted,
    sellers: sellerResult.upserted,
    dropped: [...items.dropped, ...sellerResult.dropped],
  };
}
