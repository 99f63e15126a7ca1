import type { ParsedSellerQuery } from '../seller-query.js';

export interface SqlFragment {
  sql: string;
  params: (string | number)[];
}

/** `"w1" "w2"`: every folded word must appear (the words are letters and digits only). */
export function ftsMatch(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(' ');
}

const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** The WHERE clause over `sellers s` for a checked query (no cursor). */
export function sellerWhere(query: ParsedSellerQuery): SqlFragment {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (query.words.length > 0) {
    clauses.push('s.id IN (SELECT rowid FROM seller_text WHERE seller_text MATCH ?)');
    params.push(ftsMatch(query.words));
  }
  const inList = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  inList('s.platform', query.platform);
  inList('s.province_folded', query.province);
  inList('s.status', query.status);
  if (query.category.length > 0) {
    clauses.push(
      `s.id IN (SELECT seller_id FROM seller_categories WHERE category IN (${placeholders(query.category.length)}))`,
    );
    params.push(...query.category);
  }
  if (query.signal.length > 0) {
    clauses.push(
      `s.id IN (SELECT seller_id FROM seller_signals WHERE signal IN (${placeholders(query.signal.length)}))`,
    );
    params.push(...query.signal);
  }
  const range = (column: string, op: '>=' | '<=', value: number | undefined) => {
    if (value === undefined) return;
    clauses.push(`${column} ${op} ?`);
    params.push(value);
  };
  range('s.score', '>=', query.minScore);
  range('s.score', '<=', query.maxScore);
  range('s.first_seen_ms', '>=', query.firstSeenFrom);
  range('s.first_seen_ms', '<=', query.firstSeenTo);
  range('s.last_seen_ms', '>=', query.lastSeenFrom);
  range('s.last_seen_ms', '<=', query.lastSeenTo);
  if (query.flagged !== undefined) {
    clauses.push('s.flagged = ?');
    params.push(query.flagged ? 1 : 0);
  }
  return { sql: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}
