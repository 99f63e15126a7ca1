import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { sellerKey, type SellerRisk } from '../../records/index.js';
import { assertTransition, parseCaseStatusChange } from '../case-status.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { itemFields } from '../item-fields.js';
import { localDay } from '../local-day.js';
import { itemRejection, sellerRejection } from '../record-checks.js';
import { foldSearchText } from '../search-text.js';
import { sellerDetail } from '../seller-detail.js';
import { settle } from '../settle.js';
import { parseAggregateFilter, parseDayRange, parseSellerQuery, parseSellerScan } from '../seller-query.js';
import type {
  AggregateFilter,
  CaseState,
  CaseStatusChange,
  DailyCount,
  DailyCountQuery,
  DroppedDocument,
  Hotspot,
  ScanOptions,
  ScanPage,
  ScoredItem,
  SearchResult,
  SellerDetail,
  SellerFilter,
  SellerIndex,
  SellerQuery,
  UpsertResult,
} from '../seller-index.js';
import { UNKNOWN_PROVINCE } from '../seller-index.js';
import { dailyCountsSql, hotspotsSql } from './sql-aggregates.js';
import { migrate } from './migrations.js';
import {
  eventFromRow,
  itemFromRow,
  sellerFromRow,
  type CaseEventRow,
  type ItemRow,
  type SellerRow,
} from './rows.js';
import { SqlSearch } from './sql-search.js';

export interface EmbeddedSellerIndexOptions {
  /** The SQLite file (created with its folder); ignored when `db` is given. */
  file?: string;
  /** An open database to use instead; the index never closes it. */
  db?: Database;
  /** Time zone of the daily counts' days. */
  timeZone?: string;
}

/** Sellers whose search text is rewritten before the full-text index is merged (FTS5 'optimize'). */
const OPTIMIZE_AFTER_REWRITES = 20_000;

/** The default store: one SQLite file, WAL, FTS5 over folded text, nothing to install. */
export class EmbeddedSellerIndex implements SellerIndex {
  readonly db: Database;
  private readonly ownsDb: boolean;
  private readonly timeZone: string;
  private readonly searcher: SqlSearch;
  private readonly statements: ReturnType<typeof prepareWrites>;
  private readonly provinces = new Map<string, string>();
  private rewrittenSinceOptimize = 0;

  constructor(options: EmbeddedSellerIndexOptions) {
    if (options.db !== undefined) {
      this.db = options.db;
      this.ownsDb = false;
    } else {
      if (options.file === undefined) throw new Error('EmbeddedSellerIndex needs a file or a db');
      if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
      this.db = new BetterSqlite3(options.file);
      this.ownsDb = true;
    }
    this.timeZone = options.timeZone ?? 'Asia/Ho_Chi_Minh';
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('temp_store = MEMORY');
    this.db.pragma('cache_size = -524288');
    this.db.pragma('mmap_size = 4294967296');
    this.db.pragma('wal_autocheckpoint = 16384');
    migrate(this.db);
    this.statements = prepareWrites(this.db);
    this.searcher = new SqlSearch(this.db);
  }

  upsertItems(items: readonly ScoredItem[]): Promise<UpsertResult> {
    return settle(() => this.written(() => this.writeItems(items)));
  }

  private writeItems(items: readonly ScoredItem[]): UpsertResult {
    const dropped: DroppedDocument[] = [];
    let upserted = 0;
    const { upsertItem, markDirty } = this.statements;
    this.db.transaction(() => {
      const touched = new Set<string>();
      for (const item of items) {
        const rejection = itemRejection(item);
        if (rejection !== undefined) {
          dropped.push(rejection);
          continue;
        }
        const fields = itemFields(item);
        upsertItem.run(
          fields.key,
          fields.kind,
          item.platform,
          fields.sellerKey,
          foldSearchText(fields.title),
          fields.capturedMillis,
          localDay(fields.capturedAt, this.timeZone),
          fields.province,
          this.foldProvince(fields.province),
          item.risk.score,
          item.risk.flagged ? 1 : 0,
          JSON.stringify(item.risk.categories),
          JSON.stringify(item),
        );
        touched.add(fields.sellerKey);
        upserted++;
      }
      for (const key of touched) markDirty.run(key);
    })();
    return { upserted, dropped };
  }

