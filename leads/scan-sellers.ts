import type { SearchResult, SellerHit, SellerIndex, SellerQuery } from '../index/seller-index.js';
import { MAX_PAGE_SIZE } from '../index/seller-query.js';

type ScanQuery = Omit<SellerQuery, 'limit' | 'cursor' | 'sort' | 'order'>;

/**
 * Sellers a query may match in one slice before the scan cuts it finer. A search page costs
 * the whole hit set (both stores count and facet every hit), so paging 200,000 sellers 100 at
 * a time would cost 2,000 × 200,000 rows; slices this small keep the scan near linear.
 */
const SLICE_MAX = 500;

/**
 * Every seller matching a query, through the index's public search only (both stores serve
 * it), one page in memory at a time, in no particular order: callers sort what they keep.
 * A large result is cut by halving the last-seen range (an indexed column in both stores)
 * until each slice holds at most `sliceMax` sellers, and each slice is paged.
 */
export async function* scanSellers(
  index: SellerIndex,
  query: ScanQuery,
  sliceMax = SLICE_MAX,
): AsyncGenerator<SellerHit> {
  const first = await index.search({ ...query, limit: MAX_PAGE_SIZE, sort: 'lastSeen', order: 'asc' });
  if (first.total === 0) return;
  if (first.total <= sliceMax) {
    yield* pages(index, { ...query, sort: 'lastSeen', order: 'asc' }, first);
    return;
  }
  const from = Date.parse(query.lastSeenFrom ?? first.sellers[0]!.lastSeen);
  const to = Date.parse(
    query.lastSeenTo ??
      (await index.search({ ...query, limit: 1, sort: 'lastSeen', order: 'desc' })).sellers[0]!.lastSeen,
  );
  yield* slice(index, query, from, to, sliceMax);
}

async function* slice(
  index: SellerIndex,
  query: ScanQuery,
  from: number,
  to: number,
  sliceMax: number,
): AsyncGenerator<SellerHit> {
  const bounded: SellerQuery = {
    ...query,
    lastSeenFrom: iso(from),
    lastSeenTo: iso(to),
    sort: 'lastSeen',
    order: 'asc',
  };
  const first = await index.search({ ...bounded, limit: MAX_PAGE_SIZE });
  if (first.total === 0) return;
  // One instant cannot be halved: page it whatever its size.
  if (first.total <= sliceMax || to <= from) {
    yield* pages(index, bounded, first);
    return;
  }
  const middle = Math.floor((from + to) / 2);
  yield* slice(index, query, from, middle, sliceMax);
  yield* slice(index, query, middle + 1, to, sliceMax);
}

async function* pages(
  index: SellerIndex,
  query: SellerQuery,
  first: SearchResult,
): AsyncGenerator<SellerHit> {
  let page = first;
  for (;;) {
    for (const seller of page.sellers) yield seller;
    if (page.nextCursor === undefined) return;
    page = await index.search({ ...query, limit: MAX_PAGE_SIZE, cursor: page.nextCursor });
  }
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

/** Strongest first, then by key: the order lists and exports are written in. */
export function byScoreThenKey(a: { score: number; key: string }, b: { score: number; key: string }): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
