import type { ScoredItem } from '../../index/seller-index.js';
import { sellerKey, type SellerRisk } from '../../records/seller-risk.js';
import { SellerAggregator, sellerOf } from '../../scoring/sellers/index.js';
import type { ScoredRecord } from '../pipeline-record.js';
import type { SellerMembership, SellerStateStore } from '../seller-state.js';

export interface AggregateResult {
  /** The batch's items with `province` set to their seller's province as it now stands. */
  items: ScoredRecord[];
  /** Every seller of the batch, with its whole history folded in. */
  sellers: SellerRisk[];
}

/**
 * Stage 3: groups a scored batch by seller (`SellerAggregator`), folds each seller into the
 * running state (`SellerStateStore`, atomic and idempotent), and stamps each item with its
 * seller's normalised province for the index's per-province counts.
 */
export async function aggregateBatch(
  records: readonly ScoredRecord[],
  state: SellerStateStore,
): Promise<AggregateResult> {
  const aggregator = new SellerAggregator();
  const members: SellerMembership[] = [];
  const sellerKeys: string[] = [];
  for (const { id, item } of records) {
    aggregator.add(item, item.risk);
    const key = sellerKey(sellerOf(item));
    sellerKeys.push(key);
    members.push({ sellerKey: key, recordId: id, flagged: item.risk.flagged });
  }
  const sellers = await state.merge(aggregator.sellers(), members);
  const provinces = new Map(sellers.map((seller) => [sellerKey(seller), seller.province]));
  const items = records.map((record, position): ScoredRecord => {
    const province = provinces.get(sellerKeys[position]!);
    const item: ScoredItem = { ...record.item };
    if (province !== undefined) item.province = province;
    else delete item.province;
    return { ...record, item };
  });
  return { items, sellers };
}
