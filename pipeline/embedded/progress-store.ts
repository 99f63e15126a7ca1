import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import type { SellerRisk } from '../../records/seller-risk.js';
import { sellerKey } from '../../records/seller-risk.js';
import { foldSeller } from '../fold-seller.js';
import type { LedgerEntry, RecordLedger } from '../ledger.js';
import type { SellerMembership, SellerStateStore, StoredSeller } from '../seller-state.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS processed (id TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS seller_state (
    key TEXT PRIMARY KEY, strongest INTEGER NOT NULL, listings INTEGER NOT NULL,
    flagged INTEGER NOT NULL, risk TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS seller_records (
    record_id TEXT PRIMARY KEY, seller_key TEXT NOT NULL, flagged INTEGER NOT NULL) WITHOUT ROWID;
`;

interface StateRow {
  strongest: number;
  listings: number;
  flagged: number;
  risk: string;
}

/**
 * The embedded pipeline's durable progress: one SQLite file under the data dir holding the
 * processed-record ledger (id → content hash), every seller's running state and which
 * records count towards which seller. Each call is one transaction, so `kill -9` leaves
 * either all of a call or none of it.
 */
export class ProgressStore implements RecordLedger, SellerStateStore {
  private readonly db: Database;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a committed batch survives a power cut, not only a killed process.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    this.statements = prepare(this.db);
  }

  unprocessed<T extends LedgerEntry>(records: readonly T[]): Promise<T[]> {
    const { hashOf } = this.statements;
    return Promise.resolve(
      records.filter(
        (record) => (hashOf.get(record.id) as { hash: string } | undefined)?.hash !== record.hash,
      ),
    );
  }

  markProcessed(records: readonly LedgerEntry[]): Promise<void> {
    const { mark } = this.statements;
    this.db.transaction(() => {
      for (const record of records) mark.run(record.id, record.hash);
    })();
    return Promise.resolve();
  }

  size(): Promise<number> {
    return Promise.resolve((this.statements.count.get() as { n: number }).n);
  }

  merge(batch: readonly SellerRisk[], members: readonly SellerMembership[]): Promise<SellerRisk[]> {
    const s = this.statements;
    const merged = this.db.transaction((): SellerRisk[] => {
      const counts = new Map<string, { listings: number; flagged: number }>();
      const countsOf = (key: string) => {
        let current = counts.get(key);
        if (current === undefined) {
          const row = s.stateOf.get(key) as StateRow | undefined;
          current = { listings: row?.listings ?? 0, flagged: row?.flagged ?? 0 };
          counts.set(key, current);
        }
        return current;
      };
      for (const member of members) {
        const before = s.membership.get(member.recordId) as
          { seller_key: string; flagged: number } | undefined;
        const flagged = member.flagged ? 1 : 0;
        if (before !== undefined && before.seller_key === member.sellerKey && before.flagged === flagged)
          continue;
        if (before !== undefined) {
          const old = countsOf(before.seller_key);
          old.listings--;
          old.flagged -= before.flagged;
        }
        const now = countsOf(member.sellerKey);
        now.listings++;
        now.flagged += flagged;
        s.setMembership.run(member.recordId, member.sellerKey, flagged);
      }
      const out: SellerRisk[] = [];
      for (const seller of batch) {
        const key = sellerKey(seller);
        const row = s.stateOf.get(key) as StateRow | undefined;
        const previous: StoredSeller | undefined =
          row === undefined
            ? undefined
            : { strongest: row.strongest, risk: JSON.parse(row.risk) as SellerRisk };
        const next = foldSeller(previous, seller, countsOf(key));
        s.setState.run(
          key,
          next.strongest,
          next.risk.listingCount,
          next.risk.flaggedListingCount,
          JSON.stringify(next.risk),
        );
        out.push(next.risk);
      }
      // Sellers a record moved away from keep their new counts even when not in this batch.
      for (const [key, count] of counts) s.setCounts.run(count.listings, count.flagged, key);
      return out;
    })();
    return Promise.resolve(merged);
  }

  get(keys: readonly string[]): Promise<SellerRisk[]> {
    const found: SellerRisk[] = [];
    for (const key of keys) {
      const row = this.statements.stateOf.get(key) as StateRow | undefined;
      if (row !== undefined) found.push(JSON.parse(row.risk) as SellerRisk);
    }
    return Promise.resolve(found);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database) {
  const statement = (sql: string): Statement => db.prepare(sql);
  return {
    hashOf: statement('SELECT hash FROM processed WHERE id = ?'),
    mark: statement(
      'INSERT INTO processed (id, hash) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET hash = excluded.hash',
    ),
    count: statement('SELECT COUNT(*) AS n FROM processed'),
    stateOf: statement('SELECT strongest, listings, flagged, risk FROM seller_state WHERE key = ?'),
    setState: statement(`
      INSERT INTO seller_state (key, strongest, listings, flagged, risk) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET strongest = excluded.strongest, listings = excluded.listings,
        flagged = excluded.flagged, risk = excluded.risk`),
    setCounts: statement('UPDATE seller_state SET listings = ?, flagged = ? WHERE key = ?'),
    membership: statement('SELECT seller_key, flagged FROM seller_records WHERE record_id = ?'),
    setMembership: statement(`
      INSERT INTO seller_records (record_id, seller_key, flagged) VALUES (?, ?, ?)
      ON CONFLICT (record_id) DO UPDATE SET seller_key = excluded.seller_key, flagged = excluded.flagged`),
  };
}
