import { describe, expect, it } from 'vitest';
import type { Listing } from '../../records/listing.js';
import type { Livestream } from '../../records/livestream.js';
import type { Reason, RiskAssessment } from '../../records/risk.js';
import type { SellerRisk } from '../../records/seller-risk.js';
import { SellerRiskSchema } from '../../records/seller-risk.js';
import type { AssessedRecord } from './aggregate-sellers.js';
import { aggregateSellers, SellerAggregator } from './aggregate-sellers.js';
import { mergeSellerRisk } from './merge-seller-risk.js';

function listing(id: string, overrides: Partial<Listing> = {}): Listing {
  return {
    platform: 'shopee',
    listingId: id,
    url: `https://shopee.vn/p/${id}`,
    title: `listing ${id}`,
    sellerId: 's1',
    capturedAt: '2026-03-01T08:00:00Z',
    ...overrides,
  };
}

function risk(overrides: Partial<RiskAssessment> = {}): RiskAssessment {
  return { score: 0, flagged: false, categories: [], signals: [], reasons: [], ruleset: 'r1', ...overrides };
}

function reason(rule: string, weight: number, match: string): Reason {
  return { rule, weight, match };
}

function only(sellers: SellerRisk[]): SellerRisk {
  expect(sellers).toHaveLength(1);
  return SellerRiskSchema.parse(sellers[0]);
}