  upsertSellers(sellers: readonly SellerRisk[]): Promise<UpsertResult> {
    return settle(() => this.written(() => this.writeSellers(sellers)));
  }

  private writeSellers(sellers: readonly SellerRisk[]): UpsertResult {
    const dropped: DroppedDocument[] = [];
    let upserted = 0;
    const s = this.statements;
    this.db.transaction(() => {
      for (const seller of sellers) {
        const rejection = sellerRejection(seller);
        if (rejection !== undefined) {
          dropped.push(rejection);
          continue;
        }
        const key = sellerKey(seller);
        const nameFolded = foldSearchText(seller.name ?? '');
        const provinceFolded = this.foldProvince(seller.province ?? UNKNOWN_PROVINCE);
        const row = s.upsertSeller.get({
          key,
          platform: seller.platform,
          nameFolded,
          province: seller.province ?? null,
          provinceFolded,
          score: seller.score,
          flagged: seller.flagged ? 1 : 0,
          flaggedListings: seller.flaggedListingCount,
          firstSeenMs: Date.parse(seller.firstSeen),
          lastSeenMs: Date.parse(seller.lastSeen),
          status: seller.status,
          categories: JSON.stringify([...new Set(seller.categories)]),
          signals: JSON.stringify([...new Set(seller.signals)]),
          record: JSON.stringify(seller),
        }) as { id: number };
        s.deleteCategories.run(row.id);
        for (const category of new Set(seller.categories)) {
          s.insertCategory.run(
            category,
            row.id,
            seller.platform,
            seller.province ?? null,
            provinceFolded,
            seller.flagged ? 1 : 0,
            seller.score,
            seller.flaggedListingCount,
          );
        }
        s.deleteSignals.run(row.id);
        for (const signal of new Set(seller.signals)) s.insertSignal.run(signal, row.id);
        s.markDirty.run(key);
        upserted++;
      }
    })();
    return { upserted, dropped };
  }

  search(query: SellerQuery): Promise<SearchResult> {
    return settle(() => {
      const parsed = parseSellerQuery(query);
      this.flushSellerText();
      return this.searcher.search(parsed);
    });
  }

  scanSellers(filter: SellerFilter, options: ScanOptions = {}): Promise<ScanPage> {
    return settle(() => {
      const scan = parseSellerScan(filter, options);
      this.flushSellerText();
      const { rows, more } = this.searcher.scan(scan.query, scan.afterKey, scan.limit);
      const page: ScanPage = { sellers: rows.map(sellerFromRow) };
      const last = rows[rows.length - 1];
      if (more && last !== undefined) page.nextKey = last.key;
      return page;
    });
  }

  getSeller(key: string, options: { itemLimit?: number } = {}): Promise<SellerDetail> {
    return settle(() => {
      const row = this.statements.sellerByKey.get(key) as SellerRow | undefined;
      if (row === undefined) throw new NotFoundError(key);
      const limit = Math.max(1, Math.min(options.itemLimit ?? 500, 5000));
      const items = (this.statements.itemsOfSeller.all(key, limit) as ItemRow[]).map(itemFromRow);
      const history = (this.statements.eventsOfSeller.all(key) as CaseEventRow[]).map(eventFromRow);
      return sellerDetail(sellerFromRow(row), items, history);
    });
  }

  setCaseStatus(input: CaseStatusChange): Promise<CaseState> {
    return settle(() => this.written(() => this.writeCaseStatus(input)));
  }

