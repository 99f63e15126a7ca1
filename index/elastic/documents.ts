import { sellerKey, type SellerRisk } from '../../records/index.js';
import { itemFields } from '../item-fields.js';
import { localDay } from '../local-day.js';
import { foldSearchText } from '../search-text.js';
import type { CaseStatus } from '../../records/index.js';
import type { ScoredItem } from '../seller-index.js';
import { UNKNOWN_PROVINCE } from '../seller-index.js';

/** A seller as stored in `<prefix>-sellers`: searchable fields beside the record as given. */
export interface SellerDoc {
  key: string;
  platform: string;
  sellerId: string;
  /** False for a stub made by a listing that arrived before its seller: never a search hit. */
  hasProfile: boolean;
  name?: string;
  nameFolded?: string;
  sortName?: string;
  province?: string;
  provinceFolded?: string;
  categories?: string[];
  signals?: string[];
  listingCount?: number;
  flaggedListingCount?: number;
  score?: number;
  flagged?: boolean;
  firstSeen?: string;
  lastSeen?: string;
  status?: CaseStatus;
  caseVersion?: number;
  titleKeys?: string[];
  titlesFolded?: string[];
  record?: SellerRisk;
}

export interface ItemDoc {
  key: string;
  kind: string;
  platform: string;
  itemId: string;
  sellerKey: string;
  title: string;
  titleFolded: string;
  capturedAt: string;
  day: string;
  province: string;
  provinceFolded: string;
  score: number;
  flagged: boolean;
  categories: string[];
  signals: string[];
  record: ScoredItem;
}

export interface CaseEventDoc {
  sellerKey: string;
  at: string;
  recordedAt: string;
  by: string;
  from: CaseStatus;
  to: CaseStatus;
  reason: string;
}

/** The seller fields a re-crawl may change: never the case status or its version. */
export function sellerProfile(seller: SellerRisk): SellerDoc {
  const name = seller.name ?? '';
  const nameFolded = foldSearchText(name);
  const province = seller.province ?? UNKNOWN_PROVINCE;
  const doc: SellerDoc = {
    key: sellerKey(seller),
    platform: seller.platform,
    sellerId: seller.sellerId,
    hasProfile: true,
    nameFolded,
    sortName: nameFolded,
    province,
    provinceFolded: foldSearchText(province),
    categories: [...new Set(seller.categories)],
    signals: [...new Set(seller.signals)],
    listingCount: seller.listingCount,
    flaggedListingCount: seller.flaggedListingCount,
    score: seller.score,
    flagged: seller.flagged,
    firstSeen: seller.firstSeen,
    lastSeen: seller.lastSeen,
    record: seller,
  };
  if (seller.name !== undefined) doc.name = seller.name;
  return doc;
}

export function itemDoc(item: ScoredItem, timeZone: string): ItemDoc {
  const fields = itemFields(item);
  return {
    key: fields.key,
    kind: fields.kind,
    platform: item.platform,
    itemId: fields.itemId,
    sellerKey: fields.sellerKey,
    title: fields.title,
    titleFolded: foldSearchText(fields.title),
    capturedAt: fields.capturedAt,
    day: localDay(fields.capturedAt, timeZone),
    province: fields.province,
    provinceFolded: foldSearchText(fields.province),
    score: item.risk.score,
    flagged: item.risk.flagged,
    categories: [...new Set<string>(item.risk.categories)],
    signals: [...new Set<string>(item.risk.signals)],
    record: item,
  };
}

/**
 * Painless: keep one folded title per item on its seller, so a seller is found by the words
 * of its listings. A re-crawl with the same title is a no-op.
 */
export const TITLE_SCRIPT = `
if (ctx._source.titleKeys == null) { ctx._source.titleKeys = new ArrayList(); ctx._source.titlesFolded = new ArrayList(); }
int i = ctx._source.titleKeys.indexOf(params.k);
if (i >= 0) {
  if (ctx._source.titlesFolded[i] == params.t) { ctx.op = 'noop'; } else { ctx._source.titlesFolded[i] = params.t; }
} else {
  ctx._source.titleKeys.add(params.k);
  ctx._source.titlesFolded.add(params.t);
}`.trim();

/** Painless: a re-crawl overwrites the profile; the case status is set only once, when new. */
export const SELLER_SCRIPT = `
ctx._source.putAll(params.doc);
if (ctx._source.status == null) { ctx._source.status = params.status; ctx._source.caseVersion = 0; }`.trim();
