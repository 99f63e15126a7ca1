import type { Listing } from '../../records/listing.js';
import type { Platform } from '../../records/platform.js';

/** A row of ../shared/data/real-listings-dev.jsonl: saved by other people's crawlers. */
export interface RealListingRow {
  source_repo: string;
  platform: Platform;
  id: string | null;
  title: string;
  price: number | null;
  seller_id: string | null;
  seller_name: string | null;
  category: string | null;
  location: string | null;
  url: string | null;
  observed_at: string;
}

/** The row as the Listing a crawler of ours would have produced. */
export function listingFromRealRow(row: RealListingRow, lineNumber: number): Listing {
  // Some sources kept no id; the line number still names the row.
  const listingId = row.id ?? `line-${lineNumber}`;
  const listing: Listing = {
    platform: row.platform,
    listingId,
    url: row.url ?? `${row.platform}:${listingId}`,
    title: row.title,
    sellerId: row.seller_id ?? 'unknown',
    capturedAt: `${row.observed_at.slice(0, 10)}T00:00:00+07:00`,
  };
  if (row.price !== null && row.price > 0) listing.price = Math.round(row.price);
  if (row.seller_name !== null) listing.sellerName = row.seller_name;
  if (row.location !== null) listing.sellerLocation = row.location;
  return listing;
}
