import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import { Scorer } from '../../scoring/scorer.js';
import { sellerOf } from '../../scoring/sellers/index.js';
import { ProgressStore } from '../embedded/progress-store.js';
import { InvalidInput } from '../invalid-input.js';
import { processBatch, type StageContext } from '../process-batch.js';
import type { PipelineRecord } from '../pipeline-record.js';
import { sampleListings } from '../testing/sample-records.js';
import { aggregateBatch } from './aggregate.js';
import { indexBatch } from './index-stage.js';
import { lastOfEachId, normalise } from './normalise.js';
import { scoreRecords } from './score.js';

let scorer: Scorer;
beforeAll(() => {
  scorer = Scorer.create({ flagThreshold: 50, classifierWeight: 10 });
});

function normalised(values: unknown[]): PipelineRecord[] {
  return values.map((value, index) => {
    const result = normalise(value, `line ${index + 1}`);
    if (!result.ok) throw new Error(result.rejection.reason);
    return result.record;
  });
}

describe('normalise', () => {
  it('gives a listing its stable id and a hash that ignores key order', () => {
    const [listing] = sampleListings(1);
    const reordered = Object.fromEntries(Object.entries(listing!).reverse());
    const a = normalise(listing, 'line 1');
    const b = normalise(reordered, 'line 2');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.record.id).toBe('listing:tiki:100000');
    expect(a.record.hash).toBe(b.record.hash);
    const changed = normalise({ ...listing, price: 1 }, 'line 3');
    expect(changed.ok && changed.record.hash).not.toBe(a.record.hash);
  });

  it('tells a livestream by its streamId', () => {
    const result = normalise(
      {
        platform: 'tiktok',
        streamId: '77',
        url: 'https://live.test/77',
        title: 'Xả kho pod',
        hostId: 'h1',
        capturedAt: '2026-01-01T00:00:00Z',
      },
      'x',
    );
    expect(result.ok && result.record.id).toBe('livestream:tiktok:77');
  });

  it('rejects bad input with its source and the fields that are wrong, never throws', () => {
    const missing = normalise({ platform: 'tiki', title: 'x' }, 'line 7');
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.rejection.source).toBe('line 7');
      expect(missing.rejection.reason).toMatch(/not a valid listing: .*listingId/);
    }
    const unreadable = normalise(new InvalidInput('not valid JSON (Unexpected token)'), 'line 8');
    expect(!unreadable.ok && unreadable.rejection.reason).toBe('not valid JSON (Unexpected token)');
    expect(normalise(42, 'line 9').ok).toBe(false);
  });

  it('keeps the last of each id in a batch', () => {
    const records = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'a', n: 3 },
    ];
    expect(lastOfEachId(records)).toEqual([
      { id: 'b', n: 2 },
      { id: 'a', n: 3 },
    ]);
  });
});

describe('score', () => {
  it('attaches the risk and keeps the record as given', () => {
    const [vape, rice] = scoreRecords(
      scorer,
      normalised(sampleListings(4).filter((_, i) => i === 0 || i === 3)),
    );
    expect(vape!.item.risk.flagged).toBe(true);
    expect(vape!.item.risk.categories).toContain('e_cigarettes');
    expect(rice!.item.risk.flagged).toBe(false);
    expect(vape!.item.title).toMatch(/^Pod vape/);
  });
});

describe('aggregate', () => {
  let store: ProgressStore;
  afterEach(() => {
    store.close();
  });

  it('counts each record once however often it is replayed, and stamps the province', async () => {
    store = new ProgressStore(':memory:');
    const scored = scoreRecords(scorer, normalised(sampleListings(10, { perSeller: 5 })));
    const first = await aggregateBatch(scored.slice(0, 6), store);
    expect(first.sellers.map((seller) => [seller.sellerId, seller.listingCount]).sort()).toEqual([
      ['s0', 5],
      ['s1', 1],
    ]);
    // A replay of the same batch (a crash before the ledger commit) changes nothing.
    const replay = await aggregateBatch(scored.slice(0, 6), store);
    expect(replay.sellers).toEqual(first.sellers);
    const second = await aggregateBatch(scored.slice(6), store);
    const s1 = second.sellers.find((seller) => seller.sellerId === 's1')!;
    expect(s1.listingCount).toBe(5);
    expect(s1.flaggedListingCount).toBe(scored.slice(5).filter((r) => r.item.risk.flagged).length);
    expect(s1.firstSeen <= s1.lastSeen).toBe(true);
    const provinceOf = new Map(second.sellers.map((seller) => [seller.sellerId, seller.province]));
    for (const { item } of second.items) {
      expect(item.province).toBeDefined();
      expect(item.province).toBe(provinceOf.get(sellerOf(item).sellerId));
    }
  });

  it('moves a flag when a re-crawled listing changes', async () => {
    store = new ProgressStore(':memory:');
    const [vape] = sampleListings(1);
    const before = scoreRecords(scorer, normalised([vape]));
    await aggregateBatch(before, store);
    const after = scoreRecords(scorer, normalised([{ ...vape, title: 'Nồi cơm điện Sharp 1.8L' }]));
    const { sellers } = await aggregateBatch(after, store);
    expect(sellers[0]!.listingCount).toBe(1);
    expect(sellers[0]!.flaggedListingCount).toBe(0);
  });
});

describe('index and processBatch', () => {
  let index: EmbeddedSellerIndex;
  let store: ProgressStore;
  afterEach(async () => {
    await index.close();
    store.close();
  });

  it('indexes items and sellers on their stable ids, skipping what the ledger holds', async () => {
    index = new EmbeddedSellerIndex({ file: ':memory:' });
    store = new ProgressStore(':memory:');
    const context: StageContext = { scorer, sellers: store, ledger: store, index };
    const records = normalised(sampleListings(12, { perSeller: 4 }));
    const first = await processBatch(context, records);
    expect(first).toMatchObject({ processed: 12, unchanged: 0, dropped: [] });
    expect(first.sellerKeys.sort()).toEqual(['tiki:s0', 'tiki:s1', 'tiki:s2']);
    const again = await processBatch(context, records);
    expect(again).toMatchObject({ processed: 0, unchanged: 12 });
    const changed = normalised([{ ...sampleListings(1)[0], price: 1 }]);
    expect((await processBatch(context, changed)).processed).toBe(1);
    expect(await store.size()).toBe(12);
    const detail = await index.getSeller('tiki:s0', { itemLimit: 100 });
    expect(detail.items).toHaveLength(4);
    expect(detail.seller.listingCount).toBe(4);
  });

  it('reports documents the index refuses', async () => {
    index = new EmbeddedSellerIndex({ file: ':memory:' });
    store = new ProgressStore(':memory:');
    const scored = scoreRecords(scorer, normalised(sampleListings(2)));
    scored[1]!.item.capturedAt = 'yesterday';
    const result = await indexBatch(index, scored, []);
    expect(result.items).toBe(1);
    expect(result.dropped[0]!.error).toMatch(/capturedAt/);
  });
});
