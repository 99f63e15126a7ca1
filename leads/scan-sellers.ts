import type { SellerFilter, SellerHit, SellerIndex } from '../index/seller-index.js';

/** Sellers per page of the scan: one page in memory at a time. */
const SCAN_PAGE = 500;

/**
 * Every seller matching a filter, through the index's keyset scan (both stores serve it: no
 * facets, no totals, so reading 200,000 sellers stays linear), one page in memory at a time,
 * in key order: callers sort what they keep.
 */
export async function* scanSellers(
  index: SellerIndex,
  filter: SellerFilter,
  pageSize = SCAN_PAGE,
): AsyncGenerator<SellerHit> {
  let afterKey: string | undefined;
  do {
    const page = await index.scanSellers(
      filter,
      afterKey === undefined ? { limit: pageSize } : { afterKey, limit: pageSize },
    );
    yield* page.sellers;
    afterKey = page.nextKey;
  } while (afterKey !== undefined);
}

/** Strongest first, then by key: the order lists and exports are written in. */
export function byScoreThenKey(a: { score: number; key: string }, b: { score: number; key: string }): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
