import type { Platform, RiskAssessment, SellerRisk } from '../../records/index.js';
import type { ScoredListing, ScoredLivestream } from '../seller-index.js';

const SHA = 'a'.repeat(64);

export function risk(
  score: number,
  categories: RiskAssessment['categories'],
  signals: RiskAssessment['signals'] = [],
) {
  return {
    score,
    flagged: score >= 50,
    categories,
    signals,
    reasons: categories.map((category) => ({
      rule: `category.${category}`,
      weight: score / 2,
      match: category,
    })),
    ruleset: 'test-1',
  } satisfies RiskAssessment;
}

export function listing(
  platform: Platform,
  listingId: string,
  sellerId: string,
  title: string,
  assessment: RiskAssessment,
  options: { capturedAt?: string; province?: string } = {},
): ScoredListing {
  const capturedAt = options.capturedAt ?? '2026-11-20T03:00:00.000Z';
  const item: ScoredListing = {
    platform,
    listingId,
    url: `https://${platform}.example/item/${listingId}`,
    title,
    sellerId,
    capturedAt,
    risk: assessment,
    evidence: {
      capturedAt,
      url: `https://${platform}.example/item/${listingId}`,
      sha256: SHA,
      path: `evidence/${listingId}.json`,
    },
  };
  if (options.province !== undefined) item.province = options.province;
  return item;
}

export function livestream(
  platform: Platform,
  streamId: string,
  hostId: string,
  title: string,
  assessment: RiskAssessment,
  options: { capturedAt?: string; province?: string } = {},
): ScoredLivestream {
  const item: ScoredLivestream = {
    platform,
    streamId,
    url: `https://${platform}.example/live/${streamId}`,
    title,
    hostId,
    capturedAt: options.capturedAt ?? '2026-11-20T03:00:00.000Z',
    risk: assessment,
  };
  if (options.province !== undefined) item.province = options.province;
  return item;
}

export function seller(
  platform: Platform,
  sellerId: string,
  fields: Partial<SellerRisk> & Pick<SellerRisk, 'score' | 'categories'>,
): SellerRisk {
  return {
    platform,
    sellerId,
    signals: [],
    listingCount: 1,
    flaggedListingCount: fields.score >= 50 ? 1 : 0,
    flagged: fields.score >= 50,
    topReasons: [],
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: '2026-11-20T00:00:00.000Z',
    status: 'new',
    ruleset: 'test-1',
    ...fields,
  };
}

/**
 * A small world: five sellers on three platforms, with Vietnamese names and titles that need
 * the đ fold, one livestream host, one seller with no listings yet.
 */
export function world() {
  const sellers: SellerRisk[] = [
    seller('shopee', 's1', {
      name: 'Shop Điện Tử Vape Hà Nội',
      province: 'Hà Nội',
      score: 92,
      categories: ['e_cigarettes'],
      signals: ['banned_goods'],
      listingCount: 2,
      flaggedListingCount: 2,
      firstSeen: '2026-11-02T00:00:00.000Z',
      lastSeen: '2026-11-20T00:00:00.000Z',
    }),
    seller('shopee', 's2', {
      name: 'Mỹ phẩm xách tay Đà Nẵng',
      province: 'Đà Nẵng',
      score: 71,
      categories: ['cosmetics'],
      signals: ['counterfeit', 'unknown_origin'],
      listingCount: 1,
      flaggedListingCount: 1,
      firstSeen: '2026-10-15T00:00:00.000Z',
      lastSeen: '2026-11-18T00:00:00.000Z',
    }),
    seller('lazada', 'l1', {
      name: 'Đồng hồ chính hãng',
      province: 'TP. Hồ Chí Minh',
      score: 40,
      categories: ['watches'],
      signals: [],
      listingCount: 1,
      flaggedListingCount: 0,
      firstSeen: '2026-09-01T00:00:00.000Z',
      lastSeen: '2026-11-10T00:00:00.000Z',
    }),
    seller('tiktok', 't1', {
      name: 'Live thuốc lá',
      province: 'Hà Nội',
      score: 85,
      categories: ['e_cigarettes', 'cigarettes'],
      signals: ['banned_goods', 'tobacco_online'],
      listingCount: 1,
      flaggedListingCount: 1,
      firstSeen: '2026-11-19T00:00:00.000Z',
      lastSeen: '2026-11-20T00:00:00.000Z',
    }),
    seller('tiki', 'k1', {
      name: 'Sữa bột nhập khẩu',
      score: 55,
      categories: ['milk'],
      signals: ['unknown_origin'],
      listingCount: 0,
      flaggedListingCount: 1,
    }),
  ];
  const items = [
    listing(
      'shopee',
      'p1',
      's1',
      'Thuốc lá điện tử pod Đà Lạt chính hãng',
      risk(92, ['e_cigarettes'], ['banned_goods']),
      {
        province: 'Hà Nội',
        capturedAt: '2026-11-20T03:00:00.000Z',
      },
    ),
    listing('shopee', 'p2', 's1', 'Tinh dầu vape vị xoài', risk(80, ['e_cigarettes'], ['banned_goods']), {
      province: 'Hà Nội',
      capturedAt: '2026-11-19T03:00:00.000Z',
    }),
    listing(
      'shopee',
      'p3',
      's2',
      'Kem dưỡng trắng da Hàn Quốc xách tay',
      risk(71, ['cosmetics'], ['counterfeit']),
      {
        province: 'Đà Nẵng',
        capturedAt: '2026-11-20T03:00:00.000Z',
      },
    ),
    listing('lazada', 'q1', 'l1', 'Đồng hồ nam dây da', risk(40, ['watches']), {
      province: 'TP. Hồ Chí Minh',
      capturedAt: '2026-11-20T03:00:00.000Z',
    }),
    livestream(
      'tiktok',
      'live1',
      't1',
      'Xả kho thuốc lá điện tử giá rẻ',
      risk(85, ['e_cigarettes', 'cigarettes']),
      {
        province: 'Hà Nội',
        capturedAt: '2026-11-20T03:00:00.000Z',
      },
    ),
  ];
  return { sellers, items };
}
