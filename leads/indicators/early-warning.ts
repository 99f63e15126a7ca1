import type { Config } from '../../config/index.js';
import { NotFoundError } from '../../index/errors.js';
import type { IndexedItem, SellerIndex } from '../../index/seller-index.js';
import { BANNED_CATEGORY_IDS } from '../../records/index.js';
import { addDays, dayEnd, dayStart } from '../days.js';
import { scanSellers } from '../scan-sellers.js';
import type { TakedownLedger } from '../takedown-ledger.js';
import type { Indicator } from './indicator.js';
import {
  detectNewBannedSellers,
  NEW_BANNED_SELLER_THRESHOLDS,
  type SellerVolume,
} from './new-banned-seller.js';
import {
  detectReappearances,
  REAPPEARANCE_THRESHOLDS,
  titleIsSpecific,
  type CandidateListing,
} from './reappearance.js';
import { detectSpikes, SPIKE_THRESHOLDS } from './spike.js';

/** Removed titles looked for per run, newest removals first: a bound on index queries. */
const MAX_REMOVED_TITLES = 500;

export interface EarlyWarningOptions {
  spike?: typeof SPIKE_THRESHOLDS;
  newBannedSeller?: typeof NEW_BANNED_SELLER_THRESHOLDS;
  reappearance?: typeof REAPPEARANCE_THRESHOLDS;
}

/**
 * Every early-warning indicator for a day, from the index (daily counts, sellers) and the
 * takedown ledger (what was removed). Thresholds and their reasons are beside each detector.
 */
export async function earlyWarnings(
  index: SellerIndex,
  config: Pick<Config, 'core'>,
  ledger: TakedownLedger | undefined,
  day: string,
  options: EarlyWarningOptions = {},
): Promise<Indicator[]> {
  const timeZone = config.core.timezone;
  const spikeThresholds = options.spike ?? SPIKE_THRESHOLDS;
  const counts = await index.dailyCounts({ from: addDays(day, -spikeThresholds.baselineDays), to: day });
  const spikes = detectSpikes(counts, day, spikeThresholds);

  const bannedThresholds = options.newBannedSeller ?? NEW_BANNED_SELLER_THRESHOLDS;
  const since = dayStart(addDays(day, 1 - bannedThresholds.newWithinDays), timeZone);
  const volumes: SellerVolume[] = [];
  for await (const seller of scanSellers(index, {
    category: [...BANNED_CATEGORY_IDS],
    flagged: true,
    firstSeenFrom: since,
    firstSeenTo: dayEnd(day, timeZone),
  })) {
    const volume: SellerVolume = {
      key: seller.key,
      firstSeen: seller.firstSeen,
      categories: seller.categories,
      flaggedListingCount: seller.flaggedListingCount,
      ...(seller.province === undefined ? {} : { province: seller.province }),
    };
    if (seller.flaggedListingCount < bannedThresholds.minFlaggedListings) {
      const detail = await index.getSeller(seller.key, { itemLimit: 1000 });
      volume.sold = detail.items.filter((item) => item.flagged).reduce((sum, item) => sum + soldOf(item), 0);
    }
    volumes.push(volume);
  }
  const newSellers = detectNewBannedSellers(volumes, day, since, bannedThresholds);

  const reappearances =
    ledger === undefined
      ? []
      : await findReappearances(index, ledger, day, options.reappearance ?? REAPPEARANCE_THRESHOLDS);
  return [...spikes, ...newSellers, ...reappearances];
}

async function findReappearances(
  index: SellerIndex,
  ledger: TakedownLedger,
  day: string,
  thresholds: typeof REAPPEARANCE_THRESHOLDS,
): Promise<Indicator[]> {
  const removed = ledger
    .removedListings()
    .sort((a, b) => (b.removedAt ?? '').localeCompare(a.removedAt ?? ''))
    .slice(0, MAX_REMOVED_TITLES * 4);
  if (removed.length === 0) return [];
  const sellers = new Set<string>(removed.map((listing) => listing.sellerKey));
  const titles = new Map<string, string>();
  for (const listing of removed) {
    if (titles.size >= MAX_REMOVED_TITLES) break;
    if (titleIsSpecific(listing.titleFolded, thresholds) && !titles.has(listing.titleFolded)) {
      titles.set(listing.titleFolded, listing.removedAt!);
    }
  }
  for (const [title, removedAt] of titles) {
    for await (const seller of scanSellers(index, { text: title, lastSeenFrom: removedAt }))
      sellers.add(seller.key);
  }
  const candidates: CandidateListing[] = [];
  for (const key of sellers) {
    let items: IndexedItem[];
    try {
      items = (await index.getSeller(key, { itemLimit: 1000 })).items;
    } catch (error) {
      // A removed listing's seller may never have reached the index as a seller: nothing to compare.
      if (error instanceof NotFoundError) continue;
      throw error;
    }
    for (const item of items) candidates.push(candidateOf(item));
  }
  return detectReappearances(removed, candidates, day, thresholds);
}

function candidateOf(item: IndexedItem): CandidateListing {
  const images = (item.record as { images?: unknown }).images;
  return {
    key: item.key,
    sellerKey: item.sellerKey,
    title: item.title,
    images: Array.isArray(images) ? images.filter((image): image is string => typeof image === 'string') : [],
    capturedAt: item.capturedAt,
  };
}

function soldOf(item: IndexedItem): number {
  const sold = (item.record as { soldCount?: unknown }).soldCount;
  return typeof sold === 'number' && Number.isFinite(sold) ? sold : 0;
}