  private writeCaseStatus(input: CaseStatusChange): CaseState {
    const change = parseCaseStatusChange(input);
    const s = this.statements;
    const state = this.db
      .transaction((): CaseState => {
        const current = s.caseOf.get(change.sellerKey) as
          { status: CaseStatusChange['to']; case_version: number } | undefined;
        if (current === undefined) throw new NotFoundError(change.sellerKey);
        if (current.status !== change.expectedStatus || current.case_version !== change.expectedVersion) {
          throw new ConflictError(
            `the case of ${change.sellerKey} changed since it was read: it is now "${current.status}" (version ${current.case_version}), not "${change.expectedStatus}" (version ${change.expectedVersion})`,
            { status: current.status, caseVersion: current.case_version },
          );
        }
        assertTransition(current.status, change.to);
        s.setStatus.run(change.to, change.sellerKey, current.case_version);
        s.insertEvent.run(change.sellerKey, change.at, change.by, current.status, change.to, change.reason);
        return { status: change.to, caseVersion: current.case_version + 1 };
      })
      .immediate();
    return state;
  }

  hotspots(filter: AggregateFilter = {}): Promise<Hotspot[]> {
    return settle(() => {
      const { sql, params } = hotspotsSql(parseAggregateFilter(filter));
      const rows = this.db.prepare(sql).all(params) as Hotspot[];
      return rows.map((row) => ({ ...row, meanScore: Math.round(row.meanScore * 10) / 10 }));
    });
  }

  dailyCounts(query: DailyCountQuery): Promise<DailyCount[]> {
    return settle(() => {
      const { from, to } = parseDayRange(query.from, query.to);
      const { sql, params } = dailyCountsSql(parseAggregateFilter(withoutDays(query)), from, to);
      return this.db.prepare(sql).all(params) as DailyCount[];
    });
  }

  /** Brings the search text of every seller written since the last search up to date. */
  refresh(): Promise<void> {
    return settle(() => {
      this.flushSellerText();
    });
  }

  close(): Promise<void> {
    return settle(() => {
      if (!this.db.open) return;
      this.flushSellerText();
      if (this.ownsDb) this.db.close();
    });
  }

  private flushSellerText(): void {
    const s = this.statements;
    if (s.anyDirty.get() === undefined) return;
    this.db
      .transaction(() => {
        const dirty = s.dirtySellers.all() as { key: string; id: number; name_folded: string }[];
        for (const seller of dirty) this.writeSellerText(seller.id, seller.key, seller.name_folded);
        s.clearDirty.run();
        this.rewrittenSinceOptimize += dirty.length;
        // Rewritten rows leave tombstones and small segments behind; after a bulk load they make
        // searches several times slower until the index is merged, so merge once it is worth it.
        if (this.rewrittenSinceOptimize >= OPTIMIZE_AFTER_REWRITES) {
          this.db.exec("INSERT INTO seller_text (seller_text) VALUES ('optimize')");
          this.rewrittenSinceOptimize = 0;
        }
        // IMMEDIATE: it reads then writes; a deferred transaction would fail at once with
        // SQLITE_BUSY when another process writes the same file, instead of waiting its turn.
      })
      .immediate();
  }

  /** Runs a write; whatever it changed (or half-changed, then rolled back), cached counts are dropped. */
  private written<T>(write: () => T): T {
    try {
      return write();
    } finally {
      this.searcher.invalidate();
    }
  }

  /** Provinces repeat on every item: fold each name once. */
  private foldProvince(province: string): string {
    let folded = this.provinces.get(province);
    if (folded === undefined) {
      folded = foldSearchText(province);
      if (this.provinces.size < 10_000) this.provinces.set(province, folded);
    }
    return folded;
  }

  /** One FTS row per seller: the unique folded words of its name and of its items' titles. */
  private writeSellerText(id: number, key: string, nameFolded: string): void {
    const words = new Set<string>(nameFolded.split(' '));
    for (const row of this.statements.titlesOfSeller.iterate(key) as Iterable<{ title_folded: string }>) {
      for (const word of row.title_folded.split(' ')) words.add(word);
    }
    words.delete('');
    this.statements.deleteText.run(id);
    this.statements.insertText.run(id, [...words].join(' '));
  }
}

