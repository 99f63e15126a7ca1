import type { estypes } from '@elastic/elasticsearch';
import type { ParsedAggregateFilter, ParsedSellerQuery } from '../seller-query.js';
import type { FacetCount, FacetName, SortField } from '../seller-index.js';

export const SORT_FIELDS_ES: Record<SortField, string> = {
  score: 'score',
  lastSeen: 'lastSeen',
  firstSeen: 'firstSeen',
  flaggedListings: 'flaggedListingCount',
  name: 'sortName',
};

const FACET_FIELDS: Record<FacetName, string> = {
  platform: 'platform',
  category: 'categories',
  signal: 'signals',
  province: 'provinceFolded',
  status: 'status',
};

/** The bool filter for a checked seller query (text goes in `must`, the rest in `filter`). */
export function sellerQueryClause(query: ParsedSellerQuery): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [{ term: { hasProfile: true } }];
  const terms = (field: string, values: readonly string[]) => {
    if (values.length > 0) filter.push({ terms: { [field]: [...values] } });
  };
  terms('platform', query.platform);
  terms('categories', query.category);
  terms('signals', query.signal);
  terms('provinceFolded', query.province);
  terms('status', query.status);
  if (query.minScore !== undefined || query.maxScore !== undefined) {
    filter.push({ range: { score: { gte: query.minScore, lte: query.maxScore } } });
  }
  const dateRange = (field: string, from: number | undefined, to: number | undefined) => {
    if (from !== undefined || to !== undefined) {
      filter.push({ range: { [field]: { gte: from, lte: to, format: 'epoch_millis' } } });
    }
  };
  dateRange('firstSeen', query.firstSeenFrom, query.firstSeenTo);
  dateRange('lastSeen', query.lastSeenFrom, query.lastSeenTo);
  if (query.flagged !== undefined) filter.push({ term: { flagged: query.flagged } });
  const must: estypes.QueryDslQueryContainer[] = [];
  if (query.words.length > 0) {
    // Every word must appear in the name or in some title, as in the embedded store.
    must.push({
      multi_match: {
        query: query.words.join(' '),
        fields: ['nameFolded', 'titlesFolded'],
        type: 'cross_fields',
        operator: 'and',
      },
    });
  }
  return { bool: { filter, must } };
}

export function sellerSearchRequest(query: ParsedSellerQuery, index: string): estypes.SearchRequest {
  const field = SORT_FIELDS_ES[query.sort];
  const request: estypes.SearchRequest = {
    index,
    query: sellerQueryClause(query),
    sort: [{ [field]: { order: query.order } }, { key: { order: 'asc' } }],
    size: query.limit + 1,
    track_total_hits: true,
    _source: { excludes: ['titleKeys', 'titlesFolded'] },
    aggs: facetAggs(),
  };
  if (query.after !== undefined) request.search_after = [query.after.value, query.after.key];
  return request;
}

/**
 * One page of a key-ordered scan: `search_after` on the key, one extra hit to know whether
 * there is more, no total and no aggregations, so a page costs about its size.
 */
export function sellerScanRequest(
  query: ParsedSellerQuery,
  afterKey: string | undefined,
  limit: number,
  index: string,
): estypes.SearchRequest {
  const request: estypes.SearchRequest = {
    index,
    query: sellerQueryClause(query),
    sort: [{ key: { order: 'asc' } }],
    size: limit + 1,
    track_total_hits: false,
    _source: { excludes: ['titleKeys', 'titlesFolded'] },
  };
  if (afterKey !== undefined) request.search_after = [afterKey];
  return request;
}

function facetAggs(): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const [name, field] of Object.entries(FACET_FIELDS)) {
    aggs[name] = { terms: { field, size: 100 } };
  }
  aggs.province = {
    terms: { field: 'provinceFolded', size: 100 },
    aggs: { display: { terms: { field: 'province.keyword', size: 1 } } },
  };
  return aggs;
}

