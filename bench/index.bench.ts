/**
 * Seller index benchmark on the embedded store: bulk upsert rate, then latency of typical
 * analyst searches (text + two filters + facets) and of the hotspot aggregate.
 *
 *   npm run bench:index                       1,000,000 listings / 200,000 sellers
 *   npm run bench:index -- --listings 100000  a smaller run (sellers = listings / 5)
 *   options: --sellers N  --searches N  --batch N  --file PATH (kept; default a temp file, removed)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CATEGORY_IDS,
  PLATFORMS,
  SIGNAL_IDS,
  type CategoryId,
  type SellerRisk,
  type SignalId,
} from '../records/index.js';
import Database from 'better-sqlite3';
import { EmbeddedSellerIndex } from '../index/embedded/embedded-seller-index.js';
import type { ScoredListing, SellerQuery } from '../index/seller-index.js';

const { values } = parseArgs({
  options: {
    listings: { type: 'string', default: '1000000' },
    sellers: { type: 'string' },
    searches: { type: 'string', default: '300' },
    batch: { type: 'string', default: '10000' },
    file: { type: 'string' },
  },
});
const listingCount = positiveInt(values.listings, '--listings');
const sellerCount =
  values.sellers === undefined
    ? Math.max(1, Math.round(listingCount / 5))
    : positiveInt(values.sellers, '--sellers');
const searchCount = positiveInt(values.searches, '--searches');
const batchSize = positiveInt(values.batch, '--batch');

const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Hải Phòng',
  'Đà Nẵng',
  'TP. Hồ Chí Minh',
  'Cần Thơ',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];
/** Title words per category, as sellers write them (with and without marks). */
const WORDS: Partial<Record<CategoryId, string[]>> = {
  e_cigarettes: [
    'thuốc lá điện tử',
    'vape',
    'pod',
    'tinh dầu',
    'đầu pod',
    'juice',
    'thuoc la dien tu',
    'kit',
  ],
  heated_tobacco: ['thuốc lá nung nóng', 'iqos', 'heets', 'terea', 'máy hút'],
  cigarettes: ['thuốc lá', 'ngoại nhập', 'cây 10 bao', 'esse', 'marlboro'],
  cosmetics: ['mỹ phẩm', 'kem dưỡng', 'trắng da', 'serum', 'son môi', 'xách tay', 'hàng auth', 'my pham'],
  supplements: ['thực phẩm chức năng', 'viên uống', 'giảm cân', 'tăng cơ', 'collagen'],
  pharmaceuticals: ['thuốc', 'kháng sinh', 'giảm đau', 'không cần đơn'],
  milk: ['sữa bột', 'sữa công thức', 'nhập khẩu', 'similac', 'meiji'],
  watches: ['đồng hồ', 'rolex', 'super fake', 'máy nhật', 'dây da'],
  fashion: ['túi xách', 'giày', 'gucci', 'lv', 'rep 1:1', 'áo thun'],
  electronics: ['tai nghe', 'airpods', 'sạc nhanh', 'điện thoại', 'pin dự phòng'],
  alcohol: ['rượu ngoại', 'whisky', 'vang', 'chivas'],
  helmets: ['mũ bảo hiểm', 'nón', 'không tem'],
  firecrackers: ['pháo hoa', 'pháo nổ', 'pháo bông'],
};
const FILLER = [
  'chính hãng',
  'giá rẻ',
  'freeship',
  'sale',
  'hàng mới',
  'loại 1',
  'bao test',
  'sỉ lẻ',
  'cao cấp',
  'mẫu mới',
];
const CATEGORIES = CATEGORY_IDS.filter((id) => WORDS[id] !== undefined);
const SHOP_WORDS = ['Shop', 'Store', 'Kho', 'Tiệm', 'Nhà', 'Đại lý', 'Official', 'Mall', 'Chợ', 'Góc'];
const SHOP_NAMES = [
  'Điện Tử',
  'Minh Anh',
  'Hoàng Long',
  'Đức Thịnh',
  'Bảo Ngọc',
  'Thu Hà',
  'Vape House',
  'Mỹ Phẩm Xinh',
  'Đồ Hiệu',
  'Sữa Mẹ',
];

