import type { Database, Statement } from 'better-sqlite3';
import { encodeCursor } from '../cursor.js';
import type { ParsedSellerQuery } from '../seller-query.js';
import type { FacetCount, FacetName, Facets, SearchResult, SortField } from '../seller-index.js';
import { sellerFromRow, type SellerRow } from './rows.js';
import { sellerWhere } from './sql-where.js';

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

/** `value, count` ordered the way both stores order facets: most first, then by value. */
const facetSql = (from: string, value: string, group: string) =>
  `SELECT ${value} AS value, count(*) AS count FROM ${from} GROUP BY ${group} ORDER BY count DESC, value`;

/**
 * Seller search on SQLite. The matching sellers go once into a temp table together with the
 * columns the facets count, so each facet is one GROUP BY over the hits (the planner has no
 * statistics on temp tables, so queries name the hits first). With no condition at all the
 * temp table is skipped and the facets read the sellers table's indexes.
 */
export class SqlSearch {
  private readonly hitFacets: Record<FacetName, Statement>;
  private readonly allFacets: Record<FacetName, Statement>;
  private readonly clearHits: Statement;
  private readonly countAll: Statement;

  constructor(private readonly db: Database) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS hits (
      id INTEGER PRIMARY KEY, key TEXT, platform TEXT, province TEXT, province_folded TEXT, status TEXT,
      categories TEXT, signals TEXT, score INTEGER, last_seen_ms INTEGER, first_seen_ms INTEGER,
      flagged_listings INTEGER, name_folded TEXT)`);
    this.clearHits = db.prepare('DELETE FROM temp.hits');
    this.countAll = db.prepare('SELECT count(*) AS n FROM sellers');
    const province = "min(coalesce(province, 'unknown'))";
    this.hitFacets = {
      platform: db.prepare(facetSql('temp.hits', 'platform', 'platform')),
      status: db.prepare(facetSql('temp.hits', 'status', 'status')),
      province: db.prepare(facetSql('temp.hits', province, 'province_folded')),
      category: db.prepare(facetSql('temp.hits h, json_each(h.categories) j', 'j.value', 'j.value')),
      signal: db.prepare(facetSql('temp.hits h, json_each(h.signals) j', 'j.value', 'j.value')),
    };
    this.allFacets = {
      platform: db.prepare(facetSql('sellers', 'platform', 'platform')),
      status: db.prepare(facetSql('sellers', 'status', 'status')),
      province: db.prepare(facetSql('sellers', province, 'province_folded')),
      category: db.prepare(facetSql('seller_categories', 'category', 'category')),
      signal: db.prepare(facetSql('seller_signals', 'signal', 'signal')),
    };
  }

  search(query: ParsedSellerQuery): SearchResult {
    const where = sellerWhere(query);
    const matchAll = where.params.length === 0 && where.sql === '1';
    const run = this.db.transaction(() => {
      let total: number;
      if (matchAll) {
        total = (this.countAll.get() as { n: number }).n;
      } else {
        this.clearHits.run();
        total = this.db
          .prepare(
            `INSERT INTO temp.hits SELECT s.id, s.key, s.platform, s.province, s.province_folded, s.status,
               s.categories, s.signals, s.score, s.last_seen_ms, s.first_seen_ms, s.flagged_listings, s.name_folded
             FROM sellers s WHERE ${where.sql}`,
          )
          .run(where.params).changes;
      }
      const rows = this.page(query, matchAll, total);
      const facets = {} as Facets;
      const statements = matchAll ? this.allFacets : this.hitFacets;
      for (const [name, statement] of Object.entries(statements) as [FacetName, Statement][]) {
        facets[name] = statement.all() as FacetCount[];
      }
      return { total, rows, facets };
    });
    const { total, rows, facets } = run();
    const page = rows.slice(0, query.limit);
    const result: SearchResult = { total, sellers: page.map(sellerFromRow), facets };
    const last = page[page.length - 1];
    if (rows.length > query.limit && last !== undefined) {
      result.nextCursor = encodeCursor(query.fingerprint, {
        value: SORT_VALUE[query.sort](last),
        key: last.key,
      });
    }
    return result;
  }

  /** One page plus one row (to know whether there is a next page), keyset-paginated. */
  private page(query: ParsedSellerQuery, matchAll: boolean, total: number): PageRow[] {
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