describe('aggregateSellers', () => {
  it('groups by platform and seller id', () => {
    const sellers = aggregateSellers([
      { record: listing('a'), risk: risk() },
      { record: listing('b', { sellerId: 's2' }), risk: risk() },
      { record: listing('c', { platform: 'lazada' }), risk: risk() },
      { record: listing('d'), risk: risk() },
    ]);
    expect(sellers.map((s) => `${s.platform}:${s.sellerId}:${s.listingCount}`).sort()).toEqual([
      'lazada:s1:1',
      'shopee:s1:2',
      'shopee:s2:1',
    ]);
  });

  it('counts listings and flagged listings, a listing assessed twice once', () => {
    const seller = only(
      aggregateSellers([
        { record: listing('a'), risk: risk({ score: 70, flagged: true }) },
        { record: listing('b'), risk: risk({ score: 20 }) },
        { record: listing('c'), risk: risk({ score: 65, flagged: true }) },
        {
          record: listing('a', { capturedAt: '2026-03-02T08:00:00Z' }),
          risk: risk({ score: 70, flagged: true }),
        },
      ]),
    );
    expect(seller.listingCount).toBe(3);
    expect(seller.flaggedListingCount).toBe(2);
    expect(seller.flagged).toBe(true);
  });

  it('scores the strongest listing plus 2 per extra flagged listing', () => {
    const seller = only(
      aggregateSellers([
        { record: listing('a'), risk: risk({ score: 70, flagged: true }) },
        { record: listing('b'), risk: risk({ score: 55, flagged: true }) },
        { record: listing('c'), risk: risk({ score: 50, flagged: true }) },
        { record: listing('d'), risk: risk({ score: 10 }) },
      ]),
    );
    expect(seller.score).toBe(74);
  });

  it('caps the score at 100', () => {
    const items: AssessedRecord[] = Array.from({ length: 20 }, (_, i) => ({
      record: listing(`l${i}`),
      risk: risk({ score: 90, flagged: true }),
    }));
    expect(only(aggregateSellers(items)).score).toBe(100);
  });

  it('gives an unflagged seller its strongest score, no nudge', () => {
    const seller = only(
      aggregateSellers([
        { record: listing('a'), risk: risk({ score: 30 }) },
        { record: listing('b'), risk: risk({ score: 35 }) },
      ]),
    );
    expect(seller).toMatchObject({ score: 35, flagged: false, flaggedListingCount: 0 });
  });

  it('takes categories from flagged listings when there are any, else from all', () => {
    const flagged = only(
      aggregateSellers([
        {
          record: listing('a'),
          risk: risk({ flagged: true, categories: ['e_cigarettes'], signals: ['banned_goods'] }),
        },
        { record: listing('b'), risk: risk({ categories: ['cosmetics'], signals: ['unknown_origin'] }) },
      ]),
    );
    expect(flagged.categories).toEqual(['e_cigarettes']);
    expect(flagged.signals).toEqual(['unknown_origin', 'banned_goods']);

    const clean = only(
      aggregateSellers([
        { record: listing('a'), risk: risk({ categories: ['milk', 'cosmetics'] }) },
        { record: listing('b'), risk: risk({ categories: ['cosmetics'] }) },
      ]),
    );
    expect(clean.categories).toEqual(['cosmetics', 'milk']);
  });

  it('keeps first and last seen as given, whatever the order of arrival', () => {
    const seller = only(
      aggregateSellers([
        { record: listing('a', { capturedAt: '2026-03-05T10:00:00+07:00' }), risk: risk() },
        { record: listing('b', { capturedAt: '2026-03-01T01:00:00Z' }), risk: risk() },
        { record: listing('c', { capturedAt: '2026-03-09T00:00:00Z' }), risk: risk() },
        { record: listing('d', { capturedAt: '2026-03-04T12:00:00Z' }), risk: risk() },
      ]),
    );
    expect(seller.firstSeen).toBe('2026-03-01T01:00:00Z');
    expect(seller.lastSeen).toBe('2026-03-09T00:00:00Z');
  });

  it('takes name and ruleset from the latest record, ignoring empty names', () => {
    const seller = only(
      aggregateSellers([
        {
          record: listing('a', { sellerName: 'New Shop', capturedAt: '2026-03-03T00:00:00Z' }),
          risk: risk({ ruleset: 'r2' }),
        },
        {
          record: listing('b', { sellerName: 'Old Shop', capturedAt: '2026-03-01T00:00:00Z' }),
          risk: risk({ ruleset: 'r1' }),
        },
        {
          record: listing('c', { sellerName: '  ', capturedAt: '2026-03-04T00:00:00Z' }),
          risk: risk({ ruleset: 'r3' }),
        },
      ]),
    );
    expect(seller.name).toBe('New Shop');
    expect(seller.ruleset).toBe('r3');
    expect(seller.status).toBe('new');
  });

  it('normalises the location, falling back to where the goods ship from', () => {
    const own = only(
      aggregateSellers([{ record: listing('a', { sellerLocation: 'Bình Dương' }), risk: risk() }]),
    );
    expect(own).toMatchObject({ province: 'TP. Hồ Chí Minh', locationRaw: 'Bình Dương' });

    const ships = only(
      aggregateSellers([
        { record: listing('a', { sellerLocation: 'Kho hàng số 5', shipsFrom: 'Trung Quốc' }), risk: risk() },
      ]),
    );
    expect(ships).toMatchObject({ province: 'Nước ngoài', locationRaw: 'Trung Quốc' });

    const unknown = only(
      aggregateSellers([{ record: listing('a', { sellerLocation: 'Kho hàng số 5' }), risk: risk() }]),
    );
    expect(unknown.province).toBeUndefined();
    expect(unknown.locationRaw).toBe('Kho hàng số 5');
  });

  it('ranks top reasons by weight, distinct by rule and match, at most five', () => {
    const seller = only(
      aggregateSellers([
        {
          record: listing('a'),
          risk: risk({
            flagged: true,
            reasons: [
              reason('category.e_cigarettes', 30, 'vape'),
              reason('sign.no_invoice', 10, 'không hóa đơn'),
              reason('seller.official_store', -20, 'isOfficialStore'),
            ],
          }),
        },
        {
          record: listing('b'),
          risk: risk({
            flagged: true,
            reasons: [
              reason('category.e_cigarettes', 35, 'Vape'),
              reason('category.e_cigarettes', 25, 'pod'),
              reason('sign.replica', 20, 'rep 1:1'),
              reason('sign.cheap', 5, 'giá rẻ'),
              reason('sign.hand_carry', 15, 'xách tay'),
            ],
          }),
        },
      ]),
    );
    expect(seller.topReasons.map((r) => [r.rule, r.weight, r.match])).toEqual([
      ['category.e_cigarettes', 35, 'Vape'],
      ['category.e_cigarettes', 25, 'pod'],
      ['sign.replica', 20, 'rep 1:1'],
      ['sign.hand_carry', 15, 'xách tay'],
      ['sign.no_invoice', 10, 'không hóa đơn'],
    ]);
  });

  it('takes a livestream host as the seller', () => {
    const stream: Livestream = {
      kind: 'livestream',
      platform: 'tiktok',
      streamId: 'live-1',
      url: 'https://www.tiktok.com/@shop/live',
      title: 'xả kho vape',
      hostId: 'host-9',
      hostName: 'Shop Vape SG',
      hostLocation: 'Sài Gòn',
      capturedAt: '2026-03-01T12:00:00Z',
    };
    const seller = only(
      aggregateSellers([
        { record: stream, risk: risk({ score: 80, flagged: true, categories: ['e_cigarettes'] }) },
        {
          record: listing('p1', { platform: 'tiktok', sellerId: 'host-9' }),
          risk: risk({ score: 60, flagged: true }),
        },
      ]),
    );
    expect(seller).toMatchObject({
      platform: 'tiktok',
      sellerId: 'host-9',
      name: 'Shop Vape SG',
      province: 'TP. Hồ Chí Minh',
      locationRaw: 'Sài Gòn',
      listingCount: 2,
      flaggedListingCount: 2,
      score: 82,
    });
  });

  it('keeps the top reasons exact past hundreds of distinct ones', () => {
    const reasons = Array.from({ length: 300 }, (_, i) => reason('sign.many', (i * 37) % 300, `m${i}`));
    const seller = only(aggregateSellers([{ record: listing('a'), risk: risk({ flagged: true, reasons }) }]));
    expect(seller.topReasons.map((r) => r.weight)).toEqual([299, 298, 297, 296, 295]);
  });

  it('knows a livestream without a kind by its host', () => {
    const stream: Livestream = {
      platform: 'tiktok',
      streamId: 'live-2',
      url: 'https://www.tiktok.com/@shop/live',
      title: 'live',
      hostId: 'host-1',
      capturedAt: '2026-03-01T12:00:00Z',
    };
    expect(only(aggregateSellers([{ record: stream, risk: risk() }])).sellerId).toBe('host-1');
  });

  it('streams: add() one by one gives the same as the batch, highest score first', () => {
    const items: AssessedRecord[] = [
      { record: listing('a', { sellerId: 'low' }), risk: risk({ score: 10 }) },
      { record: listing('b', { sellerId: 'high' }), risk: risk({ score: 90, flagged: true }) },
      { record: listing('c', { sellerId: 'mid' }), risk: risk({ score: 50, flagged: true }) },
    ];
    const aggregator = new SellerAggregator();
    for (const { record, risk: assessment } of items) aggregator.add(record, assessment);
    expect(aggregator.size).toBe(3);
    expect(aggregator.sellers()).toEqual(aggregateSellers(items));
    expect(aggregator.sellers().map((s) => s.sellerId)).toEqual(['high', 'mid', 'low']);
  });
});

