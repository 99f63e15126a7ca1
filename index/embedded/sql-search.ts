import type { Database, Statement } from 'better-sqlite3';
import { encodeCursor } from '../cursor.js';
import type { ParsedSellerQuery } from '../seller-query.js';
import {
  FACET_NAMES,
  type FacetName,
  type Facets,
  type SearchResult,
  type SortField,
} from '../seller-index.js';
import { sellerFromRow, type SellerRow } from './rows.js';
import { sellerWhere, type SqlFragment } from './sql-where.js';

const SORT_COLUMNS: Record<SortField, string> = {
  score: 'score',
  lastSeen: 'last_seen_ms',
  firstSeen: 'first_seen_ms',
  flaggedListings: 'flagged_listings',
  name: 'name_folded',
};

const SORT_VALUE: Record<SortField, (row: PageRow) => number | string> = {
  score: (row) => row.score,
  lastSeen: (row) => row.last_seen_ms,
  firstSeen: (row) => row.first_seen_ms,
  flaggedListings: (row) => row.flagged_listings,
  name: (row) => row.name_folded,
};

/** Up to this many hits, the page is sorted from the temp table; more, off the sellers table. */
const SORT_IN_MEMORY_MAX = 20_000;

const PAGE_COLUMNS = `s.key, s.status, s.case_version, s.record, s.score, s.last_seen_ms, s.first_seen_ms,
                      s.flagged_listings, s.name_folded`;

interface PageRow extends SellerRow {
  score: number;
  last_seen_ms: number;
  first_seen_ms: number;
  flagged_listings: number;
  name_folded: string;
}

/**
 * Every facet in one statement: `g` groups the sellers (or hits) once by platform × status ×
 * province, and each facet sums those groups, so the seller rows are read in one pass (over
 * all sellers: one scan of the covering `sellers_facets` index). Rows come out per facet,
 * most first, then by value: the order both stores give facets.
 */
const facetsSql = (sellers: string, categories: string, signals: string) => `
  WITH g AS MATERIALIZED (
    SELECT platform, status, province_folded, min(coalesce(province, 'unknown')) AS province, count(*) AS n
    FROM ${sellers} GROUP BY platform, status, province_folded)
  SELECT 'platform' AS facet, platform AS value, sum(n) AS count FROM g GROUP BY platform
  UNION ALL SELECT 'status', status, sum(n) FROM g GROUP BY status
  UNION ALL SELECT 'province', min(province), sum(n) FROM g GROUP BY province_folded
  UNION ALL SELECT 'category', ${categories}
  UNION ALL SELECT 'signal', ${signals}
  ORDER BY 1, 3 DESC, 2`;

/** What a query's filters (not its sort, page or cursor) decide: kept until the data changes. */
interface Counts {
  total: number;
  facets: Facets;
}

/** Distinct filter sets whose counts are kept; the oldest goes first. */
const COUNTS_CACHE_ENTRIES = 256;

/** Rows of a keyset scan in key order; `limit + 1` tells whether there is more. */
export interface ScanRows {
  rows: SellerRow[];
  more: boolean;
}

/**
 * Seller search on SQLite. The matching sellers go once into a temp table together with the
 * columns the facets count, so the facets are one grouped pass over the hits (the planner has
 * no statistics on temp tables, so queries name the hits first). With no condition at all the
 * temp table is skipped and the facets read the sellers table's indexes.
 *
 * The total and facets of a filter set are cached until the data changes, so the next page,
 * another sort, or the next analyst opening the same view pays only for its page. The cache is
 * never trusted after a change: the store calls `invalidate()` on each of its writes; any other
 * write on this connection moves `total_changes()`, and a commit by another connection (a
 * pipeline worker on the same file) moves `PRAGMA data_version`. Both are read inside the
 * search's read transaction, so cached counts always belong to the snapshot the page is read from.
 */
export class SqlSearch {
  private readonly hitFacets: Statement;
  private readonly allFacets: Statement;
  private readonly clearHits: Statement;
  private readonly dataVersion: Statement;
  private readonly totalChanges: Statement;
  private readonly counts = new Map<string, Counts>();
  private seenDataVersion = -1;
  private seenChanges = -1;

