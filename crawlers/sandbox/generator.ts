import {
  LIVE_TITLES,
  PRODUCT_KINDS,
  PROVINCES,
  SHOP_NAMES,
  SHOP_WORDS,
  type ProductKind,
} from './catalog-data.js';

/** One listing of the sandbox marketplace, as the generator knows it (the truth). */
export interface SandboxListing {
  index: number;
  kind: ProductKind;
  /** Taxonomy id of the kind, undefined for ordinary goods. */
  category: string | undefined;
  violating: boolean;
  title: string;
  slug: string;
  brand: string;
  price: number;
  originalPrice: number;
  sold: number;
  rating: number;
  seller: SandboxSeller;
}

export interface SandboxSeller {
  index: number;
  name: string;
  slug: string;
  province: string;
  official: boolean;
  /** A shady seller lists the violating variants of priority goods. */
  shady: boolean;
}

export interface SandboxLivestream {
  index: number;
  roomId: string;
  hostUniqueId: string;
  hostName: string;
  title: string;
  viewerCount: number;
  /** Unix seconds. */
  startTime: number;
  /** 2 = live, 4 = ended (TikTok's LiveRoom.status). */
  status: 2 | 4;
  pinned: number[];
}

export interface SandboxCatalogOptions {
  /** How many listings the marketplace holds (100 … 1,000,000). */
  listings: number;
  /** Changes every generated value; the same seed gives the same marketplace. */
  seed?: number;
  /** Listings per seller: a seller's listings are consecutive indexes. */
  listingsPerSeller?: number;
}

/** Unix seconds of the sandbox's "now", so generated pages never depend on the clock. */
export const SANDBOX_EPOCH = 1_767_225_600; // 2026-01-01T00:00:00Z

/**
 * A deterministic marketplace: every listing, seller and livestream is computed from its index
 * and the seed, so a million listings cost no memory and the same options give the same bytes.
 * Kinds cycle with the index (index % kinds), so a category's listings are an arithmetic series.
 */
export class SandboxCatalog {
  readonly size: number;
  readonly seed: number;
  readonly listingsPerSeller: number;
  readonly livestreamCount: number;

  constructor(options: SandboxCatalogOptions) {
    if (!Number.isInteger(options.listings) || options.listings < 1 || options.listings > 10_000_000) {
      throw new RangeError(`sandbox listings must be an integer in 1…10,000,000, got ${options.listings}`);
    }
    this.size = options.listings;
    this.seed = options.seed ?? 20260101;
    this.listingsPerSeller = options.listingsPerSeller ?? 20;
    this.livestreamCount = Math.max(3, Math.min(1000, Math.floor(this.size / 100)));
  }

  get sellerCount(): number {
    return Math.ceil(this.size / this.listingsPerSeller);
  }

