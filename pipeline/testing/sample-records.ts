import type { Listing } from '../../records/listing.js';

const TITLES = [
  'Pod vape Relx chính hãng tinh dầu 3%',
  'Son kem lì Black Rouge chính hãng',
  'Sữa bột Aptamil Đức xách tay không tem phụ',
  'Nồi cơm điện Sharp 1.8L',
  'Túi xách Chanel rép 1:1 like auth',
  'Sách giáo khoa lớp 5',
];

const PROVINCES = ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Bình Dương', 'Nước ngoài'];

/**
 * Deterministic listings for tests and child processes: `count` listings over
 * `count / perSeller` sellers, a mix of flagged and ordinary titles.
 */
export function sampleListings(
  count: number,
  options: { perSeller?: number; platform?: Listing['platform'] } = {},
): Listing[] {
  const perSeller = options.perSeller ?? 5;
  const platform = options.platform ?? 'tiki';
  return Array.from({ length: count }, (_, index): Listing => {
    const seller = Math.floor(index / perSeller);
    return {
      platform,
      listingId: String(100_000 + index),
      url: `https://example.test/p/${100_000 + index}`,
      title: `${TITLES[index % TITLES.length]!} #${index}`,
      price: 50_000 + (index % 17) * 10_000,
      sellerId: `s${seller}`,
      sellerName: `Shop ${seller}`,
      sellerLocation: PROVINCES[seller % PROVINCES.length]!,
      capturedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index % 3600)).toISOString(),
    };
  });
}
