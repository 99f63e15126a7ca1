import type {
  CaseStatus,
  Evidence,
  Listing,
  Livestream,
  Platform,
  Reason,
  RiskAssessment,
  SellerRisk,
} from '../records/index.js';

/** A listing as the score stage hands it on: the record plus its risk. */
export type ScoredListing = Listing & { risk: RiskAssessment; province?: string };
/** A livestream as the score stage hands it on: the record plus its risk. */
export type ScoredLivestream = Livestream & { risk: RiskAssessment; province?: string };
/**
 * What the index stores per listing or livestream. `province` is the seller's normalised
 * province as the aggregate stage found it; the daily counts group by it ("unknown" when absent).
 */
export type ScoredItem = ScoredListing | ScoredLivestream;

export type ItemKind = 'listing' | 'livestream';

export const SORT_FIELDS = ['score', 'lastSeen', 'firstSeen', 'flaggedListings', 'name'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortOrder = 'asc' | 'desc';

/** The facet dimensions: every filter that takes a list of values has one. */
export const FACET_NAMES = ['platform', 'category', 'signal', 'province', 'status'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/**
 * A seller search as callers write it. Lists are OR within a filter and AND across filters.
 * Everything is checked: a bad value is an `InvalidQueryError`, never a silent "match all".
 */
export interface SellerQuery {
  /** Words over seller names and listing titles, with or without diacritics (đ = d). */
  text?: string;
  platform?: string[];
  category?: string[];
  signal?: string[];
  /** Province names, compared folded ("Ha Noi" finds "Hà Nội"). */
  province?: string[];
  status?: string[];
  minScore?: number;
  maxScore?: number;
  /** ISO timestamps, inclusive. */
  firstSeenFrom?: string;
  firstSeenTo?: string;
  lastSeenFrom?: string;
  lastSeenTo?: string;
  /** Only sellers the scorer flagged. */
  flagged?: boolean;
  sort?: SortField;
  order?: SortOrder;
  /** Page size, 1–100 (default 20). */
  limit?: number;
  /** The `nextCursor` of the previous page of the same query. */
  cursor?: string;
}

/** The filters of a `SellerQuery`, without its sort and paging: what `scanSellers` takes. */
export type SellerFilter = Omit<SellerQuery, 'sort' | 'order' | 'limit' | 'cursor'>;

export interface ScanOptions {
  /** The `nextKey` of the previous page; sellers with a greater key follow. */
  afterKey?: string;
  /** Page size, 1–1000 (default 500). */
  limit?: number;
}

export interface ScanPage {
  /** Matching sellers in ascending key order (code point order of `platform:sellerId`). */
  sellers: SellerHit[];
  /** Pass as `afterKey` for the next page; absent on the last page. */
  nextKey?: string;
}

/** A seller as the index holds it: the aggregate stage's record plus the case state. */
export interface SellerHit extends SellerRisk {
  key: string;
  /** Bumped by every case status change; pass it back to `setCaseStatus`. */
  caseVersion: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export type Facets = Record<FacetName, FacetCount[]>;

export interface SearchResult {
  total: number;
  sellers: SellerHit[];
  /** Counts of each facet value among all sellers matching the query. */
  facets: Facets;
  /** Absent on the last page. */
  nextCursor?: string;
}

export interface IndexedItem {
  key: string;
  kind: ItemKind;
  platform: Platform;
  itemId: string;
  sellerKey: string;
  title: string;
  url: string;
  capturedAt: string;
  score: number;
  flagged: boolean;
  categories: string[];
  signals: string[];
  reasons: Reason[];
  evidence?: Evidence;
  /** The record as it was upserted. */
  record: ScoredItem;
}

export interface CaseEvent {
  sellerKey: string;
  at: string;
  by: string;
  from: CaseStatus;
  to: CaseStatus;
  reason: string;
}

export interface SellerDetail {
  seller: SellerHit;
  /** Listings and livestreams, strongest score first. */
  items: IndexedItem[];
  /** Every fired rule across its items, strongest first, with the item it came from. */
  reasons: (Reason & { itemKey: string })[];
  evidence: (Evidence & { itemKey: string })[];
  /** Oldest first. */
  history: CaseEvent[];
}

export interface CaseStatusChange {
  sellerKey: string;
  to: CaseStatus;
  /** The status the analyst saw; another value now is a `ConflictError`. */
  expectedStatus: CaseStatus;
  /** The `caseVersion` the analyst saw; another value now is a `ConflictError`. */
  expectedVersion: number;
  by: string;
  reason: string;
  /** Defaults to now. */
  at?: string;
}

export interface CaseState {
  status: CaseStatus;
  caseVersion: number;
}

export interface AggregateFilter {
  platform?: string[];
  category?: string[];
  province?: string[];
  /** Count only flagged sellers / listings (default true). */
  flaggedOnly?: boolean;
}

/** One province × category cell: the sellers in it, their flagged listings, their mean score. */
export interface Hotspot {
  province: string;
  category: string;
  sellers: number;
  flaggedListings: number;
  meanScore: number;
}

export interface DailyCountQuery extends AggregateFilter {
  /** YYYY-MM-DD, inclusive, in the index's time zone. */
  from: string;
  to: string;
}

/** Flagged listings and livestreams captured on one day, per province × category. */
export interface DailyCount {
  day: string;
  province: string;
  category: string;
  flaggedItems: number;
  sellers: number;
}

/** A document the store refused; kept so nothing is lost silently. */
export interface DroppedDocument {
  id: string;
  kind: 'item' | 'seller';
  status: number;
  error: string;
}

export interface UpsertResult {
  upserted: number;
  dropped: DroppedDocument[];
}

export const UNKNOWN_PROVINCE = 'unknown';

/**
 * Where flagged sellers live for search, case work and aggregates. Every write is an upsert on
 * the stable ids (`platform:listingId`, `platform:streamId`, `platform:sellerId`).
 */
export interface SellerIndex {
  upsertItems(items: readonly ScoredItem[]): Promise<UpsertResult>;
  /**
   * Upserts the aggregate stage's sellers. The case status belongs to the index: a seller's
   * `status` is taken only when the seller is new, a re-crawl never resets a case.
   */
  upsertSellers(sellers: readonly SellerRisk[]): Promise<UpsertResult>;
  search(query: SellerQuery): Promise<SearchResult>;
  /**
   * Every seller matching the filters, one page at a time, for bulk readers (lead lists,
   * exports): keyset pagination on the seller key, no facets, no total, so each page costs
   * about its own size however many sellers match. Sellers written between pages appear or
   * not by their key's place; none is returned twice.
   */
  scanSellers(filter: SellerFilter, options?: ScanOptions): Promise<ScanPage>;
  /** Throws `NotFoundError` for an unknown key. */
  getSeller(sellerKey: string, options?: { itemLimit?: number }): Promise<SellerDetail>;
  /** Throws `ConflictError` when the case moved on since the analyst read it. */
  setCaseStatus(change: CaseStatusChange): Promise<CaseState>;
  hotspots(filter?: AggregateFilter): Promise<Hotspot[]>;
  dailyCounts(query: DailyCountQuery): Promise<DailyCount[]>;
  /** Makes writes visible to searches (a no-op where they already are). */
  refresh(): Promise<void>;
  /** Releases what this index opened; an injected client is left open. */
  close(): Promise<void>;
}
