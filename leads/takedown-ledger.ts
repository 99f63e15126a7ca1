import type { Database, Statement } from 'better-sqlite3';
import { foldSearchText } from '../index/search-text.js';

export type RequestKind = 'takedown' | 'seller_info';

export interface RequestedListing {
  listingKey: string;
  platform: string;
  listingId: string;
  sellerKey: string;
  title: string;
  images: readonly string[];
  categories: readonly string[];
}

export interface LedgerListing {
  listingKey: string;
  platform: string;
  listingId: string;
  sellerKey: string;
  requestId: string;
  requestedAt: string;
  titleFolded: string;
  images: string[];
  categories: string[];
  removedAt?: string;
  lastLiveAt?: string;
}

/** What a platform re-check reports about one listing (crawlers/recheck `RecheckResult`). */
export interface ListingCheck {
  platform: string;
  listingId: string;
  checkedAt: string;
  status: 'unchanged' | 'changed' | 'gone' | 'failed';
}

interface ItemRow {
  listing_key: string;
  platform: string;
  listing_id: string;
  seller_key: string;
  request_id: string;
  requested_at: string;
  title_folded: string;
  images: string;
  categories: string;
  removed_at: string | null;
  last_live_at: string | null;
}

/**
 * Which listings were sent to which platform in which request, and what the re-checks found
 * since. A listing is requested once (a later export skips it); removal time is the first
 * re-check that found it gone.
 */
export class TakedownLedger {
  private readonly s: Record<
    | 'insertRequest'
    | 'insertItem'
    | 'isRequested'
    | 'markGone'
    | 'markLive'
    | 'ofSeller'
    | 'removed'
    | 'requestedBetween'
    | 'requests'
    | 'get',
    Statement
  >;

  constructor(private readonly db: Database) {
    this.s = {
      insertRequest: db.prepare(
        'INSERT INTO takedown_requests (request_id, kind, platform, created_at, items, agency) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertItem: db.prepare(`
        INSERT OR IGNORE INTO takedown_items (listing_key, platform, listing_id, seller_key, request_id, requested_at,
                                              title_folded, images, categories)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      isRequested: db.prepare('SELECT 1 FROM takedown_items WHERE listing_key = ?'),
      markGone: db.prepare(
        'UPDATE takedown_items SET removed_at = ? WHERE platform = ? AND listing_id = ? AND removed_at IS NULL',
      ),
      markLive: db.prepare(
        'UPDATE takedown_items SET last_live_at = ? WHERE platform = ? AND listing_id = ? AND removed_at IS NULL',
      ),
      ofSeller: db.prepare(
        'SELECT * FROM takedown_items WHERE seller_key = ? ORDER BY requested_at, listing_key',
      ),
      removed: db.prepare('SELECT * FROM takedown_items WHERE removed_at IS NOT NULL'),
      requestedBetween: db.prepare(
        'SELECT * FROM takedown_items WHERE requested_at >= ? AND requested_at <= ? ORDER BY requested_at',
      ),
      requests: db.prepare('SELECT * FROM takedown_requests WHERE platform = ? ORDER BY created_at'),
      get: db.prepare('SELECT * FROM takedown_items WHERE listing_key = ?'),
    };
  }

  isRequested(listingKey: string): boolean {
    return this.s.isRequested.get(listingKey) !== undefined;
  }

  get(listingKey: string): LedgerListing | undefined {
    const row = this.s.get.get(listingKey) as ItemRow | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  /** Records a request and its listings in one transaction. */
  recordRequest(request: {
    requestId: string;
    kind: RequestKind;
    platform: string;
    createdAt: string;
    agency: string;
    listings: readonly RequestedListing[];
    /** Seller-information requests name sellers, not listings: the count goes in `items`. */
    itemCount?: number;
  }): void {
    this.db.transaction(() => {
      this.s.insertRequest.run(
        request.requestId,
        request.kind,
        request.platform,
        request.createdAt,
        request.itemCount ?? request.listings.length,
        request.agency,
      );
      for (const listing of request.listings) {
        this.s.insertItem.run(
          listing.listingKey,
          listing.platform,
          listing.listingId,
          listing.sellerKey,
          request.requestId,
          request.createdAt,
          foldTitle(listing.title),
          JSON.stringify(listing.images),
          JSON.stringify(listing.categories),
        );
      }
    })();
  }

  /** Applies re-check results: `gone` is a confirmed removal, a live listing is noted; failures say nothing. */
  applyChecks(checks: readonly ListingCheck[]): { removed: number; live: number } {
    let removed = 0;
    let live = 0;
    this.db.transaction(() => {
      for (const check of checks) {
        if (check.status === 'gone')
          removed += this.s.markGone.run(check.checkedAt, check.platform, check.listingId).changes;
        else if (check.status === 'unchanged' || check.status === 'changed') {
          live += this.s.markLive.run(check.checkedAt, check.platform, check.listingId).changes;
        }
      }
    })();
    return { removed, live };
  }

  listingsOfSeller(sellerKey: string): LedgerListing[] {
    return (this.s.ofSeller.all(sellerKey) as ItemRow[]).map(fromRow);
  }

  removedListings(): LedgerListing[] {
    return (this.s.removed.all() as ItemRow[]).map(fromRow);
  }

  requestedBetween(fromIso: string, toIso: string): LedgerListing[] {
    return (this.s.requestedBetween.all(fromIso, toIso) as ItemRow[]).map(fromRow);
  }

  requestsOf(platform: string): { requestId: string; kind: RequestKind; createdAt: string; items: number }[] {
    return (
      this.s.requests.all(platform) as {
        request_id: string;
        kind: RequestKind;
        created_at: string;
        items: number;
      }[]
    ).map((row) => ({
      requestId: row.request_id,
      kind: row.kind,
      createdAt: row.created_at,
      items: row.items,
    }));
  }
}

/** Titles compared for reappearance: folded (no diacritics, đ→d), words only. */
export function foldTitle(title: string): string {
  return foldSearchText(title).replace(/\s+/gu, ' ').trim();
}

function fromRow(row: ItemRow): LedgerListing {
  const listing: LedgerListing = {
    listingKey: row.listing_key,
    platform: row.platform,
    listingId: row.listing_id,
    sellerKey: row.seller_key,
    requestId: row.request_id,
    requestedAt: row.requested_at,
    titleFolded: row.title_folded,
    images: JSON.parse(row.images) as string[],
    categories: JSON.parse(row.categories) as string[],
  };
  if (row.removed_at !== null) listing.removedAt = row.removed_at;
  if (row.last_live_at !== null) listing.lastLiveAt = row.last_live_at;
  return listing;
}