describe('mergeSellerRisk', () => {
  const stored: SellerRisk = {
    platform: 'shopee',
    sellerId: 's1',
    name: 'Old Name',
    province: 'Hà Nội',
    locationRaw: 'Hà Nội',
    categories: ['e_cigarettes'],
    signals: ['banned_goods'],
    listingCount: 4,
    flaggedListingCount: 2,
    score: 72,
    flagged: true,
    topReasons: [reason('category.e_cigarettes', 30, 'vape')],
    firstSeen: '2026-01-10T00:00:00Z',
    lastSeen: '2026-02-01T00:00:00Z',
    status: 'reviewing',
    ruleset: 'r1',
  };
  const batch: SellerRisk = {
    ...stored,
    name: 'New Name',
    province: 'TP. Hồ Chí Minh',
    locationRaw: 'TPHCM',
    categories: ['heated_tobacco'],
    signals: ['counterfeit'],
    listingCount: 3,
    flaggedListingCount: 3,
    score: 64,
    topReasons: [reason('category.e_cigarettes', 25, 'Vape'), reason('category.heated_tobacco', 28, 'iqos')],
    firstSeen: '2026-03-01T00:00:00Z',
    lastSeen: '2026-03-05T00:00:00Z',
    status: 'new',
    ruleset: 'r2',
  };

  it('keeps the stored status and earliest firstSeen, takes the newer name, place and ruleset', () => {
    const merged = SellerRiskSchema.parse(mergeSellerRisk(stored, batch));
    expect(merged).toMatchObject({
      status: 'reviewing',
      firstSeen: '2026-01-10T00:00:00Z',
      lastSeen: '2026-03-05T00:00:00Z',
      name: 'New Name',
      province: 'TP. Hồ Chí Minh',
      locationRaw: 'TPHCM',
      ruleset: 'r2',
      flagged: true,
    });
    expect(merged.categories).toEqual(['e_cigarettes', 'heated_tobacco']);
    expect(merged.signals).toEqual(['counterfeit', 'banned_goods']);
    expect(merged.topReasons.map((r) => r.match)).toEqual(['vape', 'iqos']);
  });

  it('takes the larger counts by default and the sum when asked', () => {
    const byMax = mergeSellerRisk(stored, batch);
    expect(byMax).toMatchObject({ listingCount: 4, flaggedListingCount: 3 });
    // strongest listing 70 (72 - 2) with 3 flagged listings
    expect(byMax.score).toBe(74);
    const bySum = mergeSellerRisk(stored, batch, { counts: 'sum' });
    expect(bySum).toMatchObject({ listingCount: 7, flaggedListingCount: 5, score: 78 });
  });

  it('keeps the stored firstSeen and name when the batch is older', () => {
    const older = {
      ...batch,
      name: 'Ancient',
      firstSeen: '2025-12-01T00:00:00Z',
      lastSeen: '2025-12-02T00:00:00Z',
    };
    const merged = mergeSellerRisk(stored, older);
    expect(merged).toMatchObject({
      firstSeen: '2025-12-01T00:00:00Z',
      lastSeen: '2026-02-01T00:00:00Z',
      name: 'Old Name',
      province: 'Hà Nội',
      ruleset: 'r1',
      status: 'reviewing',
    });
  });

  it('refuses to merge two different sellers', () => {
    expect(() => mergeSellerRisk(stored, { ...batch, sellerId: 's2' })).toThrow(/different sellers/);
  });
});
