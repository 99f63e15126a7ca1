import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidQueryError, NotFoundError, StoreError } from '../errors.js';
import { listing, risk, seller } from '../contract/fixtures.js';
import { rebuildIndex } from './aliases.js';
import { ElasticSellerIndex } from './elastic-seller-index.js';
import { SELLER_SCRIPT, TITLE_SCRIPT } from './documents.js';
import {
  bulkReply,
  esError,
  mockElasticsearch,
  type MockReply,
  type SentRequest,
} from './mock-connection.js';

const PREFIX = 'test';

/** A cluster that acknowledges index management and answers what a test overrides. */
function cluster(override: (request: SentRequest) => MockReply | undefined = () => undefined) {
  return mockElasticsearch((request) => {
    const answer = override(request);
    if (answer !== undefined) return answer;
    if (request.path.startsWith('/_alias/')) return esError(404, 'aliases_not_found_exception', 'missing');
    if (request.path.endsWith('/_bulk')) return bulkReply(request.body);
    if (request.path.endsWith('/_refresh'))
      return { body: { _shards: { total: 1, successful: 1, failed: 0 } } };
    return { body: { acknowledged: true } };
  });
}

function makeIndex(client: ReturnType<typeof cluster>['client'], bulk = {}) {
  return new ElasticSellerIndex({ client, prefix: PREFIX, bulk: { waitMillis: 1, ...bulk } });
}

const bulkRequests = (sent: SentRequest[]) => sent.filter((request) => request.path === '/_bulk');
const lines = (request: SentRequest | undefined) => (request?.body ?? []) as Record<string, unknown>[];

function sellerSource(status = 'new', caseVersion = 0) {
  const record = seller('shopee', 's1', {
    name: 'Shop Điện Tử',
    province: 'Hà Nội',
    score: 90,
    categories: ['e_cigarettes'],
  });
  return {
    key: 'shopee:s1',
    platform: 'shopee',
    sellerId: 's1',
    hasProfile: true,
    status,
    caseVersion,
    record,
  };
}