export function hotspotsRequest(filter: ParsedAggregateFilter, index: string): estypes.SearchRequest {
  const must: estypes.QueryDslQueryContainer[] = [
    { term: { hasProfile: true } },
    ...aggregateFilters(filter, 'provinceFolded'),
  ];
  const categories = categoryTerms(filter);
  return {
    index,
    size: 0,
    query: { bool: { filter: must } },
    aggs: {
      province: {
        terms: { field: 'provinceFolded', size: 200 },
        aggs: {
          display: { terms: { field: 'province.keyword', size: 1 } },
          category: {
            terms: categories,
            aggs: {
              flaggedListings: { sum: { field: 'flaggedListingCount' } },
              meanScore: { avg: { field: 'score' } },
            },
          },
        },
      },
    },
  };
}

export function dailyCountsRequest(
  filter: ParsedAggregateFilter,
  from: string,
  to: string,
  index: string,
): estypes.SearchRequest {
  const must: estypes.QueryDslQueryContainer[] = [
    { range: { day: { gte: from, lte: to } } },
    ...aggregateFilters(filter, 'provinceFolded'),
  ];
  const categories = categoryTerms(filter);
  return {
    index,
    size: 0,
    query: { bool: { filter: must } },
    aggs: {
      day: {
        terms: { field: 'day', size: 400 },
        aggs: {
          province: {
            terms: { field: 'provinceFolded', size: 200 },
            aggs: {
              display: { terms: { field: 'province', size: 1 } },
              category: { terms: categories, aggs: { sellers: { cardinality: { field: 'sellerKey' } } } },
            },
          },
        },
      },
    },
  };
}

function aggregateFilters(
  filter: ParsedAggregateFilter,
  provinceField: string,
): estypes.QueryDslQueryContainer[] {
  const clauses: estypes.QueryDslQueryContainer[] = [];
  if (filter.platform.length > 0) clauses.push({ terms: { platform: [...filter.platform] } });
  if (filter.province.length > 0) clauses.push({ terms: { [provinceField]: [...filter.province] } });
  if (filter.category.length > 0) clauses.push({ terms: { categories: [...filter.category] } });
  if (filter.flaggedOnly) clauses.push({ term: { flagged: true } });
  return clauses;
}

/** A terms aggregation's buckets, read defensively (the response type is a wide union). */
export interface Bucket {
  key: string;
  doc_count: number;
  [sub: string]: unknown;
}

export function buckets(aggregate: unknown): Bucket[] {
  if (typeof aggregate !== 'object' || aggregate === null) return [];
  const list = (aggregate as { buckets?: unknown }).buckets;
  if (!Array.isArray(list)) return [];
  const result: Bucket[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const raw = entry as Record<string, unknown>;
    const key = raw.key;
    const count = raw.doc_count;
    if ((typeof key !== 'string' && typeof key !== 'number') || typeof count !== 'number') continue;
    result.push({ ...raw, key: typeof key === 'number' ? key.toString() : key, doc_count: count });
  }
  return result;
}

export function metricValue(aggregate: unknown): number {
  if (typeof aggregate !== 'object' || aggregate === null) return 0;
  const value = (aggregate as { value?: unknown }).value;
  return typeof value === 'number' ? value : 0;
}

export function facetCounts(aggregate: unknown, display?: (bucket: Bucket) => string): FacetCount[] {
  return buckets(aggregate)
    .map((bucket) => ({
      value: display === undefined ? bucket.key : display(bucket),
      count: bucket.doc_count,
    }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** The display name under a folded-province bucket. */
export function provinceDisplay(bucket: Bucket): string {
  return buckets(bucket.display)[0]?.key ?? bucket.key;
}

/** Category buckets, limited to the filter's categories when it names some. */
function categoryTerms(filter: ParsedAggregateFilter): estypes.AggregationsTermsAggregation {
  const terms: estypes.AggregationsTermsAggregation = { field: 'categories', size: 100 };
  if (filter.category.length > 0) terms.include = [...filter.category];
  return terms;
}
