import type { ParsedAggregateFilter } from '../seller-query.js';
import type { SqlFragment } from './sql-where.js';

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

function filterClauses(
  filter: ParsedAggregateFilter,
  columns: { platform: string; province: string; category: string; flagged: string },
): SqlFragment {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const inList = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  inList(columns.platform, filter.platform);
  inList(columns.province, filter.province);
  inList(columns.category, filter.category);
  if (filter.flaggedOnly) clauses.push(`${columns.flagged} = 1`);
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

/** Province × category over sellers: how many, their flagged listings, their mean score. */
export function hotspotsSql(filter: ParsedAggregateFilter): SqlFragment {
  const where = filterClauses(filter, {
    platform: 'c.platform',
    province: 'c.province_folded',
    category: 'c.category',
    flagged: 'c.flagged',
  });
  return {
    sql: `SELECT min(coalesce(c.province, 'unknown')) AS province, c.category AS category,
                 count(*) AS sellers, sum(c.flagged_listings) AS flaggedListings, avg(c.score) AS meanScore
          FROM seller_categories c
          WHERE ${where.sql}
          GROUP BY c.province_folded, c.category
          ORDER BY sellers DESC, flaggedListings DESC, province, category`,
    params: where.params,
  };
}

/** Flagged items captured per day × province × category, with the distinct sellers behind them. */
export function dailyCountsSql(filter: ParsedAggregateFilter, from: string, to: string): SqlFragment {
  const where = filterClauses(filter, {
    platform: 'i.platform',
    province: 'i.province_folded',
    category: 'c.value',
    flagged: 'i.flagged',
  });
  return {
    sql: `SELECT i.day AS day, min(i.province) AS province, c.value AS category,
                 count(*) AS flaggedItems, count(DISTINCT i.seller_key) AS sellers
          FROM items i, json_each(i.categories) c
          WHERE i.day BETWEEN ? AND ? AND ${where.sql}
          GROUP BY i.day, i.province_folded, c.value
          ORDER BY day, province, category`,
    params: [from, to, ...where.params],
  };
}