describe('ElasticSellerIndex through a mock connection', () => {
  describe('index setup', () => {
    it('puts templates with the folding analyzer and keyword sub-fields, creates v1 and the alias', async () => {
      const { client, sent } = cluster();
      await makeIndex(client).open();
      const templates = sent.filter((request) => request.path.startsWith('/_index_template/'));
      expect(templates.map((request) => request.path)).toEqual([
        '/_index_template/test-sellers',
        '/_index_template/test-items',
        '/_index_template/test-case-events',
      ]);
      const sellers = templates[0]?.body as {
        index_patterns: string[];
        template: { settings: { analysis: unknown }; mappings: { properties: Record<string, unknown> } };
      };
      expect(sellers.index_patterns).toEqual(['test-sellers-v*']);
      expect(sellers.template.settings.analysis).toMatchObject({
        analyzer: { vi_fold: { tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] } },
        normalizer: { vi_fold_keyword: { filter: ['lowercase', 'asciifolding'] } },
      });
      expect(sellers.template.mappings.properties.name).toMatchObject({
        type: 'text',
        analyzer: 'vi_fold',
        fields: { keyword: { type: 'keyword' } },
      });
      expect(sellers.template.mappings.properties.titlesFolded).toEqual({
        type: 'text',
        analyzer: 'vi_fold',
      });
      expect(sellers.template.mappings.properties.categories).toEqual({ type: 'keyword' });
      expect(
        sent
          .filter((request) => request.method === 'PUT' && /^\/test-[a-z-]+-v1$/.test(request.path))
          .map((r) => r.path),
      ).toEqual(['/test-sellers-v1', '/test-items-v1', '/test-case-events-v1']);
      const aliases = sent.filter((request) => request.path === '/_aliases').map((request) => request.body);
      expect(aliases[0]).toEqual({
        actions: [{ add: { index: 'test-sellers-v1', alias: 'test-sellers', is_write_index: true } }],
      });
    });

    it('rebuilds and swaps when the alias points at an older version', async () => {
      const { client, sent } = cluster((request) => {
        if (request.path === '/_alias/test-sellers')
          return { body: { 'test-sellers-v0': { aliases: { 'test-sellers': {} } } } };
        if (request.path === '/_reindex') return { body: { total: 3, created: 3 } };
        return undefined;
      });
      await makeIndex(client).open();
      const reindex = sent.find((request) => request.path === '/_reindex');
      expect(reindex?.body).toMatchObject({
        source: { index: ['test-sellers-v0'] },
        dest: { index: 'test-sellers-v1' },
      });
      const swap = sent.find((request) => request.path === '/_aliases');
      expect(swap?.body).toEqual({
        actions: [
          { remove: { index: 'test-sellers-v0', alias: 'test-sellers' } },
          { add: { index: 'test-sellers-v1', alias: 'test-sellers', is_write_index: true } },
        ],
      });
      const order = sent.map((request) => `${request.method} ${request.path}`);
      expect(order.indexOf('DELETE /test-sellers-v0')).toBeGreaterThan(order.indexOf('POST /_aliases'));
    });

    it('rebuilds an index under a new version on demand and swaps the alias to it', async () => {
      const { client, sent } = cluster((request) => {
        if (request.path === '/_alias/test-items') return { body: { 'test-items-v1': { aliases: {} } } };
        if (request.path === '/_reindex') return { body: { total: 0 } };
        return undefined;
      });
      expect(await rebuildIndex(client, PREFIX, 'items', 2)).toBe('test-items-v2');
      const steps = sent.map((request) => `${request.method} ${request.path}`);
      expect(steps).toEqual([
        'GET /_alias/test-items',
        'PUT /_index_template/test-items',
        'PUT /test-items-v2',
        'POST /_reindex',
        'POST /_aliases',
        'DELETE /test-items-v1',
      ]);
      expect(sent.find((request) => request.path === '/_reindex')?.query.get('wait_for_completion')).toBe(
        'true',
      );
    });

    it('leaves a current alias alone', async () => {
      const { client, sent } = cluster((request) => {
        const kind = /^\/_alias\/test-(.+)$/.exec(request.path)?.[1];
        return kind === undefined ? undefined : { body: { [`test-${kind}-v1`]: { aliases: {} } } };
      });
      await makeIndex(client).open();
      expect(sent.some((request) => request.path === '/_aliases' || request.method === 'DELETE')).toBe(false);
    });
  });

  describe('bulk upserts', () => {
    it('indexes items on their stable id and adds the folded title to the seller by script', async () => {
      const { client, sent } = cluster();
      const index = makeIndex(client);
      const result = await index.upsertItems([
        listing('shopee', 'p1', 's1', 'Thuốc lá điện tử Đà Lạt', risk(90, ['e_cigarettes']), {
          province: 'Hà Nội',
        }),
      ]);
      expect(result).toEqual({ upserted: 1, dropped: [] });
      const body = lines(bulkRequests(sent)[0]);
      expect(body[0]).toEqual({ index: { _index: 'test-items', _id: 'shopee:p1' } });
      expect(body[1]).toMatchObject({
        key: 'shopee:p1',
        sellerKey: 'shopee:s1',
        titleFolded: 'thuoc la dien tu da lat',
        provinceFolded: 'ha noi',
        day: '2026-11-20',
        categories: ['e_cigarettes'],
      });
      expect(body[2]).toEqual({ update: { _index: 'test-sellers', _id: 'shopee:s1', retry_on_conflict: 5 } });
      expect(body[3]).toMatchObject({
        script: { source: TITLE_SCRIPT, params: { k: 'shopee:p1', t: 'thuoc la dien tu da lat' } },
        upsert: { key: 'shopee:s1', hasProfile: false, titleKeys: ['shopee:p1'] },
      });
      expect(body[3]).not.toHaveProperty('doc');
    });

    it('upserts sellers by script so a re-crawl never resets the case status', async () => {
      const { client, sent } = cluster();
      await makeIndex(client).upsertSellers([
        seller('shopee', 's1', {
          name: 'Shop Điện Tử',
          province: 'Hà Nội',
          score: 90,
          categories: ['e_cigarettes'],
        }),
      ]);
      const body = lines(bulkRequests(sent)[0]);
      expect(body[0]).toEqual({ update: { _index: 'test-sellers', _id: 'shopee:s1', retry_on_conflict: 5 } });
      const action = body[1] as {
        script: { source: string; params: { doc: Record<string, unknown> } };
        upsert: Record<string, unknown>;
      };
      expect(action.script.source).toBe(SELLER_SCRIPT);
      expect(action.script.params.doc).not.toHaveProperty('status');
      expect(action.script.params.doc).toMatchObject({
        nameFolded: 'shop dien tu',
        provinceFolded: 'ha noi',
        hasProfile: true,
      });
      expect(action.upsert).toMatchObject({ status: 'new', caseVersion: 0 });
    });

    it('records a partial bulk failure as dropped documents, and keeps them as dead letters', async () => {
      const { client } = cluster((request) =>
        request.path === '/_bulk'
          ? bulkReply(request.body, (meta) => (meta.id === 'shopee:p2' && meta.op === 'index' ? 400 : 200))
          : undefined,
      );
      const index = makeIndex(client);
      const result = await index.upsertItems([
        listing('shopee', 'p1', 's1', 'một', risk(10, [])),
        listing('shopee', 'p2', 's1', 'hai', risk(10, [])),
      ]);
      expect(result.upserted).toBe(1);
      expect(result.dropped).toEqual([
        {
          id: 'shopee:p2',
          kind: 'item',
          status: 400,
          error: 'mapper_parsing_exception: status 400 for shopee:p2',
        },
      ]);
      expect(index.deadLetters()).toEqual(result.dropped);
    });

    it('retries documents answered 429 and drops them, recorded, when retries run out', async () => {
      let bulkCalls = 0;
      const { client, sent } = cluster((request) => {
        if (request.path !== '/_bulk') return undefined;
        bulkCalls++;
        return bulkReply(request.body, () => (bulkCalls === 1 ? 429 : 200));
      });
      const result = await makeIndex(client).upsertItems([
        listing('shopee', 'p1', 's1', 'một', risk(10, [])),
      ]);
      expect(result).toEqual({ upserted: 1, dropped: [] });
      expect(bulkRequests(sent)).toHaveLength(2);

      const always = cluster((request) =>
        request.path === '/_bulk' ? bulkReply(request.body, () => 429) : undefined,
      );
      const throttled = await makeIndex(always.client, { retries: 2 }).upsertItems([
        listing('shopee', 'p1', 's1', 'một', risk(10, [])),
      ]);
      expect(bulkRequests(always.sent)).toHaveLength(3);
      expect(throttled.upserted).toBe(0);
      expect(throttled.dropped.map((drop) => [drop.id, drop.kind, drop.status])).toEqual([
        ['shopee:p1', 'item', 429],
        ['shopee:s1', 'seller', 429],
      ]);
    });

    it('sends the batch again when the whole bulk request is answered 429, then gives up with a retryable error', async () => {
      let calls = 0;
      const { client } = cluster((request) => {
        if (request.path !== '/_bulk') return undefined;
        calls++;
        return calls === 1 ? esError(429, 'es_rejected_execution_exception', 'queue full') : undefined;
      });
      expect(
        await makeIndex(client).upsertItems([listing('shopee', 'p1', 's1', 'một', risk(10, []))]),
      ).toEqual({
        upserted: 1,
        dropped: [],
      });
      expect(calls).toBe(2);

      const busy = cluster((request) =>
        request.path === '/_bulk' ? esError(429, 'es_rejected_execution_exception', 'queue full') : undefined,
      );
      const failure = makeIndex(busy.client, { retries: 1 }).upsertItems([
        listing('shopee', 'p1', 's1', 'một', risk(10, [])),
      ]);
      await expect(failure).rejects.toThrow(StoreError);
      await expect(failure).rejects.toMatchObject({ retryable: true });
    });

    it('refuses records without a risk before sending anything for them', async () => {
      const { client, sent } = cluster();
      const broken = {
        ...listing('shopee', 'x', 's1', 'x', risk(1, [])),
        risk: undefined,
      } as unknown as Parameters<ElasticSellerIndex['upsertItems']>[0][number];
      const result = await makeIndex(client).upsertItems([broken]);
      expect(result.dropped).toMatchObject([{ id: 'shopee:x', status: 400 }]);
      expect(bulkRequests(sent)).toHaveLength(0);
    });
  });

  describe('search', () => {
    const hit = (sort: [number, string]) => ({
      _index: 'test-sellers-v1',
      _id: sort[1],
      _source: sellerSource(),
      sort,
    });

    it('sends folded text, filters, sort, search_after and facet aggregations', async () => {
      const { client, sent } = cluster((request) =>
        request.path === '/test-sellers/_search'
          ? {
              body: {
                hits: {
                  total: { value: 3, relation: 'eq' },
                  hits: [hit([90, 'shopee:s1']), hit([80, 'shopee:s2'])],
                },
                aggregations: {
                  platform: { buckets: [{ key: 'shopee', doc_count: 3 }] },
                  category: { buckets: [{ key: 'e_cigarettes', doc_count: 3 }] },
                  signal: { buckets: [] },
                  status: { buckets: [{ key: 'new', doc_count: 3 }] },
                  province: {
                    buckets: [
                      {
                        key: 'ha noi',
                        doc_count: 3,
                        display: { buckets: [{ key: 'Hà Nội', doc_count: 3 }] },
                      },
                    ],
                  },
                },
              },
            }
          : undefined,
      );
      const index = makeIndex(client);
      const result = await index.search({
        text: 'Thuốc lá ĐIỆN TỬ',
        platform: ['shopee'],
        province: ['Ha Noi'],
        limit: 1,
      });
      const search = sent.find((request) => request.path === '/test-sellers/_search');
      const body = search?.body as Record<string, unknown>;
      expect(body.query).toEqual({
        bool: {
          filter: [
            { term: { hasProfile: true } },
            { terms: { platform: ['shopee'] } },
            { terms: { provinceFolded: ['ha noi'] } },
          ],
          must: [
            {
              multi_match: {
                query: 'thuoc la dien tu',
                fields: ['nameFolded', 'titlesFolded'],
                type: 'cross_fields',
                operator: 'and',
              },
            },
          ],
        },
      });
      expect(body.sort).toEqual([{ score: { order: 'desc' } }, { key: { order: 'asc' } }]);
      expect(body.size).toBe(2);
      expect(body.track_total_hits).toBe(true);
      expect(Object.keys(body.aggs as object).sort()).toEqual([
        'category',
        'platform',
        'province',
        'signal',
        'status',
      ]);
      expect(result.total).toBe(3);
      expect(result.sellers.map((seller) => seller.key)).toEqual(['shopee:s1']);
      expect(result.facets.province).toEqual([{ value: 'Hà Nội', count: 3 }]);
      expect(result.nextCursor).toBeDefined();

      await index.search({
        text: 'thuoc la dien tu',
        platform: ['shopee'],
        province: ['Hà Nội'],
        limit: 1,
        cursor: result.nextCursor ?? '',
      });
      const second = sent.filter((request) => request.path === '/test-sellers/_search')[1]?.body as Record<
        string,
        unknown
      >;
      expect(second.search_after).toEqual([90, 'shopee:s1']);
    });

    it('refuses a malformed query before sending it', async () => {
      const { client, sent } = cluster();
      await expect(makeIndex(client).search({ platform: ['ebay'] })).rejects.toThrow(InvalidQueryError);
      expect(sent).toHaveLength(0);
    });

    it('turns a cluster error into a StoreError, 429 marked retryable', async () => {
      const { client } = cluster((request) =>
        request.path.endsWith('/_search')
          ? esError(429, 'es_rejected_execution_exception', 'search queue full')
          : undefined,
      );
      await expect(makeIndex(client).search({})).rejects.toMatchObject({
        name: 'StoreError',
        retryable: true,
      });
    });
  });

  describe('scanSellers', () => {
    const scanHit = (sellerId: string) => {
      const source = sellerSource();
      const key = `shopee:${sellerId}`;
      return {
        _index: 'test-sellers-v1',
        _id: key,
        _source: { ...source, key, sellerId, record: { ...source.record, sellerId } },
        sort: [key],
      };
    };

    it('pages with search_after on the key, without total or aggregations', async () => {
      const { client, sent } = cluster((request) => {
        if (request.path !== '/test-sellers/_search') return undefined;
        const after = (request.body as { search_after?: string[] }).search_after;
        const hits = after === undefined ? [scanHit('a'), scanHit('b'), scanHit('c')] : [scanHit('c')];
        return { body: { hits: { hits } } };
      });
      const index = makeIndex(client);
      const first = await index.scanSellers({ flagged: true, platform: ['shopee'] }, { limit: 2 });
      expect(first.sellers.map((seller) => seller.key)).toEqual(['shopee:a', 'shopee:b']);
      expect(first.nextKey).toBe('shopee:b');
      const second = await index.scanSellers(
        { flagged: true, platform: ['shopee'] },
        { limit: 2, afterKey: first.nextKey ?? '' },
      );
      expect(second).toEqual({ sellers: [expect.objectContaining({ key: 'shopee:c', status: 'new' })] });

      const bodies = sent
        .filter((request) => request.path === '/test-sellers/_search')
        .map((request) => request.body as Record<string, unknown>);
      expect(bodies).toHaveLength(2);
      expect(bodies[0]).toEqual({
        query: {
          bool: {
            filter: [
              { term: { hasProfile: true } },
              { terms: { platform: ['shopee'] } },
              { term: { flagged: true } },
            ],
            must: [],
          },
        },
        sort: [{ key: { order: 'asc' } }],
        size: 3,
        track_total_hits: false,
        _source: { excludes: ['titleKeys', 'titlesFolded'] },
      });
      expect(bodies[1]?.search_after).toEqual(['shopee:b']);
      expect(bodies[1]).not.toHaveProperty('aggs');
    });

    it('defaults to pages of 500 and refuses paging inside the filter before sending anything', async () => {
      const { client, sent } = cluster((request) =>
        request.path === '/test-sellers/_search' ? { body: { hits: { hits: [] } } } : undefined,
      );
      const index = makeIndex(client);
      expect(await index.scanSellers({})).toEqual({ sellers: [] });
      const search = sent.find((request) => request.path === '/test-sellers/_search');
      expect((search?.body as { size: number }).size).toBe(501);
      const before = sent.length;
      await expect(index.scanSellers({ sort: 'score' } as never)).rejects.toThrow(InvalidQueryError);
      await expect(index.scanSellers({}, { limit: 1001 })).rejects.toThrow(InvalidQueryError);
      expect(sent).toHaveLength(before);
    });
  });

  describe('case status', () => {
    const change = {
      sellerKey: 'shopee:s1',
      to: 'reviewing',
      expectedStatus: 'new',
      expectedVersion: 0,
      by: 'analyst',
      reason: 'looks like a vape shop',
    } as const;

    it('writes with if_seq_no / if_primary_term and appends an audit event', async () => {
      const { client, sent } = cluster((request) => {
        if (request.method === 'GET' && request.path === '/test-sellers/_doc/shopee%3As1') {
          return {
            body: {
              _index: 'test-sellers-v1',
              _id: 'shopee:s1',
              found: true,
              _seq_no: 7,
              _primary_term: 2,
              _source: sellerSource(),
            },
          };
        }
        if (request.path.startsWith('/test-sellers-v1/_update/')) return { body: { result: 'updated' } };
        if (request.path === '/test-case-events/_doc') return { body: { result: 'created' } };
        return undefined;
      });
      expect(await makeIndex(client).setCaseStatus(change)).toEqual({ status: 'reviewing', caseVersion: 1 });
      const update = sent.find((request) => request.path.startsWith('/test-sellers-v1/_update/'));
      expect(update?.query.get('if_seq_no')).toBe('7');
      expect(update?.query.get('if_primary_term')).toBe('2');
      expect(update?.body).toEqual({ doc: { status: 'reviewing', caseVersion: 1 } });
      const event = sent.find((request) => request.path === '/test-case-events/_doc');
      expect(event?.query.get('op_type')).toBe('create');
      expect(event?.body).toMatchObject({
        sellerKey: 'shopee:s1',
        from: 'new',
        to: 'reviewing',
        by: 'analyst',
      });
    });

    it('is a ConflictError when the write meets a 409 and the case has moved on', async () => {
      let reads = 0;
      const { client, sent } = cluster((request) => {
        if (request.method === 'GET' && request.path.startsWith('/test-sellers/_doc/')) {
          reads++;
          const source = reads === 1 ? sellerSource('new', 0) : sellerSource('dismissed', 1);
          return {
            body: {
              _index: 'test-sellers-v1',
              _id: 'shopee:s1',
              found: true,
              _seq_no: 6 + reads,
              _primary_term: 1,
              _source: source,
            },
          };
        }
        if (request.path.startsWith('/test-sellers-v1/_update/')) {
          return esError(409, 'version_conflict_engine_exception', 'required seqNo [7], current [8]');
        }
        return undefined;
      });
      const failure = makeIndex(client).setCaseStatus(change);
      await expect(failure).rejects.toThrow(ConflictError);
      await expect(failure).rejects.toMatchObject({ current: { status: 'dismissed', caseVersion: 1 } });
      expect(sent.some((request) => request.path === '/test-case-events/_doc')).toBe(false);
    });

    it('retries when a re-crawl (not an analyst) moved the document', async () => {
      let updates = 0;
      const { client } = cluster((request) => {
        if (request.method === 'GET' && request.path.startsWith('/test-sellers/_doc/')) {
          return {
            body: {
              _index: 'test-sellers-v1',
              _id: 'shopee:s1',
              found: true,
              _seq_no: 7 + updates,
              _primary_term: 1,
              _source: sellerSource(),
            },
          };
        }
        if (request.path.startsWith('/test-sellers-v1/_update/')) {
          updates++;
          return updates === 1
            ? esError(409, 'version_conflict_engine_exception', 'seq moved')
            : { body: { result: 'updated' } };
        }
        if (request.path === '/test-case-events/_doc') return { body: { result: 'created' } };
        return undefined;
      });
      expect(await makeIndex(client).setCaseStatus(change)).toEqual({ status: 'reviewing', caseVersion: 1 });
      expect(updates).toBe(2);
    });

    it('is NotFound for an unknown seller', async () => {
      const { client } = cluster((request) =>
        request.method === 'GET' && request.path.startsWith('/test-sellers/_doc/')
          ? { statusCode: 404, body: { _index: 'test-sellers-v1', _id: 'x', found: false } }
          : undefined,
      );
      await expect(makeIndex(client).setCaseStatus(change)).rejects.toThrow(NotFoundError);
    });
  });

  describe('aggregates', () => {
    it('asks for province × category buckets and reads sellers, flagged listings and mean score', async () => {
      const { client, sent } = cluster((request) =>
        request.path === '/test-sellers/_search'
          ? {
              body: {
                hits: { total: { value: 0, relation: 'eq' }, hits: [] },
                aggregations: {
                  province: {
                    buckets: [
                      {
                        key: 'ha noi',
                        doc_count: 2,
                        display: { buckets: [{ key: 'Hà Nội', doc_count: 2 }] },
                        category: {
                          buckets: [
                            {
                              key: 'e_cigarettes',
                              doc_count: 2,
                              flaggedListings: { value: 3 },
                              meanScore: { value: 88.5 },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              },
            }
          : undefined,
      );
      const spots = await makeIndex(client).hotspots({ category: ['e_cigarettes'] });
      expect(spots).toEqual([
        { province: 'Hà Nội', category: 'e_cigarettes', sellers: 2, flaggedListings: 3, meanScore: 88.5 },
      ]);
      const body = sent.find((request) => request.path === '/test-sellers/_search')?.body as Record<
        string,
        unknown
      >;
      expect(body.size).toBe(0);
      expect(body.aggs).toMatchObject({
        province: {
          terms: { field: 'provinceFolded' },
          aggs: {
            category: {
              terms: { field: 'categories', include: ['e_cigarettes'] },
              aggs: {
                flaggedListings: { sum: { field: 'flaggedListingCount' } },
                meanScore: { avg: { field: 'score' } },
              },
            },
          },
        },
      });
    });
  });

  describe('ownership', () => {
    it('closes a client it made, never an injected one', async () => {
      const { client, sent } = cluster();
      await makeIndex(client).close();
      await client.indices.refresh({ index: 'still-open' });
      expect(sent.at(-1)?.path).toBe('/still-open/_refresh');
      const owned = new ElasticSellerIndex({ node: 'http://127.0.0.1:9' });
      await owned.close();
      await expect(owned.client.info()).rejects.toThrow();
    });
  });
});
