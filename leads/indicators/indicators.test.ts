import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listing, risk, seller } from '../../index/contract/fixtures.js';
import type { DailyCount } from '../../index/seller-index.js';
import { addDays } from '../days.js';
import { openStateDb } from '../state-db.js';
import { foldTitle, TakedownLedger, type LedgerListing } from '../takedown-ledger.js';
import { testWorld, type TestWorld } from '../testing/test-world.js';
import { earlyWarnings } from './early-warning.js';
import { detectNewBannedSellers } from './new-banned-seller.js';
import { detectReappearances } from './reappearance.js';
import { detectSpikes } from './spike.js';

const DAY = '2026-11-20';

/** A cell's series: `baseline[i]` is the count i+1 days before DAY (nearest first), then today. */
function series(
  province: string,
  category: string,
  baseline: (offset: number) => number,
  today: number,
): DailyCount[] {
  const counts: DailyCount[] = [{ day: DAY, province, category, flaggedItems: today, sellers: 1 }];
  for (let offset = 1; offset <= 28; offset++) {
    counts.push({
      day: addDays(DAY, -offset),
      province,
      category,
      flaggedItems: baseline(offset),
      sellers: 1,
    });
  }
  return counts;
}

describe('spike indicator', () => {
  it('fires on a jump against the cell’s own baseline and not on noise', () => {
    const counts = [
      ...series('Hà Nội', 'e_cigarettes', () => 2, 10), // 5× a flat 2/day: high
      ...series('Hà Nội', 'cosmetics', () => 2, 7), // 3.5×, z 3.5: medium
      ...series('Đà Nẵng', 'milk', () => 2, 4), // under the 5-listing floor
      ...series('Cần Thơ', 'cosmetics', (offset) => (offset % 2 === 0 ? 35 : 45), 60), // 1.5× a busy cell
      ...series('Huế', 'alcohol', (offset) => (offset % 2 === 0 ? 0 : 30), 50), // 3.3× but z 2.3: noisy cell
      ...series('Lai Châu', 'firecrackers', () => 0, 5), // a cell that had nothing: a new hotspot
    ];
    const spikes = detectSpikes(counts, DAY);
    const fired = Object.fromEntries(
      spikes.map((spike) => [`${spike.province}/${spike.category}`, spike.severity]),
    );
    expect(fired).toEqual({
      'Hà Nội/e_cigarettes': 'high',
      'Hà Nội/cosmetics': 'medium',
      'Lai Châu/firecrackers': 'high',
    });
    const hn = spikes.find((spike) => spike.category === 'e_cigarettes')!;
    expect(hn).toMatchObject({ value: 10, baseline: 2, day: DAY });
    expect(hn.message).toMatch(/5\.0× its 28-day mean/);
  });

  it('ignores counts outside the window and a quiet today', () => {
    const old = series('Hà Nội', 'milk', () => 1, 1).map((count) => ({
      ...count,
      day: addDays(count.day, -60),
    }));
    expect(
      detectSpikes(
        [
          ...old,
          { day: addDays(DAY, -60), province: 'Hà Nội', category: 'milk', flaggedItems: 99, sellers: 1 },
        ],
        DAY,
      ),
    ).toEqual([]);
  });
});

describe('new banned-goods seller indicator', () => {
  const since = '2026-11-13T17:00:00.000Z';
  it('fires for a new seller with many banned listings or sales, not for old or small or lawful ones', () => {
    const fired = detectNewBannedSellers(
      [
        {
          key: 'shopee:big',
          firstSeen: '2026-11-18T00:00:00Z',
          categories: ['e_cigarettes'],
          flaggedListingCount: 12,
          sold: 900,
        },
        {
          key: 'shopee:sells',
          firstSeen: '2026-11-19T00:00:00Z',
          categories: ['heated_tobacco'],
          flaggedListingCount: 2,
          sold: 600,
        },
        {
          key: 'shopee:small',
          firstSeen: '2026-11-19T00:00:00Z',
          categories: ['e_cigarettes'],
          flaggedListingCount: 3,
          sold: 20,
        },
        {
          key: 'shopee:old',
          firstSeen: '2026-10-01T00:00:00Z',
          categories: ['e_cigarettes'],
          flaggedListingCount: 40,
        },
        {
          key: 'shopee:lawful',
          firstSeen: '2026-11-19T00:00:00Z',
          categories: ['cosmetics'],
          flaggedListingCount: 40,
        },
      ],
      DAY,
      since,
    );
    expect(fired.map((indicator) => [indicator.sellerKey, indicator.severity])).toEqual([
      ['shopee:big', 'high'],
      ['shopee:sells', 'medium'],
    ]);
  });
});

