import type { Redis } from 'ioredis';
import type { SellerRisk } from '../../records/seller-risk.js';
import { sellerKey } from '../../records/seller-risk.js';
import { foldSeller } from '../fold-seller.js';
import type { LedgerEntry, RecordLedger } from '../ledger.js';
import type { SellerMembership, SellerStateStore, StoredSeller } from '../seller-state.js';
import type { ConnectionPool } from './redis-connection.js';

/** Keys of the distributed pipeline's state, under the queue prefix. */
export function pipelineKeys(prefix: string) {
  return {
    ledger: `${prefix}:pipeline:ledger`,
    seller: (key: string) => `${prefix}:pipeline:seller:${key}`,
    members: (key: string) => `${prefix}:pipeline:members:${key}`,
    stats: `${prefix}:pipeline:stats`,
    dropped: `${prefix}:pipeline:dropped`,
  };
}

/** The processed-record ledger as one Redis hash: record id → content hash. */
export class RedisLedger implements RecordLedger {
  private readonly key: string;
  constructor(
    private readonly redis: Redis,
    prefix: string,
  ) {
    this.key = pipelineKeys(prefix).ledger;
  }

  async unprocessed<T extends LedgerEntry>(records: readonly T[]): Promise<T[]> {
    if (records.length === 0) return [];
    const hashes = await this.redis.hmget(this.key, ...records.map((record) => record.id));
    return records.filter((record, position) => hashes[position] !== record.hash);
  }

  async markProcessed(records: readonly LedgerEntry[]): Promise<void> {
    if (records.length === 0) return;
    await this.redis.hset(this.key, Object.fromEntries(records.map((record) => [record.id, record.hash])));
  }

  size(): Promise<number> {
    return this.redis.hlen(this.key);
  }
}

interface StoredState extends StoredSeller {
  listings: number;
  flagged: number;
}

/** Tries of one merge when another worker changed the same sellers meanwhile. */
const MAX_MERGE_TRIES = 100;

/**
 * Seller state in Redis: per seller its running SellerRisk and a hash of its record ids
 * (→ flagged), so counts are exact under replays. A merge is one optimistic transaction
 * (WATCH the batch's sellers, read, fold, MULTI/EXEC), retried when another worker touched
 * one of them first. A record that moves to another seller is counted by its new seller only
 * (the old seller's count is not lowered in this mode).
 */
export class RedisSellerState implements SellerStateStore {
  private readonly keys: ReturnType<typeof pipelineKeys>;

  constructor(
    private readonly redis: Redis,
    private readonly pool: ConnectionPool,
    prefix: string,
  ) {
    this.keys = pipelineKeys(prefix);
  }

  merge(batch: readonly SellerRisk[], members: readonly SellerMembership[]): Promise<SellerRisk[]> {
    const bySeller = new Map<string, SellerMembership[]>();
    for (const member of members) {
      const list = bySeller.get(member.sellerKey) ?? [];
      list.push(member);
      bySeller.set(member.sellerKey, list);
    }
    const sellerKeys = batch.map((seller) => sellerKey(seller));
    const watched = sellerKeys.flatMap((key) => [this.keys.seller(key), this.keys.members(key)]);
    return this.pool.use(async (redis) => {
      try {
        return await this.mergeWatched(redis, batch, sellerKeys, watched, bySeller);
      } catch (error) {
        // Leave no WATCH behind on a connection that goes back to the pool.
        await redis.unwatch().catch(() => undefined);
        throw error;
      }
    });
  }

  private async mergeWatched(
    redis: Redis,
    batch: readonly SellerRisk[],
    sellerKeys: readonly string[],
    watched: readonly string[],
    bySeller: ReadonlyMap<string, SellerMembership[]>,
  ): Promise<SellerRisk[]> {
    for (let tries = 0; tries < MAX_MERGE_TRIES; tries++) {
      await redis.watch(...watched);
      const read = redis.pipeline();
      for (const key of sellerKeys) {
        read.get(this.keys.seller(key));
        const ids = (bySeller.get(key) ?? []).map((member) => member.recordId);
        if (ids.length > 0) read.hmget(this.keys.members(key), ...ids);
      }
      const replies = ((await read.exec()) ?? []).map(([error, value]) => {
        if (error !== null) throw error;
        return value;
      });
      const write = redis.multi();
      const out: SellerRisk[] = [];
      let reply = 0;
      batch.forEach((seller, position) => {
        const key = sellerKeys[position]!;
        const raw = replies[reply++] as string | null;
        const previous = raw === null ? undefined : (JSON.parse(raw) as StoredState);
        const counts = { listings: previous?.listings ?? 0, flagged: previous?.flagged ?? 0 };
        const sellerMembers = bySeller.get(key) ?? [];
        const before = sellerMembers.length > 0 ? (replies[reply++] as (string | null)[]) : [];
        const memberWrites: Record<string, string> = {};
        sellerMembers.forEach((member, index) => {
          const was = before[index];
          const now = member.flagged ? 1 : 0;
          if (was === null || was === undefined) {
            counts.listings++;
            counts.flagged += now;
          } else if (Number(was) !== now) {
            counts.flagged += now - Number(was);
          } else return;
          memberWrites[member.recordId] = String(now);
        });
        const next = foldSeller(previous, seller, counts);
        const stored: StoredState = { ...next, listings: counts.listings, flagged: counts.flagged };
        write.set(this.keys.seller(key), JSON.stringify(stored));
        if (Object.keys(memberWrites).length > 0) write.hset(this.keys.members(key), memberWrites);
        out.push(next.risk);
      });
      const committed = await write.exec();
      if (committed !== null) return out;
    }
    throw new Error(`seller state: gave up after ${MAX_MERGE_TRIES} conflicting merges`);
  }

  async get(keys: readonly string[]): Promise<SellerRisk[]> {
    if (keys.length === 0) return [];
    const raws = await this.redis.mget(...keys.map((key) => this.keys.seller(key)));
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => (JSON.parse(raw) as StoredState).risk);
  }
}
