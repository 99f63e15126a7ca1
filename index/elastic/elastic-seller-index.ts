import { Client, errors } from '@elastic/elasticsearch';
import { CaseStatusSchema, sellerKey, type SellerRisk } from '../../records/index.js';
import { assertTransition, parseCaseStatusChange } from '../case-status.js';
import { encodeCursor } from '../cursor.js';
import { ConflictError, NotFoundError, StoreError } from '../errors.js';
import { itemRejection, sellerRejection } from '../record-checks.js';
import { sellerDetail } from '../seller-detail.js';
import { parseAggregateFilter, parseDayRange, parseSellerQuery, parseSellerScan } from '../seller-query.js';
import type {
  AggregateFilter,
  CaseEvent,
  CaseState,
  CaseStatusChange,
  DailyCount,
  DailyCountQuery,
  DroppedDocument,
  Facets,
  Hotspot,
  IndexedItem,
  ScanOptions,
  ScanPage,
  ScoredItem,
  SearchResult,
  SellerDetail,
  SellerFilter,
  SellerHit,
  SellerIndex,
  SellerQuery,
  UpsertResult,
} from '../seller-index.js';
import { ensureVersionedIndex } from './aliases.js';
import { bulkWrite, DEFAULT_BULK_OPTIONS, type BulkAction, type BulkOptions } from './bulk-writer.js';
import {
  itemDoc,
  sellerProfile,
  SELLER_SCRIPT,
  TITLE_SCRIPT,
  type CaseEventDoc,
  type ItemDoc,
  type SellerDoc,
} from './documents.js';
import {
  buckets,
  dailyCountsRequest,
  facetCounts,
  hotspotsRequest,
  metricValue,
  provinceDisplay,
  sellerScanRequest,
  sellerSearchRequest,
} from './es-query.js';
import { INDEX_KINDS, indexNames, type IndexKind } from './mappings.js';

export interface ElasticSellerIndexOptions {
  /** A client to use; the index never closes it. */
  client?: Client;
  /** Where to connect when no client is given. */
  node?: string;
  /** Index and alias names start with this (a random one per test keeps tests apart). */
  prefix?: string;
  timeZone?: string;
  bulk?: Partial<BulkOptions>;
  /** How many dead letters to keep in memory for `deadLetters()` (the newest). */
  deadLetterLimit?: number;
}

const CASE_RETRIES = 3;

/** The deployment store: sellers, items and case events in Elasticsearch, behind aliases. */
export class ElasticSellerIndex implements SellerIndex {
  readonly client: Client;
  private readonly ownsClient: boolean;
  private readonly prefix: string;
  private readonly timeZone: string;
  private readonly bulkOptions: BulkOptions;
  private readonly deadLetterLimit: number;
  private readonly dead: DroppedDocument[] = [];
  private ready: Promise<void> | undefined;

  constructor(options: ElasticSellerIndexOptions) {
    if (options.client !== undefined) {
      this.client = options.client;
      this.ownsClient = false;
    } else {
      if (options.node === undefined) throw new Error('ElasticSellerIndex needs a client or a node URL');
      this.client = new Client({ node: options.node });
      this.ownsClient = true;
    }
    this.prefix = options.prefix ?? 'ecomwatch';
    this.timeZone = options.timeZone ?? 'Asia/Ho_Chi_Minh';
    this.bulkOptions = { ...DEFAULT_BULK_OPTIONS, ...options.bulk };
    this.deadLetterLimit = options.deadLetterLimit ?? 10_000;
  }

  /** The alias of one of the three indices. */
  alias(kind: IndexKind): string {
    return indexNames(this.prefix, kind).alias;
  }