  constructor(private readonly db: Database) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS hits (
      id INTEGER PRIMARY KEY, key TEXT, platform TEXT, province TEXT, province_folded TEXT, status TEXT,
      categories TEXT, signals TEXT, score INTEGER, last_seen_ms INTEGER, first_seen_ms INTEGER,
      flagged_listings INTEGER, name_folded TEXT)`);
    this.clearHits = db.prepare('DELETE FROM temp.hits');
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.totalChanges = db.prepare('SELECT total_changes()').pluck();
    this.hitFacets = db.prepare(
      facetsSql(
        'temp.hits',
        'j.value, count(*) FROM temp.hits h, json_each(h.categories) j GROUP BY j.value',
        'j.value, count(*) FROM temp.hits h, json_each(h.signals) j GROUP BY j.value',
      ),
    );
    this.allFacets = db.prepare(
      facetsSql(
        'sellers',
        'category, count(*) FROM seller_categories GROUP BY category',
        'signal, count(*) FROM seller_signals GROUP BY signal',
      ),
    );
  }

  /** Forgets every cached total and facet count; the store calls it on each write. */
  invalidate(): void {
    this.counts.clear();
  }

  search(query: ParsedSellerQuery): SearchResult {
    const where = sellerWhere(query);
    const matchAll = where.params.length === 0 && where.sql === '1';
    const cacheKey = JSON.stringify([where.sql, where.params]);
    const run = this.db.transaction(() => {
      this.dropStaleCounts();
      const cached = this.counts.get(cacheKey);
      let counts: Counts;
      let rows: PageRow[];
      if (cached !== undefined) {
        counts = cached;
        rows = matchAll ? this.page(query, 'all', counts.total) : this.filteredPage(query, where);
      } else {
        let total: number | undefined;
        if (!matchAll) {
          this.clearHits.run();
          total = this.db
            .prepare(
              `INSERT INTO temp.hits SELECT s.id, s.key, s.platform, s.province, s.province_folded, s.status,
                 s.categories, s.signals, s.score, s.last_seen_ms, s.first_seen_ms, s.flagged_listings, s.name_folded
               FROM sellers s WHERE ${where.sql}`,
            )
            .run(where.params).changes;
        }
        const facets = readFacets((matchAll ? this.allFacets : this.hitFacets).all() as FacetRow[]);
        // Every seller has exactly one platform: over all sellers, the platform counts add up to the total.
        total ??= facets.platform.reduce((sum, entry) => sum + entry.count, 0);
        counts = { total, facets };
        rows = this.page(query, matchAll ? 'all' : 'hits', total);
        this.remember(cacheKey, counts);
      }
      // This search's own temp-table writes are not a change of the data.
      this.seenChanges = this.totalChanges.get() as number;
      return { counts, rows };
    });
    const { counts, rows } = run();
    const page = rows.slice(0, query.limit);
    const result: SearchResult = {
      total: counts.total,
      sellers: page.map(sellerFromRow),
      facets: copyFacets(counts.facets),
    };
    const last = page[page.length - 1];
    if (rows.length > query.limit && last !== undefined) {
      result.nextCursor = encodeCursor(query.fingerprint, {
        value: SORT_VALUE[query.sort](last),
        key: last.key,
      });
    }
    return result;
  }

  /** Sellers matching the filters in key order after `afterKey`: no sort, no counts. */
  scan(query: ParsedSellerQuery, afterKey: string | undefined, limit: number): ScanRows {
    const where = sellerWhere(query);
    const params: (string | number)[] = [...where.params];
    // The page's ids first (ordering keys, not records, when the planner sorts the matches),
    // then their records.
    let ids = `SELECT s.id FROM sellers s WHERE (${where.sql})`;
    if (afterKey !== undefined) {
      ids += ' AND s.key > ?';
      params.push(afterKey);
    }
    ids += ' ORDER BY s.key LIMIT ?';
    params.push(limit + 1);
    const rows = this.db
      .prepare(
        `SELECT s.key, s.status, s.case_version, s.record FROM sellers s WHERE s.id IN (${ids}) ORDER BY s.key`,
      )
      .all(params) as SellerRow[];
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }

  /** Clears the cached counts when anything but this search changed the database since the last one. */
  private dropStaleCounts(): void {
    // First statement of the transaction: it starts the read snapshot the rest of the search sees.
    const version = this.dataVersion.get() as number;
    const changes = this.totalChanges.get() as number;
    if (version !== this.seenDataVersion || changes !== this.seenChanges) {
      this.counts.clear();
      this.seenDataVersion = version;
      this.seenChanges = changes;
    }
  }

  private remember(key: string, counts: Counts): void {
    if (this.counts.size >= COUNTS_CACHE_ENTRIES) {
      const oldest = this.counts.keys().next();
      if (oldest.done !== true) this.counts.delete(oldest.value);
    }
    this.counts.set(key, counts);
  }

  /** A page of a filtered query whose counts are cached: read straight off the sellers table. */
  private filteredPage(query: ParsedSellerQuery, where: SqlFragment): PageRow[] {
    const column = SORT_COLUMNS[query.sort];
    const order = `ORDER BY s.${column} ${query.order === 'desc' ? 'DESC' : 'ASC'}, s.key ASC`;
    const params: (string | number)[] = [...where.params];
    // The page's ids first: when the planner sorts the matches, it sorts ids and sort keys,
    // not whole records; then the page's records.
    let ids = `SELECT s.id FROM sellers s WHERE (${where.sql})`;
    if (query.after !== undefined) {
      const op = query.order === 'desc' ? '<' : '>';
      ids += ` AND (s.${column} ${op} ? OR (s.${column} = ? AND s.key > ?))`;
      params.push(query.after.value, query.after.value, query.after.key);
    }
    ids += ` ${order} LIMIT ?`;
    params.push(query.limit + 1);
    const sql = `SELECT ${PAGE_COLUMNS} FROM sellers s WHERE s.id IN (${ids}) ${order}`;
    return this.db.prepare(sql).all(params) as PageRow[];
  }

  /** One page plus one row (to know whether there is a next page), keyset-paginated. */
  private page(query: ParsedSellerQuery, source: 'all' | 'hits', total: number): PageRow[] {
    const matchAll = source === 'all';
    const column = SORT_COLUMNS[query.sort];
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    // Few hits: sort them in the temp table, then fetch the page's records. Many (or all):
    // walk the sellers table in sort order (an index for score) and keep the hits.
    const fromHits = !matchAll && total <= SORT_IN_MEMORY_MAX;
    const table = fromHits ? 'h' : 's';
    const from = fromHits
      ? 'temp.hits h CROSS JOIN sellers s ON s.id = h.id'
      : matchAll
        ? 'sellers s'
        : 'sellers s JOIN temp.hits h ON h.id = s.id';
    const params: (string | number)[] = [];
    let sql = `SELECT ${PAGE_COLUMNS} FROM ${from}`;
    if (query.after !== undefined) {
      const op = query.order === 'desc' ? '<' : '>';
      sql += ` WHERE (${table}.${column} ${op} ? OR (${table}.${column} = ? AND ${table}.key > ?))`;
      params.push(query.after.value, query.after.value, query.after.key);
    }
    sql += ` ORDER BY ${table}.${column} ${direction}, ${table}.key ASC LIMIT ?`;
    params.push(query.limit + 1);
    return this.db.prepare(sql).all(params) as PageRow[];
  }
}

interface FacetRow {
  facet: FacetName;
  value: string;
  count: number;
}

/** The facet rows of one statement, already ordered, split per facet. */
function readFacets(rows: readonly FacetRow[]): Facets {
  const facets = emptyFacets();
  for (const row of rows) facets[row.facet].push({ value: row.value, count: row.count });
  return facets;
}

/** A result's own copy: callers may change what they get without touching the cache. */
function copyFacets(facets: Facets): Facets {
  const copy = emptyFacets();
  for (const name of FACET_NAMES) copy[name] = facets[name].map((entry) => ({ ...entry }));
  return copy;
}

function emptyFacets(): Facets {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as Facets;
}
