import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Config } from '../config/index.js';

/**
 * The leads' own small SQLite file: what each team last received, and which listings went to
 * which platform in which request and what became of them. Kept apart from the seller index
 * so it works the same whether the index is embedded or Elasticsearch. One step per schema
 * version; never edit a shipped step, add the next.
 */
const MIGRATIONS: readonly string[] = [
  `
  -- One row per team, seller and list day: the seller as that list showed it. The baseline of
  -- the list for day D is the newest row before D, so re-running D gives the same list.
  CREATE TABLE lead_sent (
    team TEXT NOT NULL,
    seller_key TEXT NOT NULL,
    list_date TEXT NOT NULL,
    score INTEGER NOT NULL,
    categories TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (team, seller_key, list_date)
  ) WITHOUT ROWID;
  CREATE TABLE lead_lists (
    team TEXT NOT NULL,
    list_date TEXT NOT NULL,
    produced_at TEXT NOT NULL,
    sellers INTEGER NOT NULL,
    PRIMARY KEY (team, list_date)
  ) WITHOUT ROWID;
  CREATE TABLE takedown_requests (
    request_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    platform TEXT NOT NULL,
    created_at TEXT NOT NULL,
    items INTEGER NOT NULL,
    agency TEXT NOT NULL
  );
  -- A listing is requested once; a re-check later sets removed_at (gone) or last_live_at.
  CREATE TABLE takedown_items (
    listing_key TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    listing_id TEXT NOT NULL,
    seller_key TEXT NOT NULL,
    request_id TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    title_folded TEXT NOT NULL,
    images TEXT NOT NULL,
    categories TEXT NOT NULL,
    removed_at TEXT,
    last_live_at TEXT
  );
  CREATE INDEX takedown_items_seller ON takedown_items (seller_key);
  CREATE INDEX takedown_items_title ON takedown_items (title_folded) WHERE removed_at IS NOT NULL;
  CREATE INDEX takedown_items_requested ON takedown_items (requested_at);
  `,
];

export function leadStateFile(config: Pick<Config, 'core' | 'leads'>): string {
  const file = config.leads.stateFile;
  return isAbsolute(file) ? file : join(config.core.dataDir, file);
}

/** Opens (creating and migrating) the leads state file; ':memory:' for tests. */
export function openStateDb(file: string): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error(`cannot read the schema version of ${file}`);
  if (current > MIGRATIONS.length) {
    db.close();
    throw new Error(
      `${file} has schema version ${current}, newer than this ecomwatch knows: upgrade ecomwatch`,
    );
  }
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
  return db;
}
