import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sellerIndexContract } from '../contract/seller-index.contract.js';
import { listing, risk, seller, world } from '../contract/fixtures.js';
import type { SellerQuery } from '../seller-index.js';
import { EmbeddedSellerIndex } from './embedded-seller-index.js';
import { SCHEMA_VERSION } from './migrations.js';

function tempFile(): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-index-'));
  return { dir, file: join(dir, 'data', 'seller-index.sqlite') };
}

sellerIndexContract('embedded SQLite', () => {
  const { dir, file } = tempFile();
  const index = new EmbeddedSellerIndex({ file });
  return Promise.resolve({
    index,
    async cleanup() {
      await index.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe('EmbeddedSellerIndex', () => {
  it('creates one WAL file with the schema, and reopens it with the data kept', async () => {
    const { dir, file } = tempFile();
    try {
      const index = new EmbeddedSellerIndex({ file });
      expect(index.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(index.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const { sellers, items } = world();
      await index.upsertItems(items);
      await index.upsertSellers(sellers);
      await index.close();
      const reopened = new EmbeddedSellerIndex({ file });
      expect((await reopened.search({ text: 'dien tu' })).total).toBe(2);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file written by a newer schema', () => {
    const { dir, file } = tempFile();
    try {
      new EmbeddedSellerIndex({ file }).db.close();
      const db = new BetterSqlite3(file);
      db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      db.close();
      expect(() => new EmbeddedSellerIndex({ file })).toThrow(/newer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the audit log append-only', async () => {
    const index = new EmbeddedSellerIndex({ file: ':memory:' });
    const { sellers } = world();
    await index.upsertSellers(sellers);
    await index.setCaseStatus({
      sellerKey: 'shopee:s1',
      to: 'reviewing',
      expectedStatus: 'new',
      expectedVersion: 0,
      by: 'a',
      reason: 'r',
    });
    expect(() => index.db.prepare("UPDATE case_events SET actor = 'someone else'").run()).toThrow(
      /append-only/,
    );
    expect(() => index.db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
    await index.close();
  });

  it('leaves an injected database open', async () => {
    const db = new BetterSqlite3(':memory:');
    const index = new EmbeddedSellerIndex({ db });
    await index.upsertItems([listing('shopee', 'x', 's', 'đồ chơi', risk(10, []))]);
    await index.close();
    expect(db.open).toBe(true);
    db.close();
  });

  it('rolls back a whole batch when the store fails mid-way', async () => {
    const index = new EmbeddedSellerIndex({ file: ':memory:' });
    const good = listing('shopee', 'ok', 's', 'một', risk(10, []));
    const poisoned = listing('shopee', 'boom', 's', 'hai', risk(10, []));
    // A getter that throws stands for any failure inside the transaction.
    Object.defineProperty(poisoned, 'url', {
      get() {
        throw new Error('disk gone');
      },
    });
    await expect(index.upsertItems([good, poisoned])).rejects.toThrow('disk gone');
    expect(index.db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 0 });
    await index.close();
  });

  describe('cached counts', () => {
    it('sees a commit by another connection to the same file (a pipeline worker)', async () => {
      const { dir, file } = tempFile();
      const web = new EmbeddedSellerIndex({ file });
      const worker = new EmbeddedSellerIndex({ file });
      try {
        const { sellers, items } = world();
        await worker.upsertItems(items);
        await worker.upsertSellers(sellers);
        expect((await web.search({})).total).toBe(5);
        expect((await web.search({ platform: ['shopee'] })).total).toBe(2);
        await worker.upsertSellers([seller('shopee', 's7', { score: 97, categories: ['watches'] })]);
        await worker.setCaseStatus({
          sellerKey: 'shopee:s1',
          to: 'reviewing',
          expectedStatus: 'new',
          expectedVersion: 0,
          by: 'worker',
          reason: 'r',
        });
        const all = await web.search({});
        expect(all.total).toBe(6);
        expect(all.sellers[0]?.key).toBe('shopee:s7');
        expect(all.facets.status).toEqual([
          { value: 'new', count: 5 },
          { value: 'reviewing', count: 1 },
        ]);
        const shopee = await web.search({ platform: ['shopee'] });
        expect(shopee.total).toBe(3);
        expect(shopee.facets.category.find((entry) => entry.value === 'watches')?.count).toBe(1);
      } finally {
        await worker.close();
        await web.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('sees a write made on its own connection outside the index', async () => {
      const index = new EmbeddedSellerIndex({ file: ':memory:' });
      const { sellers } = world();
      await index.upsertSellers(sellers);
      expect((await index.search({ flagged: true })).total).toBe(4);
      expect((await index.search({})).facets.status).toEqual([{ value: 'new', count: 5 }]);
      index.db.prepare("UPDATE sellers SET flagged = 0, status = 'dismissed' WHERE key = 'shopee:s1'").run();
      expect((await index.search({ flagged: true })).total).toBe(3);
      expect((await index.search({})).facets.status).toEqual([
        { value: 'new', count: 4 },
        { value: 'dismissed', count: 1 },
      ]);
      await index.close();
    });

    it('pages a repeated view off cached counts with the same answer as a fresh count', async () => {
      const index = new EmbeddedSellerIndex({ file: ':memory:' });
      const sellers = Array.from({ length: 300 }, (_, i) =>
        seller(i % 3 === 0 ? 'tiki' : 'shopee', `s${i}`, {
          name: `Shop ${i}`,
          province: i % 4 === 0 ? 'Huế' : 'Hà Nội',
          score: (i * 37) % 101,
          categories: i % 2 === 0 ? ['milk'] : ['milk', 'cosmetics'],
        }),
      );
      await index.upsertSellers(sellers);
      const queries: SellerQuery[] = [{}, { platform: ['tiki'] }, { province: ['hue'], minScore: 40 }];
      for (const query of queries) {
        for (const sort of ['score', 'name'] as const) {
          // A second index on the same connection has nothing cached: its answer is counted afresh.
          const fresh = await new EmbeddedSellerIndex({ db: index.db }).search({
            ...query,
            sort,
            limit: 100,
          });
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await index.search({ ...query, sort, limit: 7, ...(cursor ? { cursor } : {}) });
            expect(page.total).toBe(fresh.total);
            expect(page.facets).toEqual(fresh.facets);
            seen.push(...page.sellers.map((hit) => hit.key));
            cursor = page.nextCursor;
          } while (cursor !== undefined && seen.length < 100);
          expect(seen.slice(0, 100)).toEqual(fresh.sellers.map((hit) => hit.key));
        }
      }
      await index.close();
    });
  });

  it('pages a large result off the sort index, and stays right after the full-text index is merged', async () => {
    const index = new EmbeddedSellerIndex({ file: ':memory:' });
    const count = 25_000;
    const sellers = Array.from({ length: count }, (_, i) =>
      seller('shopee', `s${i}`, {
        name: `Cửa hàng Đức ${i}`,
        province: i % 2 === 0 ? 'Hà Nội' : 'Huế',
        score: i % 101,
        categories: ['cosmetics'],
      }),
    );
    await index.upsertSellers(sellers);
    // 25,000 rewritten rows: past the threshold at which the FTS index is merged.
    const wide = await index.search({ text: 'cua hang duc', limit: 100 });
    expect(wide.total).toBe(count);
    expect(wide.sellers.map((hit) => hit.score)).toEqual(
      [...wide.sellers.map((hit) => hit.score)].sort((a, b) => b - a),
    );
    const next = await index.search({ text: 'cua hang duc', limit: 100, cursor: wide.nextCursor ?? '' });
    expect(next.sellers[0]!.score).toBeLessThanOrEqual(wide.sellers.at(-1)!.score);
    expect(new Set([...wide.sellers, ...next.sellers].map((hit) => hit.key)).size).toBe(200);
    expect((await index.search({ text: 'duc 77', province: ['ha noi'] })).total).toBe(0);
    expect(
      (await index.search({ text: 'duc 78', province: ['ha noi'] })).sellers.map((hit) => hit.key),
    ).toEqual(['shopee:s78']);
    const all = await index.search({});
    expect(all.total).toBe(count);
    // Equal counts: by value, code point order (u < à), in both stores.
    expect(all.facets.province).toEqual([
      { value: 'Huế', count: count / 2 },
      { value: 'Hà Nội', count: count / 2 },
    ]);
    await index.close();
  });
});
