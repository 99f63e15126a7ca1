import type { Config } from '../config/index.js';
import type { IndexedItem, SellerHit, SellerIndex } from '../index/seller-index.js';
import type { CaseStatus, Platform } from '../records/index.js';
import { legalBasisFor, legalBasisText, type LegalBasisEntry } from './legal-basis.js';
import { byScoreThenKey, scanSellers } from './scan-sellers.js';
import { shopLink } from './shop-link.js';
import type { TakedownLedger } from './takedown-ledger.js';

/** One listing a platform is asked to remove, with why and the evidence behind it. */
export interface TakedownItem {
  listingKey: string;
  kind: 'listing' | 'livestream';
  platform: Platform;
  listingId: string;
  url: string;
  title: string;
  sellerKey: string;
  shopId: string;
  shopName?: string;
  shopUrl?: string;
  categories: string[];
  signs: string[];
  score: number;
  legalBasis: LegalBasisEntry[];
  legalBasisText: string;
  capturedAt: string;
  evidenceSha256?: string;
  evidenceCapturedAt?: string;
  evidenceUrl?: string;
  screenshotSha256?: string;
  images: string[];
  caseStatus: CaseStatus;
}

/**
 * Cases an export takes by default: an analyst confirmed and referred the seller (referred), or
 * a request already went out and the seller has listed more since (takedown_requested). A
 * government request should not go out on an unreviewed machine score; `--status` widens it.
 */
export const DEFAULT_TAKEDOWN_STATUSES: readonly CaseStatus[] = ['referred', 'takedown_requested'];

export interface CollectOptions {
  platform: Platform;
  statuses?: readonly CaseStatus[];
  /** Listings already requested are left out unless this is set. */
  includeRequested?: boolean;
  ledger: TakedownLedger;
}

export interface CollectedSeller {
  seller: SellerHit;
  items: TakedownItem[];
}

/** That platform's flagged listings (and livestreams) only, seller by seller, strongest first. */
export async function collectTakedownItems(
  index: SellerIndex,
  config: Pick<Config, 'leads'>,
  options: CollectOptions,
): Promise<CollectedSeller[]> {
  const out: CollectedSeller[] = [];
  for await (const seller of scanSellers(index, {
    platform: [options.platform],
    status: [...(options.statuses ?? DEFAULT_TAKEDOWN_STATUSES)],
    flagged: true,
  })) {
    const detail = await index.getSeller(seller.key, { itemLimit: 5000 });
    const items = detail.items
      .filter((item) => item.flagged && item.platform === options.platform)
      .filter((item) => options.includeRequested === true || !options.ledger.isRequested(item.key))
      .map((item) => takedownItem(config, detail.seller, item));
    if (items.length > 0) out.push({ seller: detail.seller, items });
  }
  return out.sort((a, b) => byScoreThenKey(a.seller, b.seller));
}

function takedownItem(config: Pick<Config, 'leads'>, seller: SellerHit, item: IndexedItem): TakedownItem {
  const record = item.record as unknown as Record<string, unknown>;
  const legalBasis = legalBasisFor(config, {
    duty: 'platform',
    categories: item.categories,
    signs: item.signals,
  });
  const images = Array.isArray(record['images'])
    ? (record['images'] as unknown[]).filter((image): image is string => typeof image === 'string')
    : [];
  const out: TakedownItem = {
    listingKey: item.key,
    kind: item.kind,
    platform: item.platform,
    listingId: item.itemId,
    url: item.url,
    title: item.title,
    sellerKey: seller.key,
    shopId: seller.sellerId,
    categories: item.categories,
    signs: item.signals,
    score: item.score,
    legalBasis,
    legalBasisText: legalBasisText(legalBasis),
    capturedAt: item.capturedAt,
    images,
    caseStatus: seller.status,
  };
  if (seller.name !== undefined) out.shopName = seller.name;
  const shop = shopLink(seller.platform, seller.sellerId, record);
  if (shop !== undefined) out.shopUrl = shop;
  if (item.evidence !== undefined) {
    out.evidenceSha256 = item.evidence.sha256;
    out.evidenceCapturedAt = item.evidence.capturedAt;
    out.evidenceUrl = item.evidence.url;
    if (item.evidence.screenshotSha256 !== undefined) out.screenshotSha256 = item.evidence.screenshotSha256;
  }
  return out;
}