describe('reappearance indicator', () => {
  const removed: LedgerListing = {
    listingKey: 'shopee:old1',
    platform: 'shopee',
    listingId: 'old1',
    sellerKey: 'shopee:s1',
    requestId: 'TD-1',
    requestedAt: '2026-11-10T00:00:00Z',
    titleFolded: foldTitle('Pod Vape Đà Lạt chính hãng 2026'),
    images: ['https://cdn.example/a.jpg'],
    categories: ['e_cigarettes'],
    removedAt: '2026-11-12T00:00:00Z',
  };
  it('matches the same title (any case or accents) or image under a new id, after the removal', () => {
    const fired = detectReappearances(
      [
        removed,
        {
          ...removed,
          listingKey: 'shopee:old2',
          titleFolded: 'pod',
          images: [],
          removedAt: '2026-11-12T00:00:00Z',
        },
      ],
      [
        {
          key: 'shopee:new1',
          sellerKey: 'shopee:s1',
          title: 'POD VAPE DA LAT CHINH HANG 2026!',
          images: [],
          capturedAt: '2026-11-15T00:00:00Z',
        },
        {
          key: 'shopee:new2',
          sellerKey: 'shopee:s9',
          title: 'Something else entirely',
          images: ['https://cdn.example/a.jpg'],
          capturedAt: '2026-11-16T00:00:00Z',
        },
        {
          key: 'shopee:early',
          sellerKey: 'shopee:s9',
          title: 'Pod Vape Đà Lạt chính hãng 2026',
          images: [],
          capturedAt: '2026-11-11T00:00:00Z',
        },
        {
          key: 'shopee:old1',
          sellerKey: 'shopee:s1',
          title: 'Pod Vape Đà Lạt chính hãng 2026',
          images: [],
          capturedAt: '2026-11-15T00:00:00Z',
        },
        {
          key: 'shopee:generic',
          sellerKey: 'shopee:s9',
          title: 'Pod',
          images: [],
          capturedAt: '2026-11-15T00:00:00Z',
        },
      ],
      DAY,
    );
    expect(
      fired.map((indicator) => [indicator.listingKey, indicator.severity, indicator.threshold.split(';')[0]]),
    ).toEqual([
      ['shopee:new1', 'high', 'same title'],
      ['shopee:new2', 'medium', 'same image'],
    ]);
  });
});

describe('earlyWarnings over the index and ledger', () => {
  let w: TestWorld;
  beforeEach(async () => {
    w = await testWorld({ empty: true });
  });
  afterEach(async () => {
    await w.cleanup();
  });

  it('finds a spike, a new stocked banned-goods seller and a relisted removed listing', async () => {
    const items = [];
    // Baseline: one flagged vape listing a day in Hà Nội for four weeks; then eight on the day.
    for (let offset = 1; offset <= 28; offset++) {
      items.push(
        listing('shopee', `b${offset}`, 'old', `Vape cũ ${offset}`, risk(80, ['e_cigarettes']), {
          province: 'Hà Nội',
          capturedAt: `${addDays(DAY, -offset)}T03:00:00.000Z`,
        }),
      );
    }
    for (let n = 0; n < 12; n++) {
      items.push(
        listing(
          'shopee',
          `n${n}`,
          'fresh',
          `Pod mới loại ${n}`,
          risk(90, ['e_cigarettes'], ['banned_goods']),
          {
            province: 'Hà Nội',
            capturedAt: `${DAY}T03:00:00.000Z`,
          },
        ),
      );
    }
    items.push(
      listing('lazada', 'relist', 'other', 'Pod Vape Đà Lạt chính hãng 2026', risk(85, ['e_cigarettes']), {
        province: 'Đà Nẵng',
        capturedAt: '2026-11-19T03:00:00.000Z',
      }),
    );
    await w.index.upsertItems(items);
    await w.index.upsertSellers([
      seller('shopee', 'old', {
        province: 'Hà Nội',
        score: 80,
        categories: ['e_cigarettes'],
        flaggedListingCount: 28,
        firstSeen: '2026-10-01T00:00:00.000Z',
      }),
      seller('shopee', 'fresh', {
        province: 'Hà Nội',
        score: 95,
        categories: ['e_cigarettes'],
        flaggedListingCount: 12,
        firstSeen: '2026-11-19T00:00:00.000Z',
      }),
      seller('lazada', 'other', {
        province: 'Đà Nẵng',
        score: 85,
        categories: ['e_cigarettes'],
        firstSeen: '2026-11-19T00:00:00.000Z',
      }),
    ]);
    await w.index.refresh();
    const db = openStateDb(join(w.dir, 'leads.sqlite'));
    const ledger = new TakedownLedger(db);
    ledger.recordRequest({
      requestId: 'TD-x',
      kind: 'takedown',
      platform: 'shopee',
      createdAt: '2026-11-10T00:00:00.000Z',
      agency: 'test',
      listings: [
        {
          listingKey: 'shopee:gone',
          platform: 'shopee',
          listingId: 'gone',
          sellerKey: 'shopee:old',
          title: 'Pod Vape Đà Lạt chính hãng 2026',
          images: [],
          categories: ['e_cigarettes'],
        },
      ],
    });
    ledger.applyChecks([
      { platform: 'shopee', listingId: 'gone', checkedAt: '2026-11-12T00:00:00.000Z', status: 'gone' },
    ]);

    const indicators = await earlyWarnings(w.index, w.config, ledger, DAY);
    db.close();
    const kinds = indicators.map(
      (indicator) => `${indicator.kind}:${indicator.province ?? ''}:${indicator.sellerKey ?? ''}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'spike:Hà Nội:',
        'new_banned_seller:Hà Nội:shopee:fresh',
        'reappearance::lazada:other',
      ]),
    );
    expect(indicators).toHaveLength(3);
  });
});