function withoutDays(query: DailyCountQuery): AggregateFilter {
  const { from: _from, to: _to, ...filter } = query;
  return filter;
}

function prepareWrites(db: Database) {
  const prepare = (sql: string): Statement => db.prepare(sql);
  return {
    upsertItem: prepare(`
      INSERT INTO items (key, kind, platform, seller_key, title_folded, captured_ms, day, province,
                         province_folded, score, flagged, categories, record)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET
        kind = excluded.kind, platform = excluded.platform, seller_key = excluded.seller_key,
        title_folded = excluded.title_folded, captured_ms = excluded.captured_ms, day = excluded.day,
        province = excluded.province, province_folded = excluded.province_folded,
        score = excluded.score, flagged = excluded.flagged, categories = excluded.categories,
        record = excluded.record`),
    upsertSeller: prepare(`
      INSERT INTO sellers (key, platform, name_folded, province, province_folded, score, flagged,
                           flagged_listings, first_seen_ms, last_seen_ms, status, case_version,
                           categories, signals, record)
      VALUES (@key, @platform, @nameFolded, @province, @provinceFolded, @score, @flagged,
              @flaggedListings, @firstSeenMs, @lastSeenMs, @status, 0, @categories, @signals, @record)
      ON CONFLICT (key) DO UPDATE SET
        platform = excluded.platform, name_folded = excluded.name_folded, province = excluded.province,
        province_folded = excluded.province_folded, score = excluded.score, flagged = excluded.flagged,
        flagged_listings = excluded.flagged_listings, first_seen_ms = excluded.first_seen_ms,
        last_seen_ms = excluded.last_seen_ms, categories = excluded.categories,
        signals = excluded.signals, record = excluded.record
      RETURNING id`),
    markDirty: prepare('INSERT OR IGNORE INTO dirty_sellers (seller_key) VALUES (?)'),
    anyDirty: prepare('SELECT 1 FROM dirty_sellers LIMIT 1'),
    dirtySellers: prepare(
      'SELECT s.key AS key, s.id AS id, s.name_folded AS name_folded FROM dirty_sellers d JOIN sellers s ON s.key = d.seller_key',
    ),
    clearDirty: prepare('DELETE FROM dirty_sellers'),
    sellerByKey: prepare('SELECT key, status, case_version, record FROM sellers WHERE key = ?'),
    deleteCategories: prepare('DELETE FROM seller_categories WHERE seller_id = ?'),
    insertCategory: prepare(`
      INSERT INTO seller_categories (category, seller_id, platform, province, province_folded, flagged, score,
                                     flagged_listings)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    deleteSignals: prepare('DELETE FROM seller_signals WHERE seller_id = ?'),
    insertSignal: prepare('INSERT INTO seller_signals (signal, seller_id) VALUES (?, ?)'),
    titlesOfSeller: prepare('SELECT title_folded FROM items WHERE seller_key = ?'),
    deleteText: prepare('DELETE FROM seller_text WHERE rowid = ?'),
    insertText: prepare('INSERT INTO seller_text (rowid, body) VALUES (?, ?)'),
    itemsOfSeller: prepare('SELECT record FROM items WHERE seller_key = ? ORDER BY score DESC, key LIMIT ?'),
    eventsOfSeller: prepare(
      'SELECT seller_key, at, actor, from_status, to_status, reason FROM case_events WHERE seller_key = ? ORDER BY id',
    ),
    caseOf: prepare('SELECT status, case_version FROM sellers WHERE key = ?'),
    setStatus: prepare(
      'UPDATE sellers SET status = ?, case_version = case_version + 1 WHERE key = ? AND case_version = ?',
    ),
    insertEvent: prepare(
      'INSERT INTO case_events (seller_key, at, actor, from_status, to_status, reason) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  };
}