  listing(index: number): SandboxListing | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    const random = rng(this.seed, index);
    const kind = PRODUCT_KINDS[index % PRODUCT_KINDS.length]!;
    const seller = this.seller(Math.floor(index / this.listingsPerSeller))!;
    const violating =
      kind.banned === true || (kind.violating.length > 0 && (seller.shady || kind.honest.length === 0));
    const templates = violating ? kind.violating : kind.honest;
    const brand = pick(random, kind.brands);
    const title = pick(random, templates).replace('{brand}', brand);
    const [low, high] = kind.priceRange;
    const price = roundPrice(low + random() * (high - low) * (violating ? 0.6 : 1));
    const discount = random() < 0.6 ? 0.1 + random() * 0.4 : 0;
    return {
      index,
      kind,
      category: kind.category,
      violating,
      title,
      slug: slugify(title),
      brand,
      price,
      originalPrice: discount > 0 ? roundPrice(price / (1 - discount)) : price,
      sold: Math.floor(random() ** 3 * 80_000),
      rating: Math.round((3.5 + random() * 1.5) * 10) / 10,
      seller,
    };
  }

  seller(index: number): SandboxSeller | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.sellerCount) return undefined;
    const random = rng(this.seed ^ 0x5e11e5, index);
    const name = `${pick(random, SHOP_NAMES)} ${pick(random, SHOP_WORDS)} ${index}`;
    const official = random() < 0.15;
    return {
      index,
      name,
      slug: slugify(name),
      province: pick(random, PROVINCES),
      official,
      shady: !official && random() < 0.35,
    };
  }

  livestream(index: number): SandboxLivestream | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.livestreamCount) return undefined;
    const random = rng(this.seed ^ 0x11fe, index);
    const pinned = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
      Math.floor(random() * this.size),
    );
    return {
      index,
      roomId: `7${String(3_000_000_000_000_000 + index)}`,
      hostUniqueId: `live_host_${index}`,
      hostName: `${pick(random, SHOP_NAMES)} Live`,
      title: pick(random, LIVE_TITLES),
      viewerCount: Math.floor(random() ** 2 * 25_000),
      startTime: SANDBOX_EPOCH - Math.floor(random() * 7200),
      status: random() < 0.8 ? 2 : 4,
      pinned: [...new Set(pinned)],
    };
  }

  /** Kinds a keyword search matches: a kind's keyword inside the query or the query inside it. */
  kindsForQuery(query: string): number[] {
    const folded = fold(query);
    if (folded === '') return PRODUCT_KINDS.map((_, index) => index);
    const matches = PRODUCT_KINDS.flatMap((kind, index) =>
      kind.keywords.some((keyword) => {
        const word = fold(keyword);
        return folded.includes(word) || word.includes(folded);
      })
        ? [index]
        : [],
    );
    return matches;
  }

  kindForTikiCategory(categoryId: number): number | undefined {
    const index = PRODUCT_KINDS.findIndex((kind) => kind.tikiCategoryId === categoryId);
    return index < 0 ? undefined : index;
  }

  /** How many listings belong to the given kinds. */
  countOfKinds(kinds: readonly number[]): number {
    const cycle = PRODUCT_KINDS.length;
    return kinds.reduce(
      (sum, kind) => sum + (kind < this.size ? Math.floor((this.size - 1 - kind) / cycle) + 1 : 0),
      0,
    );
  }

  /** The `position`-th listing index among the given kinds (interleaved), or undefined past the end. */
  indexAmongKinds(kinds: readonly number[], position: number): number | undefined {
    if (kinds.length === 0) return undefined;
    const cycle = PRODUCT_KINDS.length;
    const sorted = [...kinds].sort((a, b) => a - b);
    const round = Math.floor(position / sorted.length);
    const index = sorted[position % sorted.length]! + round * cycle;
    if (index < this.size) return index;
    // Past the end for this kind: fall back to scanning (only near the catalogue's end).
    let seen = 0;
    for (let candidate = 0; candidate < this.size; candidate++) {
      if (!sorted.includes(candidate % cycle)) continue;
      if (seen === position) return candidate;
      seen++;
    }
    return undefined;
  }

  /** Ids per platform: each marketplace numbers the same listing its own way. */
  ids(index: number): {
    tiki: number;
    tikiSpid: number;
    lazada: number;
    lazadaSku: number;
    shopee: number;
    tiktok: string;
  } {
    return {
      tiki: 270_000_000 + index,
      tikiSpid: 370_000_000 + index,
      lazada: 2_000_000_000 + index,
      lazadaSku: 5_000_000_000 + index,
      shopee: 20_000_000_000 + index,
      tiktok: `17290${String(index).padStart(14, '0')}`,
    };
  }

  /** The listing index behind a platform id, or undefined when the id is not ours. */
  indexFromId(
    platform: 'tiki' | 'tikiSpid' | 'lazada' | 'shopee' | 'tiktok',
    id: string | number,
  ): number | undefined {
    const value = Number(id);
    if (!Number.isFinite(value)) return undefined;
    const offsets = {
      tiki: 270_000_000,
      tikiSpid: 370_000_000,
      lazada: 2_000_000_000,
      shopee: 20_000_000_000,
    };
    const index = platform === 'tiktok' ? Number(String(id).slice(5)) : value - offsets[platform];
    if (platform === 'tiktok' && !String(id).startsWith('17290')) return undefined;
    return Number.isInteger(index) && index >= 0 && index < this.size ? index : undefined;
  }
}

/** mulberry32 seeded from (seed, index): a small, fast, reproducible generator. */
function rng(seed: number, index: number): () => number {
  let state = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function roundPrice(value: number): number {
  return Math.max(1000, Math.round(value / 1000) * 1000);
}

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .trim();
}

export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
