import type { LedgerListing } from '../takedown-ledger.js';
import { foldTitle } from '../takedown-ledger.js';
import type { Indicator } from './indicator.js';

/**
 * A listing back after removal: after a re-check found a requested listing gone, a listing
 * under another id with the same title (folded: case, diacritics, punctuation ignored) or one
 * of the same image URLs. Sellers relist a removed item within days, often under a new shop;
 * either way the takedown did not work and the case should reopen.
 */
export interface ReappearanceThresholds {
  /** Titles shorter than this many words are too generic to match on ("Pod", "Vape mini"). */
  minTitleWords: number;
}

export const REAPPEARANCE_THRESHOLDS: ReappearanceThresholds = { minTitleWords: 4 };

export interface CandidateListing {
  key: string;
  sellerKey: string;
  title: string;
  images: readonly string[];
  capturedAt: string;
}

export function titleIsSpecific(
  titleFolded: string,
  thresholds: ReappearanceThresholds = REAPPEARANCE_THRESHOLDS,
): boolean {
  return titleFolded.split(' ').filter((word) => word.length > 0).length >= thresholds.minTitleWords;
}

export function detectReappearances(
  removed: readonly LedgerListing[],
  candidates: readonly CandidateListing[],
  day: string,
  thresholds: ReappearanceThresholds = REAPPEARANCE_THRESHOLDS,
): Indicator[] {
  const byTitle = new Map<string, LedgerListing[]>();
  const byImage = new Map<string, LedgerListing[]>();
  const removedKeys = new Set(removed.map((listing) => listing.listingKey));
  for (const listing of removed) {
    if (listing.removedAt === undefined) continue;
    if (titleIsSpecific(listing.titleFolded, thresholds)) push(byTitle, listing.titleFolded, listing);
    for (const image of listing.images) push(byImage, image, listing);
  }
  const indicators: Indicator[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (removedKeys.has(candidate.key)) continue;
    const matches: [LedgerListing, string][] = [];
    for (const listing of byTitle.get(foldTitle(candidate.title)) ?? [])
      matches.push([listing, 'same title']);
    for (const image of candidate.images)
      for (const listing of byImage.get(image) ?? []) matches.push([listing, 'same image']);
    for (const [listing, how] of matches) {
      if (Date.parse(candidate.capturedAt) <= Date.parse(listing.removedAt!)) continue;
      const id = `${candidate.key}|${listing.listingKey}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const sameSeller = candidate.sellerKey === listing.sellerKey;
      indicators.push({
        kind: 'reappearance',
        severity: sameSeller ? 'high' : 'medium',
        day,
        sellerKey: candidate.sellerKey,
        listingKey: candidate.key,
        removedListingKey: listing.listingKey,
        value: 1,
        threshold: `${how}; titles of ≥ ${thresholds.minTitleWords} words`,
        message: `${candidate.key} (${sameSeller ? 'same seller' : `seller ${candidate.sellerKey}`}) has the ${how} as ${listing.listingKey}, removed ${listing.removedAt!}`,
      });
    }
  }
  return indicators;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
