import type { Evidence, Listing } from '../../records/index.js';
import type { CrawlAdapter } from '../adapter.js';
import type { EvidenceStore } from '../evidence/evidence-store.js';
import type { CrawlSettings } from '../run/crawl-options.js';
import type { CrawlReport } from '../run/crawl-report.js';
import { isListing } from '../run/process-document.js';
import { runCrawl } from '../run/run-crawl.js';

/** The fields whose change a re-check records (what a takedown or a price trick shows in). */
export const WATCHED_FIELDS = ['title', 'price', 'originalPrice', 'sellerName'] as const;
export type WatchedField = (typeof WATCHED_FIELDS)[number];

export interface FieldChange {
  field: WatchedField;
  before: string | number | undefined;
  after: string | number | undefined;
}

/** What one re-check found. `gone` is how a takedown is verified. */
export interface RecheckResult {
  kind: 'recheck';
  platform: Listing['platform'];
  listingId: string;
  url: string;
  checkedAt: string;
  status: 'unchanged' | 'changed' | 'gone' | 'failed';
  changes: FieldChange[];
  /** The fresh listing as seen now (unchanged / changed). */
  current?: Listing;
  evidence?: Evidence;
  reason?: string;
}

export interface RecheckOptions {
  adapter: CrawlAdapter;
  settings: CrawlSettings;
  evidence?: EvidenceStore;
}

/** Known listings whose last check is older than `everyMillis` (or never checked). */
export function dueForRecheck<T extends { lastCheckedAt?: string }>(
  entries: readonly T[],
  now: Date,
  everyMillis: number,
): T[] {
  return entries.filter(
    (entry) =>
      entry.lastCheckedAt === undefined || now.getTime() - Date.parse(entry.lastCheckedAt) >= everyMillis,
  );
}

/**
 * Re-visits known listings through their adapter: a changed title / price is recorded with
 * before and after, a listing the platform no longer serves is marked gone, and a fetch that
 * failed says why (a failed re-check is never mistaken for a takedown).
 */
export async function recheckListings(
  known: readonly Listing[],
  options: RecheckOptions,
): Promise<{ results: RecheckResult[]; report: CrawlReport }> {
  const requests = known.map((listing) => {
    const spec = options.adapter.recheckRequest(listing);
    return { ...spec, userData: { ...spec.userData, listingId: listing.listingId } };
  });
  const fresh = new Map<string, Listing>();
  const report = await runCrawl({
    adapter: options.adapter,
    requests,
    settings: options.settings,
    ...(options.evidence === undefined ? {} : { evidence: options.evidence }),
    onRecord: (record) => {
      if (isListing(record)) fresh.set(record.listingId, record);
    },
  });
  const gone = new Set(
    report.gone.map((entry) => entry.listingId).filter((id): id is string => id !== undefined),
  );
  const failures = new Map(report.failures.map((failure) => [failure.url, failure]));
  const checkedAt = new Date().toISOString();
  const results = known.map((listing, index): RecheckResult => {
    const base = {
      kind: 'recheck' as const,
      platform: listing.platform,
      listingId: listing.listingId,
      url: listing.url,
      checkedAt,
    };
    const current = fresh.get(listing.listingId);
    if (current !== undefined) {
      const changes = diff(listing, current);
      return {
        ...base,
        status: changes.length > 0 ? 'changed' : 'unchanged',
        changes,
        current,
        ...(current.evidence === undefined ? {} : { evidence: current.evidence }),
      };
    }
    if (gone.has(listing.listingId)) return { ...base, status: 'gone', changes: [] };
    const failure = failures.get(requests[index]!.url);
    return {
      ...base,
      status: 'failed',
      changes: [],
      reason: failure === undefined ? 'no record came back' : `${failure.kind}: ${failure.reason}`,
    };
  });
  return { results, report };
}

function diff(before: Listing, after: Listing): FieldChange[] {
  return WATCHED_FIELDS.flatMap((field): FieldChange[] =>
    after[field] !== undefined && before[field] !== after[field]
      ? [{ field, before: before[field], after: after[field] }]
      : [],
  );
}
