/**
 * Lead-list benchmark on the embedded index: all teams' lists for one day when every seller
 * is new, in CSV, XLSX and JSON, then the next day's (nothing changed: empty lists).
 *
 *   npm run bench:leads --                    200,000 flagged sellers, 2 listings each
 *   npm run bench:leads -- --sellers 20000    a smaller run
 *   options: --formats csv,xlsx,json  --teams N (split the 34 units over N teams; default 34)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { listing, risk, seller } from '../index/contract/fixtures.js';
import { EmbeddedSellerIndex } from '../index/embedded/embedded-seller-index.js';
import type { ScoredListing } from '../index/seller-index.js';
import { CATEGORY_IDS, type SellerRisk } from '../records/index.js';
import { PROVINCE_NAMES } from '../scoring/sellers/index.js';
import { produceDailyLeads } from '../leads/daily-leads.js';
import { LEAD_FORMATS, type LeadFormat } from '../leads/produce-leads.js';

const { values } = parseArgs({
  options: {
    sellers: { type: 'string', default: '200000' },
    formats: { type: 'string', default: LEAD_FORMATS.join(',') },
    teams: { type: 'string', default: '34' },
  },
});
const sellerCount = Number(values.sellers);
const teamCount = Math.max(1, Math.min(34, Number(values.teams)));
const formats = values.formats.split(',') as LeadFormat[];

const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-bench-leads-'));
writeFileSync(join(dir, 'empty.yaml'), '');
const teams = Array.from({ length: teamCount }, (_, t) => ({
  id: `team-${t}`,
  provinces: PROVINCE_NAMES.filter((_, p) => p % teamCount === t),
}));
const config = loadConfig({
  env: { ECOMWATCH_DATA_DIR: dir },
  file: join(dir, 'empty.yaml'),
  flags: { leads: { teams } },
});
const index = new EmbeddedSellerIndex({ file: join(dir, 'seller-index.sqlite') });

try {
  const loadStart = performance.now();
  const BATCH = 10_000;
  for (let start = 0; start < sellerCount; start += BATCH) {
    const sellers: SellerRisk[] = [];
    const items: ScoredListing[] = [];
    for (let n = start; n < Math.min(sellerCount, start + BATCH); n++) {
      const category = CATEGORY_IDS[n % CATEGORY_IDS.length]!;
      const province = n % 10 === 0 ? 'Kho hàng quốc tế' : PROVINCE_NAMES[n % PROVINCE_NAMES.length]!;
      const score = 50 + (n % 50);
      sellers.push(
        seller('shopee', `s${n}`, {
          name: `Shop ${n}`,
          province,
          score,
          categories: [category],
          flaggedListingCount: 2,
          listingCount: 2,
          // Crawls spread last-seen times over the weeks before the list day.
          lastSeen: new Date(Date.UTC(2026, 9, 20) + n * 13_000).toISOString(),
        }),
      );
      for (const k of [0, 1]) {
        items.push(
          listing(
            'shopee',
            `p${n}-${k}`,
            `s${n}`,
            `Sản phẩm ${category} số ${n}-${k}`,
            risk(score, [category]),
            { province },
          ),
        );
      }
    }
    await index.upsertItems(items);
    await index.upsertSellers(sellers);
  }
  await index.refresh();
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const rssAfterLoad = process.memoryUsage().rss;
  let peakRss = rssAfterLoad;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 50);
  const runStart = performance.now();
  const first = await produceDailyLeads(index, config, '2026-11-20', { formats });
  const firstSeconds = (performance.now() - runStart) / 1000;
  const againStart = performance.now();
  const second = await produceDailyLeads(index, config, '2026-11-21', { formats });
  const secondSeconds = (performance.now() - againStart) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const listed = first.teams.reduce((sum, team) => sum + team.sellers, 0);
  const relisted = second.teams.reduce((sum, team) => sum + team.sellers, 0);
  process.stdout.write(
    [
      `sellers indexed: ${sellerCount} (${(sellerCount * 2).toLocaleString('en')} listings) in ${loadSeconds.toFixed(1)} s`,
      `day 1, every seller new: ${listed} sellers on ${first.teams.length} lists, formats ${formats.join('+')}: ${firstSeconds.toFixed(1)} s`,
      `day 2, nothing changed: ${relisted} sellers: ${secondSeconds.toFixed(1)} s`,
      `RSS after indexing (SQLite page cache and mmap included): ${mb(rssAfterLoad)} MB`,
      `peak RSS during both runs: ${mb(peakRss)} MB; peak JS heap: ${mb(peakHeap)} MB`,
      '',
    ].join('\n'),
  );
} finally {
  await index.close();
  rmSync(dir, { recursive: true, force: true });
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
