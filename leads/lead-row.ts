import type { IndexedItem, SellerDetail, SellerHit } from '../index/seller-index.js';
import type { Reason } from '../records/index.js';
import type { LeadChange } from './lead-change.js';
import { shopLink } from './shop-link.js';
import { joinList, type Column } from './table.js';

export interface ExampleListing {
  listingKey: string;
  url: string;
  title: string;
  score: number;
  capturedAt: string;
  evidenceSha256?: string;
  evidenceCapturedAt?: string;
}

/** One seller on one team's list: what an inspector needs to open the case. */
export interface LeadRow {
  team: string;
  listDate: string;
  change: LeadChange;
  seller: SellerHit;
  /** The unit routing used ("Nước ngoài" for cross-border); absent when not known. */
  province?: string;
  routedBecause: string;
  shopUrl?: string;
  examples: ExampleListing[];
}

/** Builds a lead from the seller and its page in the index: its strongest flagged listings first. */
export function leadRow(input: {
  team: string;
  listDate: string;
  change: LeadChange;
  detail: SellerDetail;
  province?: string;
  routedBecause: string;
  exampleCount: number;
}): LeadRow {
  const { detail } = input;
  const flagged = detail.items.filter((item) => item.flagged);
  const examples = (flagged.length > 0 ? flagged : detail.items).slice(0, input.exampleCount).map(example);
  const first = detail.items[0]?.record as Record<string, unknown> | undefined;
  const row: LeadRow = {
    team: input.team,
    listDate: input.listDate,
    change: input.change,
    seller: detail.seller,
    routedBecause: input.routedBecause,
    examples,
  };
  if (input.province !== undefined) row.province = input.province;
  const shop = shopLink(detail.seller.platform, detail.seller.sellerId, first);
  if (shop !== undefined) row.shopUrl = shop;
  return row;
}

function example(item: IndexedItem): ExampleListing {
  const out: ExampleListing = {
    listingKey: item.key,
    url: item.url,
    title: item.title,
    score: item.score,
    capturedAt: item.capturedAt,
  };
  if (item.evidence !== undefined) {
    out.evidenceSha256 = item.evidence.sha256;
    out.evidenceCapturedAt = item.evidence.capturedAt;
  }
  return out;
}

/** "category.e_cigarettes “v.a.p.e” +70": the rule, the seller's own words, the weight. */
export function reasonText(reason: Reason): string {
  const weight = reason.weight >= 0 ? `+${reason.weight}` : String(reason.weight);
  return `${reason.rule} “${reason.match}” ${weight}`;
}

export const LEAD_COLUMNS: readonly Column<LeadRow>[] = [
  { key: 'team', header: 'Team', type: 'text', value: (row) => row.team },
  { key: 'listDate', header: 'List date', type: 'text', width: 12, value: (row) => row.listDate },
  { key: 'change', header: 'New / escalated', type: 'text', value: (row) => row.change.kind },
  { key: 'why', header: 'Why on this list', type: 'text', width: 30, value: (row) => row.change.why },
  { key: 'platform', header: 'Platform', type: 'text', width: 10, value: (row) => row.seller.platform },
  { key: 'sellerId', header: 'Seller id', type: 'text', value: (row) => row.seller.sellerId },
  { key: 'sellerName', header: 'Seller name', type: 'text', width: 30, value: (row) => row.seller.name },
  { key: 'shopUrl', header: 'Shop link', type: 'url', value: (row) => row.shopUrl },
  { key: 'province', header: 'Province', type: 'text', width: 18, value: (row) => row.province },
  {
    key: 'locationRaw',
    header: 'Location as shown',
    type: 'text',
    width: 22,
    value: (row) => row.seller.locationRaw,
  },
  {
    key: 'categories',
    header: 'Categories',
    type: 'text',
    width: 24,
    value: (row) => joinList(row.seller.categories),
  },
  {
    key: 'signals',
    header: 'Violation signs',
    type: 'text',
    width: 24,
    value: (row) => joinList(row.seller.signals),
  },
  { key: 'score', header: 'Score', type: 'integer', value: (row) => row.seller.score },
  {
    key: 'previousScore',
    header: 'Previous score',
    type: 'integer',
    value: (row) => row.change.previousScore,
  },
  {
    key: 'topReasons',
    header: 'Top reasons',
    type: 'text',
    width: 50,
    value: (row) => joinList(row.seller.topReasons.map(reasonText)),
  },
  {
    key: 'flaggedListings',
    header: 'Flagged listings',
    type: 'integer',
    value: (row) => row.seller.flaggedListingCount,
  },
  {
    key: 'exampleListings',
    header: 'Example listings',
    type: 'text',
    width: 50,
    value: (row) => joinList(row.examples.map((item) => item.url)),
  },
  {
    key: 'evidenceSha256',
    header: 'Evidence SHA-256',
    type: 'text',
    width: 66,
    value: (row) =>
      joinList(
        row.examples.flatMap((item) => (item.evidenceSha256 === undefined ? [] : [item.evidenceSha256])),
      ),
  },
  { key: 'firstSeen', header: 'First seen', type: 'datetime', value: (row) => row.seller.firstSeen },
  { key: 'lastSeen', header: 'Last seen', type: 'datetime', value: (row) => row.seller.lastSeen },
  { key: 'caseStatus', header: 'Case status', type: 'text', value: (row) => row.seller.status },
  { key: 'sellerKey', header: 'Seller key', type: 'text', width: 26, value: (row) => row.seller.key },
];

/** The JSON form keeps lists as arrays and the examples as objects. */
export function leadJson(row: LeadRow): Record<string, unknown> {
  return {
    team: row.team,
    listDate: row.listDate,
    change: row.change.kind,
    why: row.change.why,
    ...(row.change.previousScore === undefined ? {} : { previousScore: row.change.previousScore }),
    newCategories: row.change.newCategories,
    sellerKey: row.seller.key,
    platform: row.seller.platform,
    sellerId: row.seller.sellerId,
    ...(row.seller.name === undefined ? {} : { sellerName: row.seller.name }),
    ...(row.shopUrl === undefined ? {} : { shopUrl: row.shopUrl }),
    ...(row.province === undefined ? {} : { province: row.province }),
    ...(row.seller.locationRaw === undefined ? {} : { locationRaw: row.seller.locationRaw }),
    routedBecause: row.routedBecause,
    categories: row.seller.categories,
    signals: row.seller.signals,
    score: row.seller.score,
    topReasons: row.seller.topReasons,
    flaggedListings: row.seller.flaggedListingCount,
    listings: row.seller.listingCount,
    examples: row.examples,
    firstSeen: row.seller.firstSeen,
    lastSeen: row.seller.lastSeen,
    caseStatus: row.seller.status,
  };
}
