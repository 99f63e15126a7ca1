import type { Database } from 'better-sqlite3';

/**
 * The embedded store's schema, one step per version. `user_version` records how far a file
 * has come; opening a file runs the steps it lacks in one transaction. Never edit a step that
 * shipped: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sellers (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    province TEXT,
    province_folded TEXT NOT NULL,
    score INTEGER NOT NULL,
    flagged INTEGER NOT NULL,
    flagged_listings INTEGER NOT NULL,
    first_seen_ms INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    case_version INTEGER NOT NULL DEFAULT 0,
    categories TEXT NOT NULL,
    signals TEXT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE INDEX sellers_score ON sellers (score DESC, key);
  CREATE INDEX sellers_platform ON sellers (platform);
  CREATE INDEX sellers_province ON sellers (province_folded, score);
  CREATE INDEX sellers_last_seen ON sellers (last_seen_ms);
  CREATE INDEX sellers_status ON sellers (status);
  -- One row per seller and category, with the seller's columns the hotspots group and sum,
  -- so the province × category aggregate is one scan of this table.
  CREATE TABLE seller_categories (
    category TEXT NOT NULL,
    seller_id INTEGER NOT NULL,
    platform TEXT NOT NULL,
    province TEXT,
    province_folded TEXT NOT NULL,
    flagged INTEGER NOT NULL,
    score INTEGER NOT NULL,
    flagged_listings INTEGER NOT NULL,
    PRIMARY KEY (category, seller_id)
  ) WITHOUT ROWID;
  CREATE INDEX seller_categories_seller ON seller_categories (seller_id);
  -- Covers the hotspots, already grouped: flagged sellers by province, then category.
  CREATE INDEX seller_categories_hotspots ON seller_categories
    (flagged, province_folded, category, platform, province, score, flagged_listings);
  CREATE TABLE seller_signals (
    signal TEXT NOT NULL,
    seller_id INTEGER NOT NULL,
    PRIMARY KEY (signal, seller_id)
  ) WITHOUT ROWID;
  CREATE INDEX seller_signals_seller ON seller_signals (seller_id, signal);
  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    platform TEXT NOT NULL,
    seller_key TEXT NOT NULL,
    title_folded TEXT NOT NULL,
    captured_ms INTEGER NOT NULL,
    day TEXT NOT NULL,
    province TEXT NOT NULL,
    province_folded TEXT NOT NULL,
    score INTEGER NOT NULL,
    flagged INTEGER NOT NULL,
    categories TEXT NOT NULL,
    record TEXT NOT NULL
  );
  CREATE INDEX items_seller ON items (seller_key, score DESC);
  CREATE INDEX items_day ON items (day, flagged);
  -- Covers the daily counts of flagged items (the early-warning figure): they read only this
  -- index, never the large item rows. Partial, so unflagged items cost nothing here.
  CREATE INDEX items_day_flagged ON items (day, province_folded, province, platform, seller_key, categories)
    WHERE flagged = 1;
  -- Seller names and listing titles, folded (đ→d) before they get here; one row per seller,
  -- rowid = sellers.id, each word once. Contentless: the words live in items and sellers.
  -- detail = none: searches AND words and never need positions, and the index is half as big.
  CREATE VIRTUAL TABLE seller_text USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  -- Sellers whose search text is behind their items or profile: rewritten in one pass before
  -- the next search, so a bulk load rewrites each seller once, not once per batch.
  CREATE TABLE dirty_sellers (seller_key TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    seller_key TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  CREATE INDEX case_events_seller ON case_events (seller_key, id);
  CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
  CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
    BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
  `,
  `
  -- Covers the platform, status and province facets over all sellers: one scan of this small
  -- index, grouped, instead of a scan of the sellers table (rows carry the whole record).
  CREATE INDEX sellers_facets ON sellers (platform, status, province_folded, province);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database file up to the current schema; refuses a file from a newer version. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('cannot read the schema version of the index file');
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the index file has schema version ${current}, newer than this ecomwatch knows (${SCHEMA_VERSION}): upgrade ecomwatch`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let version = current; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