  /** Templates, versioned indices and aliases; a mapping change rebuilds and swaps. Runs once. */
  open(): Promise<void> {
    this.ready ??= (async () => {
      for (const kind of INDEX_KINDS) await ensureVersionedIndex(this.client, this.prefix, kind);
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Documents the cluster refused in this process's writes, newest last (also returned per call). */
  deadLetters(): readonly DroppedDocument[] {
    return this.dead;
  }

  async upsertItems(items: readonly ScoredItem[]): Promise<UpsertResult> {
    await this.open();
    const rejected: DroppedDocument[] = [];
    const actions: BulkAction[] = [];
    const itemsAlias = this.alias('items');
    const sellersAlias = this.alias('sellers');
    for (const item of items) {
      const rejection = itemRejection(item);
      if (rejection !== undefined) {
        rejected.push(rejection);
        continue;
      }
      const doc = itemDoc(item, this.timeZone);
      actions.push({ kind: 'item', action: [{ index: { _index: itemsAlias, _id: doc.key } }, doc] });
      const stub: SellerDoc = {
        key: doc.sellerKey,
        platform: doc.platform,
        sellerId: doc.sellerKey.slice(doc.platform.length + 1),
        hasProfile: false,
        titleKeys: [doc.key],
        titlesFolded: [doc.titleFolded],
      };
      actions.push({
        kind: 'seller',
        action: [
          { update: { _index: sellersAlias, _id: doc.sellerKey, retry_on_conflict: 5 } },
          {
            script: { source: TITLE_SCRIPT, lang: 'painless', params: { k: doc.key, t: doc.titleFolded } },
            upsert: stub,
          },
        ],
      });
    }
    const { dropped } = await bulkWrite(this.client, actions, this.bulkOptions, [itemsAlias, sellersAlias]);
    return this.result(actions.filter((entry) => entry.kind === 'item').length, rejected, dropped, 'item');
  }

  async upsertSellers(sellers: readonly SellerRisk[]): Promise<UpsertResult> {
    await this.open();
    const rejected: DroppedDocument[] = [];
    const actions: BulkAction[] = [];
    const sellersAlias = this.alias('sellers');
    for (const seller of sellers) {
      const rejection = sellerRejection(seller);
      if (rejection !== undefined) {
        rejected.push(rejection);
        continue;
      }
      const profile = sellerProfile(seller);
      const created: SellerDoc = {
        ...profile,
        status: seller.status,
        caseVersion: 0,
        titleKeys: [],
        titlesFolded: [],
      };
      actions.push({
        kind: 'seller',
        action: [
          { update: { _index: sellersAlias, _id: profile.key, retry_on_conflict: 5 } },
          {
            script: {
              source: SELLER_SCRIPT,
              lang: 'painless',
              params: { doc: profile, status: seller.status },
            },
            upsert: created,
          },
        ],
      });
    }
    const { dropped } = await bulkWrite(this.client, actions, this.bulkOptions, [sellersAlias]);
    return this.result(actions.length, rejected, dropped, 'seller');
  }

  async search(input: SellerQuery): Promise<SearchResult> {
    const query = parseSellerQuery(input);
    await this.open();
    const response = await this.call(() =>
      this.client.search<SellerDoc>(sellerSearchRequest(query, this.alias('sellers'))),
    );
    const hits = response.hits.hits;
    const page = hits.slice(0, query.limit);
    const total =
      typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const aggs = response.aggregations ?? {};
    const facets: Facets = {
      platform: facetCounts(aggs.platform),
      category: facetCounts(aggs.category),
      signal: facetCounts(aggs.signal),
      province: facetCounts(aggs.province, provinceDisplay),
      status: facetCounts(aggs.status),
    };
    const result: SearchResult = { total, sellers: page.map((hit) => sellerFromDoc(hit._source)), facets };
    const last = page[page.length - 1];
    if (hits.length > query.limit && last?.sort !== undefined) {
      const [value, key] = last.sort;
      if ((typeof value === 'number' || typeof value === 'string') && typeof key === 'string') {
        result.nextCursor = encodeCursor(query.fingerprint, { value, key });
      }
    }
    return result;
  }

  async scanSellers(filter: SellerFilter, options: ScanOptions = {}): Promise<ScanPage> {
    const scan = parseSellerScan(filter, options);
    await this.open();
    const response = await this.call(() =>
      this.client.search<SellerDoc>(
        sellerScanRequest(scan.query, scan.afterKey, scan.limit, this.alias('sellers')),
      ),
    );
    const hits = response.hits.hits;
    const sellers = hits.slice(0, scan.limit).map((hit) => sellerFromDoc(hit._source));
    const page: ScanPage = { sellers };
    const last = sellers[sellers.length - 1];
    if (hits.length > scan.limit && last !== undefined) page.nextKey = last.key;
    return page;
  }

  async getSeller(key: string, options: { itemLimit?: number } = {}): Promise<SellerDetail> {
    await this.open();
    const doc = await this.getSellerDoc(key);
    if (doc === undefined || !doc.source.hasProfile) throw new NotFoundError(key);
    const limit = Math.max(1, Math.min(options.itemLimit ?? 500, 5000));
    const [items, events] = await Promise.all([
      this.call(() =>
        this.client.search<ItemDoc>({
          index: this.alias('items'),
          query: { term: { sellerKey: key } },
          sort: [{ score: { order: 'desc' } }, { key: { order: 'asc' } }],
          size: limit,
        }),
      ),
      this.call(() =>
        this.client.search<CaseEventDoc>({
          index: this.alias('case-events'),
          query: { term: { sellerKey: key } },
          sort: [{ recordedAt: { order: 'asc' } }],
          size: 10_000,
        }),
      ),
    ]);
    return sellerDetail(
      sellerFromDoc(doc.source),
      items.hits.hits.flatMap((hit) => (hit._source === undefined ? [] : [itemFromDoc(hit._source)])),
      events.hits.hits.flatMap((hit) => (hit._source === undefined ? [] : [eventFromDoc(hit._source)])),
    );
  }

  async setCaseStatus(input: CaseStatusChange): Promise<CaseState> {
    const change = parseCaseStatusChange(input);
    await this.open();
    for (let attempt = 0; ; attempt++) {
      const doc = await this.getSellerDoc(change.sellerKey);
      if (doc === undefined || !doc.source.hasProfile) throw new NotFoundError(change.sellerKey);
      const status = CaseStatusSchema.parse(doc.source.status);
      const caseVersion = doc.source.caseVersion ?? 0;
      if (status !== change.expectedStatus || caseVersion !== change.expectedVersion) {
        throw new ConflictError(
          `the case of ${change.sellerKey} changed since it was read: it is now "${status}" (version ${caseVersion}), not "${change.expectedStatus}" (version ${change.expectedVersion})`,
          { status, caseVersion },
        );
      }
      assertTransition(status, change.to);
      try {
        // Optimistic concurrency: the write lands only on the document version we just read.
        await this.client.update({
          index: doc.index,
          id: change.sellerKey,
          if_seq_no: doc.seqNo,
          if_primary_term: doc.primaryTerm,
          doc: { status: change.to, caseVersion: caseVersion + 1 },
          refresh: this.bulkOptions.refresh,
        });
      } catch (error) {
        // A 409 means the document moved: a crawl update (retry) or another analyst (the
        // re-read above then reports the conflict).
        if (error instanceof errors.ResponseError && error.statusCode === 409 && attempt < CASE_RETRIES)
          continue;
        if (error instanceof errors.ResponseError && error.statusCode === 409) {
          throw new ConflictError(`the case of ${change.sellerKey} kept changing while it was being updated`);
        }
        throw this.storeError(error);
      }
      const event: CaseEventDoc = {
        sellerKey: change.sellerKey,
        at: change.at,
        recordedAt: new Date().toISOString(),
        by: change.by,
        from: status,
        to: change.to,
        reason: change.reason,
      };
      await this.call(() =>
        this.client.index({
          index: this.alias('case-events'),
          document: event,
          op_type: 'create',
          refresh: this.bulkOptions.refresh,
        }),
      );
      return { status: change.to, caseVersion: caseVersion + 1 };
    }
  }

  async hotspots(input: AggregateFilter = {}): Promise<Hotspot[]> {
    const filter = parseAggregateFilter(input);
    await this.open();
    const response = await this.call(() =>
      this.client.search(hotspotsRequest(filter, this.alias('sellers'))),
    );
    const spots: Hotspot[] = [];
    for (const provinceBucket of buckets(response.aggregations?.province)) {
      const province = provinceDisplay(provinceBucket);
      for (const category of buckets(provinceBucket.category)) {
        spots.push({
          province,
          category: category.key,
          sellers: category.doc_count,
          flaggedListings: metricValue(category.flaggedListings),
          meanScore: Math.round(metricValue(category.meanScore) * 10) / 10,
        });
      }
    }
    return spots.sort(
      (a, b) =>
        b.sellers - a.sellers ||
        b.flaggedListings - a.flaggedListings ||
        compare(a.province, b.province) ||
        compare(a.category, b.category),
    );
  }

  async dailyCounts(query: DailyCountQuery): Promise<DailyCount[]> {
    const { from, to } = parseDayRange(query.from, query.to);
    const { from: _from, to: _to, ...rest } = query;
    const filter = parseAggregateFilter(rest);
    await this.open();
    const response = await this.call(() =>
      this.client.search(dailyCountsRequest(filter, from, to, this.alias('items'))),
    );
    const counts: DailyCount[] = [];
    for (const day of buckets(response.aggregations?.day)) {
      for (const provinceBucket of buckets(day.province)) {
        const province = provinceDisplay(provinceBucket);
        for (const category of buckets(provinceBucket.category)) {
          counts.push({
            day: day.key,
            province,
            category: category.key,
            flaggedItems: category.doc_count,
            sellers: metricValue(category.sellers),
          });
        }
      }
    }
    return counts.sort(
      (a, b) => compare(a.day, b.day) || compare(a.province, b.province) || compare(a.category, b.category),
    );
  }

  async refresh(): Promise<void> {
    await this.open();
    await this.call(() =>
      this.client.indices.refresh({ index: INDEX_KINDS.map((kind) => this.alias(kind)) }),
    );
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  private async getSellerDoc(
    key: string,
  ): Promise<{ source: SellerDoc; index: string; seqNo: number; primaryTerm: number } | undefined> {
    try {
      const response = await this.client.get<SellerDoc>({ index: this.alias('sellers'), id: key });
      if (
        response._source === undefined ||
        response._seq_no === undefined ||
        response._primary_term === undefined
      ) {
        return undefined;
      }
      return {
        source: response._source,
        index: response._index,
        seqNo: response._seq_no,
        primaryTerm: response._primary_term,
      };
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 404) return undefined;
      throw this.storeError(error);
    }
  }

  private result(
    attempted: number,
    rejected: DroppedDocument[],
    dropped: DroppedDocument[],
    kind: 'item' | 'seller',
  ): UpsertResult {
    const all = [...rejected, ...dropped];
    for (const entry of all) this.dead.push(entry);
    if (this.dead.length > this.deadLetterLimit) this.dead.splice(0, this.dead.length - this.deadLetterLimit);
    const failedIds = new Set(dropped.filter((entry) => entry.kind === kind).map((entry) => entry.id));
    return { upserted: attempted - failedIds.size, dropped: all };
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private storeError(error: unknown): Error {
    if (error instanceof errors.ResponseError) {
      const status = error.statusCode ?? 0;
      return new StoreError(`Elasticsearch answered ${status}: ${error.message}`, {
        cause: error,
        retryable: status === 429 || status === 503,
      });
    }
    if (error instanceof errors.ElasticsearchClientError) {
      return new StoreError(`Elasticsearch is not reachable: ${error.message}`, { cause: error });
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

function sellerFromDoc(doc: SellerDoc | undefined): SellerHit {
  if (doc?.record === undefined) throw new StoreError('a seller document without its record');
  return {
    ...doc.record,
    status: CaseStatusSchema.parse(doc.status),
    key: sellerKey(doc.record),
    caseVersion: doc.caseVersion ?? 0,
  };
}

function itemFromDoc(doc: ItemDoc): IndexedItem {
  const item: IndexedItem = {
    key: doc.key,
    kind: doc.kind === 'livestream' ? 'livestream' : 'listing',
    platform: doc.record.platform,
    itemId: doc.itemId,
    sellerKey: doc.sellerKey,
    title: doc.title,
    url: doc.record.url,
    capturedAt: doc.capturedAt,
    score: doc.score,
    flagged: doc.flagged,
    categories: doc.record.risk.categories,
    signals: doc.record.risk.signals,
    reasons: doc.record.risk.reasons,
    record: doc.record,
  };
  if (doc.record.evidence !== undefined) item.evidence = doc.record.evidence;
  return item;
}

function eventFromDoc(doc: CaseEventDoc): CaseEvent {
  return { sellerKey: doc.sellerKey, at: doc.at, by: doc.by, from: doc.from, to: doc.to, reason: doc.reason };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
