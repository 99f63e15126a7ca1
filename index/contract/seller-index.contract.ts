import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidQueryError, InvalidTransitionError, NotFoundError } from '../errors.js';
import type {
  ScanOptions,
  ScoredItem,
  SearchResult,
  SellerFilter,
  SellerIndex,
  SellerQuery,
} from '../seller-index.js';
import { listing, risk, seller, world } from './fixtures.js';

export interface SellerIndexFixture {
  index: SellerIndex;
  /** Removes what the fixture made (temp dir, test indices). */
  cleanup(): Promise<void>;
}

const keys = (result: SearchResult) => result.sellers.map((hit) => hit.key);
const facet = (result: SearchResult, name: keyof SearchResult['facets']) =>
  Object.fromEntries(result.facets[name].map((entry) => [entry.value, entry.count]));

/**
 * The behaviour every `SellerIndex` owes its callers. Each store's test file calls this with a
 * factory that makes a fresh, empty index (a temp file, a random index prefix).
 */
export function sellerIndexContract(name: string, makeIndex: () => Promise<SellerIndexFixture>): void {
  describe(`SellerIndex contract: ${name}`, () => {
    let fixture: SellerIndexFixture;
    let index: SellerIndex;

    beforeEach(async () => {
      fixture = await makeIndex();
      index = fixture.index;
      const { sellers, items } = world();
      await index.upsertItems(items);
      await index.upsertSellers(sellers);
      await index.refresh();
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('upserts', () => {
      it('updates on the stable ids instead of duplicating', async () => {
        const again = listing('shopee', 'p1', 's1', 'Bộ pod thay thế', risk(90, ['e_cigarettes']), {
          province: 'Hà Nội',
        });
        const result = await index.upsertItems([again, again]);
        expect(result.dropped).toEqual([]);
        const { sellers } = world();
        await index.upsertSellers(sellers);
        await index.refresh();
        const detail = await index.getSeller('shopee:s1');
        expect(detail.items.map((item) => item.key).sort()).toEqual(['shopee:p1', 'shopee:p2']);
        expect(detail.items.find((item) => item.key === 'shopee:p1')?.title).toBe('Bộ pod thay thế');
        expect((await index.search({ text: 'pod thay the' })).total).toBe(1);
        expect((await index.search({ text: 'Đà Lạt' })).total).toBe(0);
        expect((await index.search({})).total).toBe(5);
      });

      it('returns records it cannot store as dropped, with the reason, and stores the rest', async () => {
        const broken = {
          ...listing('shopee', 'bad', 's1', 'x', risk(10, [])),
          risk: undefined,
        } as unknown as ScoredItem;
        const good = listing('shopee', 'p9', 's2', 'Son môi', risk(60, ['cosmetics']));
        const result = await index.upsertItems([broken, good]);
        expect(result.upserted).toBe(1);
        expect(result.dropped).toHaveLength(1);
        expect(result.dropped[0]).toMatchObject({ id: 'shopee:bad', kind: 'item' });
        expect(result.dropped[0]?.error).toMatch(/risk/);
      });

      it('finds a seller by a listing that arrived after the seller', async () => {
        await index.upsertItems([
          listing('tiki', 'm1', 'k1', 'Sữa Similac nhập khẩu Mỹ', risk(55, ['milk'])),
        ]);
        await index.refresh();
        expect(keys(await index.search({ text: 'similac' }))).toEqual(['tiki:k1']);
      });
    });

    describe('text search', () => {
      it('folds diacritics and đ both ways', async () => {
        expect(keys(await index.search({ text: 'thuoc la dien tu' })).sort()).toEqual([
          'shopee:s1',
          'tiktok:t1',
        ]);
        expect(keys(await index.search({ text: 'THUỐC LÁ ĐIỆN TỬ' })).sort()).toEqual([
          'shopee:s1',
          'tiktok:t1',
        ]);
        expect(keys(await index.search({ text: 'dong ho' }))).toEqual(['lazada:l1']);
        expect(keys(await index.search({ text: 'da nang' }))).toEqual(['shopee:s2']);
      });

      it('searches seller names and listing titles, every word required', async () => {
        expect(keys(await index.search({ text: 'xach tay' }))).toEqual(['shopee:s2']);
        expect(keys(await index.search({ text: 'vape xoai' }))).toEqual(['shopee:s1']);
        expect((await index.search({ text: 'vape dong ho' })).total).toBe(0);
      });
    });

    describe('filters and facets', () => {
      it('filters by platform, category, signal, province, status, score and dates', async () => {
        expect(keys(await index.search({ platform: ['shopee'] }))).toEqual(['shopee:s1', 'shopee:s2']);
        expect(keys(await index.search({ category: ['e_cigarettes'] }))).toEqual(['shopee:s1', 'tiktok:t1']);
        expect(keys(await index.search({ signal: ['unknown_origin'] }))).toEqual(['shopee:s2', 'tiki:k1']);
        expect(keys(await index.search({ province: ['ha noi'] }))).toEqual(['shopee:s1', 'tiktok:t1']);
        expect(keys(await index.search({ province: ['unknown'] }))).toEqual(['tiki:k1']);
        expect(keys(await index.search({ minScore: 60, maxScore: 90 }))).toEqual(['tiktok:t1', 'shopee:s2']);
        expect(keys(await index.search({ flagged: false }))).toEqual(['lazada:l1']);
        expect(keys(await index.search({ firstSeenFrom: '2026-11-02T00:00:00Z' }))).toEqual([
          'shopee:s1',
          'tiktok:t1',
        ]);
        expect(keys(await index.search({ lastSeenTo: '2026-11-15T00:00:00Z' }))).toEqual(['lazada:l1']);
        expect(keys(await index.search({ status: ['reviewing'] }))).toEqual([]);
        const combined = await index.search({
          text: 'thuoc la',
          platform: ['tiktok', 'shopee'],
          province: ['Hà Nội'],
        });
        expect(keys(combined)).toEqual(['shopee:s1', 'tiktok:t1']);
      });

      it('counts each facet over the matching sellers', async () => {
        const all = await index.search({});
        expect(all.total).toBe(5);
        expect(facet(all, 'platform')).toEqual({ shopee: 2, lazada: 1, tiktok: 1, tiki: 1 });
        expect(facet(all, 'category')).toEqual({
          e_cigarettes: 2,
          cigarettes: 1,
          cosmetics: 1,
          watches: 1,
          milk: 1,
        });
        expect(facet(all, 'province')).toEqual({
          'Hà Nội': 2,
          'Đà Nẵng': 1,
          'TP. Hồ Chí Minh': 1,
          unknown: 1,
        });
        expect(facet(all, 'status')).toEqual({ new: 5 });
        expect(facet(all, 'signal')).toMatchObject({ banned_goods: 2, unknown_origin: 2, counterfeit: 1 });
        const narrowed = await index.search({ text: 'thuoc la', platform: ['tiktok'] });
        expect(facet(narrowed, 'platform')).toEqual({ tiktok: 1 });
        expect(facet(narrowed, 'category')).toEqual({ e_cigarettes: 1, cigarettes: 1 });
      });
    });

    describe('counts after writes', () => {
      it('never answers a repeated search with counts from before a write', async () => {
        const before = await index.search({});
        expect(before.total).toBe(5);
        expect((await index.search({ limit: 1 })).total).toBe(5);
        await index.setCaseStatus({
          sellerKey: 'tiki:k1',
          to: 'reviewing',
          expectedStatus: 'new',
          expectedVersion: 0,
          by: 'analyst-1',
          reason: 'opened',
        });
        await index.refresh();
        const afterCase = await index.search({});
        expect(facet(afterCase, 'status')).toEqual({ new: 4, reviewing: 1 });
        expect(keys(await index.search({ status: ['reviewing'] }))).toEqual(['tiki:k1']);
        await index.upsertSellers([
          seller('shopee', 's9', { name: 'Kho Mới', province: 'Huế', score: 99, categories: ['milk'] }),
        ]);
        await index.refresh();
        const afterSeller = await index.search({});
        expect(afterSeller.total).toBe(6);
        expect(keys(afterSeller)[0]).toBe('shopee:s9');
        expect(facet(afterSeller, 'platform')).toMatchObject({ shopee: 3 });
        expect(facet(afterSeller, 'category')).toMatchObject({ milk: 2 });
        expect((await index.search({ text: 'zubo' })).total).toBe(0);
        await index.upsertItems([listing('shopee', 'm9', 's9', 'Sữa dê Zubo', risk(99, ['milk']))]);
        await index.refresh();
        expect(keys(await index.search({ text: 'zubo' }))).toEqual(['shopee:s9']);
      });

      it('gives each caller its own facets', async () => {
        const first = await index.search({});
        first.facets.platform.length = 0;
        first.facets.status[0]!.count = 999;
        const second = await index.search({});
        expect(facet(second, 'platform')).toEqual({ shopee: 2, lazada: 1, tiktok: 1, tiki: 1 });
        expect(facet(second, 'status')).toEqual({ new: 5 });
      });

      it('pages a filtered search the same way every time it is asked', async () => {
        for (const query of [{ flagged: true }, { province: ['ha noi', 'da nang'] }] as SellerQuery[]) {
          const whole = keys(await index.search({ ...query, limit: 100 }));
          for (let round = 0; round < 2; round++) {
            const seen: string[] = [];
            let cursor: string | undefined;
            do {
              const result = await index.search({ ...query, limit: 1, ...(cursor ? { cursor } : {}) });
              expect(result.total).toBe(whole.length);
              seen.push(...keys(result));
              cursor = result.nextCursor;
            } while (cursor !== undefined);
            expect(seen).toEqual(whole);
          }
        }
      });
    });

    describe('scanSellers', () => {
      const scanAll = async (filter: SellerFilter, limit: number) => {
        const seen: string[] = [];
        let afterKey: string | undefined;
        for (let page = 0; page < 20; page++) {
          const result = await index.scanSellers(filter, { limit, ...(afterKey ? { afterKey } : {}) });
          expect(result.sellers.length).toBeLessThanOrEqual(limit);
          seen.push(...result.sellers.map((hit) => hit.key));
          afterKey = result.nextKey;
          if (afterKey === undefined) break;
          expect(afterKey).toBe(result.sellers.at(-1)?.key);
        }
        return seen;
      };

      it('walks every matching seller once, in key order', async () => {
        const all = ['lazada:l1', 'shopee:s1', 'shopee:s2', 'tiki:k1', 'tiktok:t1'];
        expect(await scanAll({}, 2)).toEqual(all);
        expect(await scanAll({}, 5)).toEqual(all);
        const one = await index.scanSellers({}, { limit: 5 });
        expect(one.nextKey).toBeUndefined();
        expect((await index.scanSellers({})).sellers.map((hit) => hit.key)).toEqual(all);
        expect(one.sellers[1]).toMatchObject({ key: 'shopee:s1', status: 'new', caseVersion: 0, score: 92 });
      });

      it('applies the same filters as search', async () => {
        expect(await scanAll({ flagged: true }, 1)).toEqual([
          'shopee:s1',
          'shopee:s2',
          'tiki:k1',
          'tiktok:t1',
        ]);
        expect(await scanAll({ text: 'thuoc la dien tu' }, 1)).toEqual(['shopee:s1', 'tiktok:t1']);
        expect(await scanAll({ province: ['Hà Nội'], platform: ['tiktok'] }, 10)).toEqual(['tiktok:t1']);
        expect(await scanAll({ category: ['e_cigarettes'], minScore: 90 }, 10)).toEqual(['shopee:s1']);
        expect(await scanAll({ status: ['confirmed'] }, 10)).toEqual([]);
      });

      it('starts after any key, known or not', async () => {
        expect(
          (await index.scanSellers({}, { afterKey: 'shopee:s1' })).sellers.map((hit) => hit.key),
        ).toEqual(['shopee:s2', 'tiki:k1', 'tiktok:t1']);
        expect((await index.scanSellers({}, { afterKey: 'shopee:a' })).sellers[0]?.key).toBe('shopee:s1');
        expect(await index.scanSellers({}, { afterKey: 'zzz' })).toEqual({ sellers: [] });
      });

      it('sees a seller written between pages, and returns none twice', async () => {
        const first = await index.scanSellers({}, { limit: 2 });
        await index.upsertSellers([seller('tiki', 'k0', { score: 10, categories: ['milk'] })]);
        await index.refresh();
        const rest = await index.scanSellers({}, { afterKey: first.nextKey ?? '', limit: 10 });
        expect([...first.sellers, ...rest.sellers].map((hit) => hit.key)).toEqual([
          'lazada:l1',
          'shopee:s1',
          'shopee:s2',
          'tiki:k0',
          'tiki:k1',
          'tiktok:t1',
        ]);
      });

      const bad: [string, unknown, unknown][] = [
        ['a sort in the filter', { sort: 'score' }, {}],
        ['a cursor in the filter', { cursor: 'x' }, {}],
        ['an unknown filter', { platfrom: ['shopee'] }, {}],
        ['a page too large', {}, { limit: 5000 }],
        ['a page of nothing', {}, { limit: 0 }],
        ['an empty afterKey', {}, { afterKey: '' }],
        ['an unknown option', {}, { offset: 10 }],
      ];
      for (const [what, filter, options] of bad) {
        it(`refuses ${what} with InvalidQueryError`, async () => {
          // Unchecked input, as from HTTP or the CLI.
          await expect(index.scanSellers(filter as SellerFilter, options as ScanOptions)).rejects.toThrow(
            InvalidQueryError,
          );
        });
      }
    });

    describe('sorting and cursor pagination', () => {
      it('sorts by score by default, by other fields on request', async () => {
        expect(keys(await index.search({}))).toEqual([
          'shopee:s1',
          'tiktok:t1',
          'shopee:s2',
          'tiki:k1',
          'lazada:l1',
        ]);
        expect(keys(await index.search({ sort: 'score', order: 'asc' }))[0]).toBe('lazada:l1');
        expect(keys(await index.search({ sort: 'firstSeen' }))[0]).toBe('tiktok:t1');
        expect(keys(await index.search({ sort: 'name' }))[0]).toBe('lazada:l1');
      });

      it('walks every page once with the cursor', async () => {
        for (const sort of ['score', 'lastSeen', 'name'] as const) {
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let page = 0; page < 10; page++) {
            const query: SellerQuery = { sort, limit: 2 };
            if (cursor !== undefined) query.cursor = cursor;
            const result = await index.search(query);
            expect(result.total).toBe(5);
            seen.push(...keys(result));
            cursor = result.nextCursor;
            if (cursor === undefined) break;
          }
          expect(seen).toEqual(keys(await index.search({ sort, limit: 10 })));
          expect(new Set(seen).size).toBe(5);
        }
      });

      it('refuses a cursor from another query or a forged one', async () => {
        const first = await index.search({ limit: 2 });
        expect(first.nextCursor).toBeDefined();
        await expect(index.search({ platform: ['shopee'], cursor: first.nextCursor ?? '' })).rejects.toThrow(
          InvalidQueryError,
        );
        await expect(index.search({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
        await expect(index.search({ cursor: Buffer.from('{"v":1}').toString('base64url') })).rejects.toThrow(
          InvalidQueryError,
        );
      });
    });

    describe('bad queries', () => {
      const bad: [string, unknown][] = [
        ['an unknown filter', { platfrom: ['shopee'] }],
        ['an unknown platform', { platform: ['amazon'] }],
        ['an unknown category', { category: ['weapons'] }],
        ['a score range upside down', { minScore: 80, maxScore: 20 }],
        ['a score out of range', { minScore: -1 }],
        ['a page too large', { limit: 10_000 }],
        ['a date that is not a date', { lastSeenFrom: 'yesterday' }],
        ['text with nothing to search', { text: '!!! ???' }],
        ['a filter of the wrong type', { platform: 'shopee' }],
        ['an empty list', { status: [] }],
      ];
      for (const [what, query] of bad) {
        it(`refuses ${what} with InvalidQueryError`, async () => {
          // The cast is the point of the test: callers from HTTP or the CLI send unchecked input.
          await expect(index.search(query as SellerQuery)).rejects.toThrow(InvalidQueryError);
        });
      }

      it('refuses bad aggregate filters and day ranges', async () => {
        await expect(index.hotspots({ category: ['nope'] })).rejects.toThrow(InvalidQueryError);
        await expect(index.dailyCounts({ from: '2026-11-20', to: '2026-11-01' })).rejects.toThrow(
          InvalidQueryError,
        );
        await expect(index.dailyCounts({ from: '20/11/2026', to: '2026-11-21' })).rejects.toThrow(
          InvalidQueryError,
        );
      });
    });

    describe('seller page', () => {
      it('returns the seller with its items, reasons and evidence', async () => {
        const detail = await index.getSeller('shopee:s1');
        expect(detail.seller).toMatchObject({
          key: 'shopee:s1',
          name: 'Shop Điện Tử Vape Hà Nội',
          status: 'new',
          caseVersion: 0,
        });
        expect(detail.items.map((item) => item.key)).toEqual(['shopee:p1', 'shopee:p2']);
        expect(detail.items[0]).toMatchObject({
          kind: 'listing',
          score: 92,
          flagged: true,
          sellerKey: 'shopee:s1',
        });
        expect(detail.reasons[0]).toMatchObject({ rule: 'category.e_cigarettes', itemKey: 'shopee:p1' });
        expect(detail.evidence.map((evidence) => evidence.itemKey)).toEqual(['shopee:p1', 'shopee:p2']);
        expect(detail.history).toEqual([]);
        const host = await index.getSeller('tiktok:t1');
        expect(host.items.map((item) => [item.key, item.kind])).toEqual([['tiktok:live1', 'livestream']]);
      });

      it('says NotFound for an unknown seller', async () => {
        await expect(index.getSeller('shopee:nobody')).rejects.toThrow(NotFoundError);
      });
    });

    describe('case status', () => {
      const change = { sellerKey: 'shopee:s1', by: 'analyst-1', reason: 'checked the evidence' } as const;

      it('moves along the allowed path and keeps an audit log', async () => {
        let state = await index.setCaseStatus({
          ...change,
          to: 'reviewing',
          expectedStatus: 'new',
          expectedVersion: 0,
        });
        expect(state).toEqual({ status: 'reviewing', caseVersion: 1 });
        state = await index.setCaseStatus({
          ...change,
          by: 'lead-2',
          reason: 'confirmed with the brand owner',
          to: 'confirmed',
          expectedStatus: 'reviewing',
          expectedVersion: 1,
          at: '2026-11-21T08:00:00.000Z',
        });
        expect(state).toEqual({ status: 'confirmed', caseVersion: 2 });
        await index.refresh();
        const detail = await index.getSeller('shopee:s1');
        expect(detail.seller).toMatchObject({ status: 'confirmed', caseVersion: 2 });
        expect(detail.history.map((event) => [event.from, event.to, event.by])).toEqual([
          ['new', 'reviewing', 'analyst-1'],
          ['reviewing', 'confirmed', 'lead-2'],
        ]);
        expect(detail.history[1]).toMatchObject({
          at: '2026-11-21T08:00:00.000Z',
          reason: 'confirmed with the brand owner',
        });
        expect(keys(await index.search({ status: ['confirmed'] }))).toEqual(['shopee:s1']);
      });

      it('keeps the case when the seller is re-crawled', async () => {
        await index.setCaseStatus({ ...change, to: 'reviewing', expectedStatus: 'new', expectedVersion: 0 });
        await index.upsertSellers([
          seller('shopee', 's1', {
            name: 'Shop Điện Tử Vape Hà Nội',
            score: 95,
            categories: ['e_cigarettes'],
          }),
        ]);
        await index.refresh();
        const detail = await index.getSeller('shopee:s1');
        expect(detail.seller).toMatchObject({ status: 'reviewing', caseVersion: 1, score: 95 });
      });

      it('is a ConflictError when the case moved on since it was read', async () => {
        await index.setCaseStatus({ ...change, to: 'reviewing', expectedStatus: 'new', expectedVersion: 0 });
        await expect(
          index.setCaseStatus({ ...change, to: 'dismissed', expectedStatus: 'new', expectedVersion: 0 }),
        ).rejects.toThrow(ConflictError);
        const results = await Promise.allSettled([
          index.setCaseStatus({
            ...change,
            by: 'a',
            to: 'confirmed',
            expectedStatus: 'reviewing',
            expectedVersion: 1,
          }),
          index.setCaseStatus({
            ...change,
            by: 'b',
            to: 'dismissed',
            expectedStatus: 'reviewing',
            expectedVersion: 1,
          }),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((result) => result.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(ConflictError);
        await index.refresh();
        expect((await index.getSeller('shopee:s1')).history).toHaveLength(2);
      });

      it('refuses a transition the workflow does not allow', async () => {
        await expect(
          index.setCaseStatus({ ...change, to: 'removed', expectedStatus: 'new', expectedVersion: 0 }),
        ).rejects.toThrow(InvalidTransitionError);
        await expect(
          index.setCaseStatus({
            ...change,
            sellerKey: 'shopee:nobody',
            to: 'reviewing',
            expectedStatus: 'new',
            expectedVersion: 0,
          }),
        ).rejects.toThrow(NotFoundError);
        await expect(
          index.setCaseStatus({
            ...change,
            reason: ' ',
            to: 'reviewing',
            expectedStatus: 'new',
            expectedVersion: 0,
          }),
        ).rejects.toThrow(InvalidQueryError);
      });
    });

    describe('aggregates', () => {
      it('counts hotspots per province × category', async () => {
        const hotspots = await index.hotspots();
        const cell = (province: string, category: string) =>
          hotspots.find((spot) => spot.province === province && spot.category === category);
        expect(cell('Hà Nội', 'e_cigarettes')).toEqual({
          province: 'Hà Nội',
          category: 'e_cigarettes',
          sellers: 2,
          flaggedListings: 3,
          meanScore: 88.5,
        });
        expect(cell('TP. Hồ Chí Minh', 'watches')).toBeUndefined();
        expect(hotspots[0]).toMatchObject({ province: 'Hà Nội', category: 'e_cigarettes' });
        const all = await index.hotspots({ flaggedOnly: false, platform: ['lazada'] });
        expect(all).toEqual([
          { province: 'TP. Hồ Chí Minh', category: 'watches', sellers: 1, flaggedListings: 0, meanScore: 40 },
        ]);
      });

      it('counts flagged items per day × province × category', async () => {
        const counts = await index.dailyCounts({ from: '2026-11-19', to: '2026-11-20' });
        expect(counts).toContainEqual({
          day: '2026-11-20',
          province: 'Hà Nội',
          category: 'e_cigarettes',
          flaggedItems: 2,
          sellers: 2,
        });
        expect(counts).toContainEqual({
          day: '2026-11-19',
          province: 'Hà Nội',
          category: 'e_cigarettes',
          flaggedItems: 1,
          sellers: 1,
        });
        expect(counts.some((count) => count.category === 'watches')).toBe(false);
        const narrowed = await index.dailyCounts({
          from: '2026-11-20',
          to: '2026-11-20',
          category: ['cosmetics'],
        });
        expect(narrowed).toEqual([
          { day: '2026-11-20', province: 'Đà Nẵng', category: 'cosmetics', flaggedItems: 1, sellers: 1 },
        ]);
      });
    });
  });
}