/** A small seeded generator, so every run builds the same world. */
let seed = 20_251_123;
function random(): number {
  seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
  return seed / 4_294_967_296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

interface SellerPlan {
  platform: (typeof PLATFORMS)[number];
  province: string;
  categories: CategoryId[];
  score: number;
}

const plans: SellerPlan[] = [];
for (let i = 0; i < sellerCount; i++) {
  const first = pick(CATEGORIES);
  const categories = random() < 0.3 ? [...new Set([first, pick(CATEGORIES)])] : [first];
  plans.push({
    platform: pick(PLATFORMS),
    province: pick(PROVINCES),
    categories,
    score: Math.floor(random() * 101),
  });
}

function makeSeller(i: number): SellerRisk {
  const plan = plans[i]!;
  const signals: SignalId[] = random() < 0.5 ? [pick(SIGNAL_IDS)] : [];
  return {
    platform: plan.platform,
    sellerId: `s${i}`,
    name: `${pick(SHOP_WORDS)} ${pick(SHOP_NAMES)} ${i % 997}`,
    province: plan.province,
    categories: plan.categories,
    signals,
    listingCount: 5,
    flaggedListingCount: plan.score >= 50 ? 1 + Math.floor(random() * 5) : 0,
    score: plan.score,
    flagged: plan.score >= 50,
    topReasons: [],
    firstSeen: new Date(Date.UTC(2026, 8, 1) + Math.floor(random() * 60) * 86_400_000).toISOString(),
    lastSeen: new Date(Date.UTC(2026, 10, 1) + Math.floor(random() * 22) * 86_400_000).toISOString(),
    status: 'new',
    ruleset: 'bench-1',
  };
}

function makeListing(i: number): ScoredListing {
  const sellerIndex = Math.floor(random() * sellerCount);
  const plan = plans[sellerIndex]!;
  const category = pick(plan.categories);
  const words = WORDS[category]!;
  const title = `${pick(words)} ${pick(words)} ${pick(FILLER)} ${pick(FILLER)} ${i % 500}ml`;
  const score = Math.max(0, Math.min(100, plan.score + Math.floor(random() * 21) - 10));
  const capturedAt = new Date(Date.UTC(2026, 10, 1) + Math.floor(random() * 22 * 86_400_000)).toISOString();
  return {
    platform: plan.platform,
    listingId: `l${i}`,
    url: `https://${plan.platform}.example/item/${i}`,
    title,
    price: 50_000 + Math.floor(random() * 2_000_000),
    sellerId: `s${sellerIndex}`,
    capturedAt,
    province: plan.province,
    risk: {
      score,
      flagged: score >= 50,
      categories: [category],
      signals: [],
      reasons: [{ rule: `category.${category}`, weight: score, match: words[0]! }],
      ruleset: 'bench-1',
    },
  };
}

/**
 * The floor any store pays: the same listings, serialised, upserted by primary key into a
 * plain SQLite table (WAL, one transaction per batch, no search structures).
 */
function baselineUpsertPerSec(file: string): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    const upsert = db.prepare(
      'INSERT INTO items (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc',
    );
    const writeBatch = db.transaction((rows: [string, string][]) => {
      for (const [id, doc] of rows) upsert.run(id, doc);
    });
    let millis = 0;
    for (let from = 0; from < listingCount; from += batchSize) {
      const rows: [string, string][] = [];
      for (let i = from; i < Math.min(listingCount, from + batchSize); i++) {
        const listing = makeListing(i);
        rows.push([`${listing.platform}:${listing.listingId}`, JSON.stringify(listing)]);
      }
      const started = performance.now();
      writeBatch(rows);
      millis += performance.now() - started;
    }
    return Math.round((listingCount * 1000) / millis);
  } finally {
    db.close();
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function timeAll(runs: number, work: (run: number) => Promise<unknown>): Promise<number[]> {
  return (async () => {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      await work(run);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b);
  })();
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = values.file === undefined ? mkdtempSync(join(tmpdir(), 'ecomwatch-bench-')) : undefined;
  const file = values.file ?? join(dir!, 'seller-index.sqlite');
  const index = new EmbeddedSellerIndex({ file });
  try {
    console.log(
      `seller index bench: ${listingCount.toLocaleString('en')} listings, ${sellerCount.toLocaleString('en')} sellers → ${file}`,
    );

    let start = performance.now();
    for (let from = 0; from < sellerCount; from += batchSize) {
      const batch: SellerRisk[] = [];
      for (let i = from; i < Math.min(sellerCount, from + batchSize); i++) batch.push(makeSeller(i));
      await index.upsertSellers(batch);
    }
    await index.refresh();
    const sellerSecs = (performance.now() - start) / 1000;

    // Listings arrive after their sellers, in random seller order (each batch touches
    // sellers all over the file); data generation is not timed.
    start = performance.now();
    const cpuStart = process.cpuUsage();
    let generateMillis = 0;
    for (let from = 0; from < listingCount; from += batchSize) {
      const generated = performance.now();
      const batch: ScoredListing[] = [];
      for (let i = from; i < Math.min(listingCount, from + batchSize); i++) batch.push(makeListing(i));
      generateMillis += performance.now() - generated;
      const result = await index.upsertItems(batch);
      if (result.dropped.length > 0)
        throw new Error(`bench data was dropped: ${JSON.stringify(result.dropped[0])}`);
    }
    // The embedded store rewrites each touched seller's search text once, before the next
    // search: that pass is part of the cost of making the listings searchable, so it is timed.
    const textPass = performance.now();
    await index.refresh();
    const textPassSecs = (performance.now() - textPass) / 1000;
    const listingSecs = (performance.now() - start - generateMillis) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const baselinePerSec = baselineUpsertPerSec(join(dir ?? tmpdir(), `baseline-${process.pid}.sqlite`));
    // CPU seconds of this process (data generation included): on a shared machine the wall
    // clock also counts time other processes held the cores.
    const listingCpuSecs = (cpu.user + cpu.system) / 1e6;

    const texts = [
      'thuoc la dien tu',
      'vape pod',
      'my pham xach tay',
      'sữa bột nhập khẩu',
      'đồng hồ rolex',
      'kem dưỡng trắng da',
      'iqos',
      'rượu ngoại',
      'tinh dau',
      'giày gucci',
    ];
    const queries: SellerQuery[] = [];
    for (let i = 0; i < searchCount; i++) {
      const query: SellerQuery = { text: pick(texts), province: [pick(PROVINCES)], limit: 20 };
      if (i % 2 === 0) query.category = [pick(CATEGORIES)];
      else query.platform = [pick(PLATFORMS)];
      queries.push(query);
    }
    let hitsSeen = 0;
    const searchTimes = await timeAll(searchCount, async (run) => {
      const result = await index.search(queries[run]!);
      hitsSeen += result.total;
    });
    const wideTimes = await timeAll(Math.min(50, searchCount), async (run) => {
      await index.search({ text: texts[run % texts.length]!, flagged: true, minScore: 50 });
    });
    // The web app's landing page: no text, no filters, sort by score, first page, with facets.
    const landingTimes = await timeAll(100, () => index.search({ limit: 20 }));
    // Filters only (as the API bench's "filters only" scenario), sorted by score or last seen.
    const filterQueries: SellerQuery[] = [
      { platform: ['shopee'], category: ['e_cigarettes'], minScore: 50 },
      { platform: ['lazada', 'tiki'], status: ['new'], province: ['Ha Noi'] },
      { category: ['cosmetics', 'supplements'], flagged: true, sort: 'lastSeen' },
    ];
    const filterTimes = await timeAll(100, (run) => index.search(filterQueries[run % filterQueries.length]!));
    // The same landing page right after a write: whatever a store caches is stale, so this is
    // what the first analyst after each pipeline batch waits for.
    const afterWrite = makeSeller(0);
    const landingColdTimes = await timeAll(20, async (run) => {
      afterWrite.score = run % 101;
      await index.upsertSellers([afterWrite]);
      await index.search({ limit: 20 });
    });
    const filtersColdTimes = await timeAll(30, async (run) => {
      afterWrite.score = run % 101;
      await index.upsertSellers([afterWrite]);
      await index.search(filterQueries[run % filterQueries.length]!);
    });
    // Bulk readers (lead lists): every flagged seller, by search pages of 100 and by scan pages of 500.
    let searchedSellers = 0;
    const pagedSearch = performance.now();
    for (let cursor: string | undefined, first = true; first || cursor !== undefined; first = false) {
      const page = await index.search({ flagged: true, limit: 100, ...(cursor ? { cursor } : {}) });
      searchedSellers += page.sellers.length;
      cursor = page.nextCursor;
    }
    const pagedSearchMs = performance.now() - pagedSearch;
    let scannedSellers = 0;
    const scanStart = performance.now();
    for (let afterKey: string | undefined, first = true; first || afterKey !== undefined; first = false) {
      const page = await index.scanSellers(
        { flagged: true },
        { limit: 500, ...(afterKey ? { afterKey } : {}) },
      );
      scannedSellers += page.sellers.length;
      afterKey = page.nextKey;
    }
    const scanMs = performance.now() - scanStart;
    const hotspotTimes = await timeAll(20, (run) =>
      index.hotspots(run % 2 === 0 ? {} : { platform: ['shopee'] }),
    );
    const dailyTimes = await timeAll(20, () => index.dailyCounts({ from: '2026-11-15', to: '2026-11-21' }));

    const size = statSync(file).size;
    const figures = {
      listings: listingCount,
      sellers: sellerCount,
      sellerUpsertPerSec: Math.round(sellerCount / sellerSecs),
      listingUpsertPerSec: Math.round(listingCount / listingSecs),
      listingUpsertPerCpuSec: Math.round(listingCount / listingCpuSecs),
      baselineUpsertPerSec: baselinePerSec,
      searchP50Ms: +percentile(searchTimes, 50).toFixed(1),
      searchP95Ms: +percentile(searchTimes, 95).toFixed(1),
      wideSearchP50Ms: +percentile(wideTimes, 50).toFixed(1),
      wideSearchP95Ms: +percentile(wideTimes, 95).toFixed(1),
      landingP50Ms: +percentile(landingTimes, 50).toFixed(1),
      landingP95Ms: +percentile(landingTimes, 95).toFixed(1),
      landingAfterWriteP50Ms: +percentile(landingColdTimes, 50).toFixed(1),
      landingAfterWriteP95Ms: +percentile(landingColdTimes, 95).toFixed(1),
      filtersOnlyP50Ms: +percentile(filterTimes, 50).toFixed(1),
      filtersOnlyP95Ms: +percentile(filterTimes, 95).toFixed(1),
      filtersOnlyAfterWriteP50Ms: +percentile(filtersColdTimes, 50).toFixed(1),
      filtersOnlyAfterWriteP95Ms: +percentile(filtersColdTimes, 95).toFixed(1),
      flaggedBySearchPagesMs: Math.round(pagedSearchMs),
      flaggedByScanMs: Math.round(scanMs),
      hotspotP50Ms: +percentile(hotspotTimes, 50).toFixed(1),
      hotspotP95Ms: +percentile(hotspotTimes, 95).toFixed(1),
      dailyCountsP50Ms: +percentile(dailyTimes, 50).toFixed(1),
      fileMiB: Math.round(size / 1_048_576),
    };
    console.log(
      `sellers upsert      ${figures.sellerUpsertPerSec.toLocaleString('en')} /s (${sellerSecs.toFixed(1)} s)`,
    );
    console.log(
      `listings upsert     ${figures.listingUpsertPerSec.toLocaleString('en')} /s (${listingSecs.toFixed(1)} s, of which ${textPassSecs.toFixed(1)} s rewriting seller search text)   target ≥ 20,000 /s`,
    );
    console.log(
      `baseline            ${baselinePerSec.toLocaleString('en')} /s: the same listings as JSON into a plain SQLite key-value table, same run; the index is ${(baselinePerSec / figures.listingUpsertPerSec).toFixed(2)}× slower`,
    );
    console.log(
      `                    ${figures.listingUpsertPerCpuSec.toLocaleString('en')} per CPU-second of this process (${listingCpuSecs.toFixed(1)} s CPU, data generation included)`,
    );
    console.log(
      `search (text + 2 filters + facets), ${searchCount} runs: p50 ${fmt(figures.searchP50Ms)}  p95 ${fmt(figures.searchP95Ms)}   target p95 ≤ 50 ms  (mean hits ${(hitsSeen / searchCount).toFixed(0)})`,
    );
    console.log(
      `wide search (text + flagged + score ≥ 50 + facets): p50 ${fmt(figures.wideSearchP50Ms)}  p95 ${fmt(figures.wideSearchP95Ms)}`,
    );
    console.log(
      `landing page (no text, no filters, score, first page, facets), 100 runs: p50 ${fmt(figures.landingP50Ms)}  p95 ${fmt(figures.landingP95Ms)}`,
    );
    console.log(
      `landing page right after a seller upsert (write + search), 20 runs: p50 ${fmt(figures.landingAfterWriteP50Ms)}  p95 ${fmt(figures.landingAfterWriteP95Ms)}`,
    );
    console.log(
      `filters only (3 filter sets, facets), 100 runs: p50 ${fmt(figures.filtersOnlyP50Ms)}  p95 ${fmt(figures.filtersOnlyP95Ms)}`,
    );
    console.log(
      `filters only right after a seller upsert (write + search), 30 runs: p50 ${fmt(figures.filtersOnlyAfterWriteP50Ms)}  p95 ${fmt(figures.filtersOnlyAfterWriteP95Ms)}`,
    );
    console.log(
      `all flagged sellers (${searchedSellers.toLocaleString('en')}): search pages of 100 ${fmt(pagedSearchMs)}, scanSellers pages of 500 (${scannedSellers.toLocaleString('en')}) ${fmt(scanMs)}`,
    );
    console.log(
      `hotspots (province × category): p50 ${fmt(figures.hotspotP50Ms)}  p95 ${fmt(figures.hotspotP95Ms)}`,
    );
    console.log(`daily counts (7 days): p50 ${fmt(figures.dailyCountsP50Ms)}`);
    console.log(`file ${figures.fileMiB} MiB (main database, without WAL)`);
    console.log(JSON.stringify(figures));
  } finally {
    await index.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

function positiveInt(raw: string | undefined, flag: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} must be a positive whole number, not ${String(raw)}`);
  return value;
}

await main();
