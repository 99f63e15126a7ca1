import type { Config } from '../../config/index.js';
import type { FacetCount, SellerIndex } from '../../index/seller-index.js';
import { PLATFORMS } from '../../records/index.js';
import { dayEnd, dayStart } from '../days.js';
import type { TakedownLedger } from '../takedown-ledger.js';
import { periodContaining, type ReportPeriod } from './period.js';

export interface Count {
  value: string;
  count: number;
}

export interface TakedownFigures {
  platform: string;
  /** Listings sent in a takedown request during the period. */
  requested: number;
  /** Of those, confirmed removed by a re-check (by the time the report was made). */
  removed: number;
  /** Median days from request to confirmed removal, of those removed; absent when none was. */
  medianDaysToRemoval?: number;
}

/**
 * The periodic report: counts by category, province, platform and violation sign, and how
 * takedowns went. Two views, because the index answers both exactly:
 * - flagged listings captured in the period, per category (a listing in two categories counts
 *   in each; the province and platform breakdowns are sums of those listing-category pairs);
 * - flagged sellers active in the period (last seen in it), by every facet, sign included.
 */
export interface PeriodReport {
  kind: 'ecomwatch-period-report';
  period: ReportPeriod;
  label: string;
  from: string;
  to: string;
  /** False while the period is still running on the day the report was made. */
  complete: boolean;
  timeZone: string;
  generatedAt: string;
  flaggedListings: {
    categoryPairs: number;
    byCategory: Count[];
    byProvince: Count[];
    byPlatform: Count[];
  };
  sellers: {
    active: number;
    new: number;
    byCategory: Count[];
    byProvince: Count[];
    byPlatform: Count[];
    bySign: Count[];
    byStatus: Count[];
  };
  takedowns: TakedownFigures & { byPlatform: TakedownFigures[] };
}

export async function buildPeriodReport(
  index: SellerIndex,
  config: Pick<Config, 'core'>,
  ledger: TakedownLedger | undefined,
  options: { period: ReportPeriod; at: string; now?: Date },
): Promise<PeriodReport> {
  const now = options.now ?? new Date();
  const timeZone = config.core.timezone;
  const range = periodContaining(options.period, options.at);
  const start = dayStart(range.from, timeZone);
  const end = dayEnd(range.to, timeZone);

  const byCategory = new Map<string, number>();
  const byProvince = new Map<string, number>();
  const byPlatform = new Map<string, number>();
  for (const platform of PLATFORMS) {
    const counts = await index.dailyCounts({ from: range.from, to: range.to, platform: [platform] });
    for (const count of counts) {
      bump(byCategory, count.category, count.flaggedItems);
      bump(byProvince, count.province, count.flaggedItems);
      bump(byPlatform, platform, count.flaggedItems);
    }
  }

  const active = await index.search({ flagged: true, lastSeenFrom: start, lastSeenTo: end, limit: 1 });
  const fresh = await index.search({ flagged: true, firstSeenFrom: start, firstSeenTo: end, limit: 1 });

  return {
    kind: 'ecomwatch-period-report',
    period: range.period,
    label: range.label,
    from: range.from,
    to: range.to,
    complete: Date.parse(end) < now.getTime(),
    timeZone,
    generatedAt: now.toISOString(),
    flaggedListings: {
      categoryPairs: [...byCategory.values()].reduce((sum, value) => sum + value, 0),
      byCategory: sorted(byCategory),
      byProvince: sorted(byProvince),
      byPlatform: sorted(byPlatform),
    },
    sellers: {
      active: active.total,
      new: fresh.total,
      byCategory: facet(active.facets.category),
      byProvince: facet(active.facets.province),
      byPlatform: facet(active.facets.platform),
      bySign: facet(active.facets.signal),
      byStatus: facet(active.facets.status),
    },
    takedowns: takedownFigures(ledger, start, end),
  };
}

function takedownFigures(
  ledger: TakedownLedger | undefined,
  start: string,
  end: string,
): PeriodReport['takedowns'] {
  const listings = ledger?.requestedBetween(start, end) ?? [];
  const figures = (platform: string, subset: typeof listings): TakedownFigures => {
    const days = subset
      .filter((listing) => listing.removedAt !== undefined)
      .map((listing) => (Date.parse(listing.removedAt!) - Date.parse(listing.requestedAt)) / 86_400_000);
    const out: TakedownFigures = { platform, requested: subset.length, removed: days.length };
    const middle = median(days);
    if (middle !== undefined) out.medianDaysToRemoval = Math.round(middle * 10) / 10;
    return out;
  };
  const platforms = [...new Set(listings.map((listing) => listing.platform))].sort();
  return {
    ...figures('all', listings),
    byPlatform: platforms.map((platform) =>
      figures(
        platform,
        listings.filter((listing) => listing.platform === platform),
      ),
    ),
  };
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const ordered = [...values].sort((a, b) => a - b);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 === 1 ? ordered[middle]! : (ordered[middle - 1]! + ordered[middle]!) / 2;
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function sorted(map: Map<string, number>): Count[] {
  return [...map.entries()]
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function facet(counts: readonly FacetCount[]): Count[] {
  return counts.map((entry) => ({ value: entry.value, count: entry.count }));
}
