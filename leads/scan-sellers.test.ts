import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seller } from '../index/contract/fixtures.js';
import { PLATFORMS } from '../records/index.js';
import { scanSellers } from './scan-sellers.js';
import { testWorld, type TestWorld } from './testing/test-world.js';

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld({ empty: true });
  // 120 sellers over 5 platforms and 6 scores; last-seen times repeat, a dozen share one instant.
  await w.index.upsertSellers(
    Array.from({ length: 120 }, (_, n) =>
      seller(PLATFORMS[n % 5]!, `x${n}`, {
        score: 60 + (n % 6) * 5,
        categories: ['cosmetics'],
        lastSeen:
          n < 12
            ? '2026-11-20T00:00:00.000Z'
            : new Date(Date.UTC(2026, 10, 1) + (n % 40) * 3_600_000).toISOString(),
      }),
    ),
  );
  await w.index.refresh();
});
afterEach(async () => {
  await w.cleanup();
});

async function all(pageSize?: number, query = {}): Promise<{ key: string; score: number }[]> {
  const out: { key: string; score: number }[] = [];
  for await (const hit of scanSellers(w.index, query, pageSize)) out.push({ key: hit.key, score: hit.score });
  return out;
}

describe('scanSellers', () => {
  it('yields every seller once, whatever the page size', async () => {
    const whole = await all();
    expect(whole).toHaveLength(120);
    for (const pageSize of [1, 3, 7]) {
      const sliced = await all(pageSize);
      expect(sliced.map((hit) => hit.key).sort()).toEqual(whole.map((hit) => hit.key).sort());
      expect(new Set(sliced.map((hit) => hit.key)).size).toBe(120);
    }
  });

  it('keeps the caller’s filters on every page', async () => {
    const lazada = await all(2, {
      platform: ['lazada'],
      minScore: 70,
      lastSeenFrom: '2026-11-01T05:00:00.000Z',
    });
    const expected = await all(undefined, {
      platform: ['lazada'],
      minScore: 70,
      lastSeenFrom: '2026-11-01T05:00:00.000Z',
    });
    expect(lazada.map((hit) => hit.key).sort()).toEqual(expected.map((hit) => hit.key).sort());
    expect(lazada.length).toBeGreaterThan(0);
    expect(lazada.every((hit) => hit.key.startsWith('lazada:') && hit.score >= 70)).toBe(true);
  });
});
