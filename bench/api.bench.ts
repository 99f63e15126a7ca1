/**
 * HTTP API benchmark: requests per second and p95 latency of the search endpoint over an
 * embedded index of 100,000 sellers, with autocannon on loopback. The server runs in a child
 * process so the load generator does not share its event loop.
 *
 *   npm run bench:api
 *   options: --sellers N (100000)  --listings-per-seller N (2)  --duration SECS (10)  --connections N (10)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedSellerIndex } from '../index/embedded/embedded-seller-index.js';
import type { ScoredListing } from '../index/seller-index.js';
import { CATEGORY_IDS, PLATFORMS, SIGNAL_IDS, type CategoryId, type SellerRisk } from '../records/index.js';
import { PROVINCE_NAMES } from '../scoring/sellers/index.js';
import { buildApp } from '../server/app.js';
import { SqliteTokenStore } from '../server/auth/token-store.js';
import { formatRate, percentile } from './stats.js';

/** The part of autocannon's (untyped) API this benchmark uses. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonInstance {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, millis: number) => void,
  ): void;
  then: Promise<AutocannonResult>['then'];
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: { method: 'GET'; path: string }[];
}) => AutocannonInstance;

const { values } = parseArgs({
  options: {
    child: { type: 'boolean', default: false },
    sellers: { type: 'string', default: '100000' },
    'listings-per-seller': { type: 'string', default: '2' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});

const SCENARIOS: { name: string; paths: string[] }[] = [
  {
    name: 'text + province + category (facets, 20/page)',
    paths: [
      '/api/sellers?q=thuoc%20la%20dien%20tu&province=Ha%20Noi&category=e_cigarettes',
      '/api/sellers?q=my%20pham%20xach%20tay&province=TP.%20H%E1%BB%93%20Ch%C3%AD%20Minh&category=cosmetics',
      '/api/sellers?q=sua%20bot&province=Da%20Nang&category=milk',
      '/api/sellers?q=dong%20ho&province=Hai%20Phong&category=watches',
    ],
  },
  {
    name: 'filters only, sorted by score (facets, 20/page)',
    paths: [
      '/api/sellers?platform=shopee&category=e_cigarettes&minScore=50',
      '/api/sellers?platform=lazada,tiki&status=new&province=Ha%20Noi',
      '/api/sellers?category=cosmetics,supplements&flagged=true&sort=lastSeen',
    ],
  },
  { name: 'everything, first page (facets over all 100k)', paths: ['/api/sellers'] },
];

interface Ready {
  port: number;
  token: string;
  sellers: number;
  listings: number;
  loadMillis: number;
  /** Mean milliseconds of one request of each scenario with nothing else running (in-process inject). */
  serialMillis: number[];
}

if (values.child) await serve();
else await drive();

/** Parent: starts the server child, then runs each search scenario under load. */
async function drive(): Promise<void> {
  const child = fork(new URL(import.meta.url).pathname, ['--child', ...process.argv.slice(2)], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const [ready] = (await once(child, 'message')) as [Ready];
    console.log(
      `index: ${formatRate(ready.sellers)} sellers, ${formatRate(ready.listings)} listings loaded in ${(ready.loadMillis / 1000).toFixed(1)} s`,
    );
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    const url = `http://127.0.0.1:${ready.port}`;
    const headers = { authorization: `Bearer ${ready.token}` };
    const duration = Number(values.duration);
    const connections = Number(values.connections);
    console.log(`load: autocannon, ${connections} connections, ${duration} s per scenario, loopback\n`);
    for (const [i, scenario] of SCENARIOS.entries()) {
      // A short warm-up, so the first figures are not the page cache filling.
      await run(autocannon, url, headers, scenario.paths, connections, 2);
      const { result, times } = await run(autocannon, url, headers, scenario.paths, connections, duration);
      const bad = result.non2xx + result.errors + result.timeouts;
      console.log(
        `${scenario.name}\n  one at a time: ${ready.serialMillis[i]!.toFixed(1)} ms/request\n  under load: ${formatRate(result.requests.average)} req/s · p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · p99 ${percentile(times, 99).toFixed(1)} ms · ${formatRate(result.requests.total)} requests${bad > 0 ? ` · ${bad} failed` : ''}`,
      );
    }
  } finally {
    await stop(child);
  }
}

async function run(
  autocannon: Autocannon,
  url: string,
  headers: Record<string, string>,
  paths: string[],
  connections: number,
  duration: number,
): Promise<{ result: AutocannonResult; times: number[] }> {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration,
    headers,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  instance.on('response', (_client, _status, _bytes, millis) => times.push(millis));
  const result = await instance;
  return { result, times };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Child: fills an embedded index, starts the app on a free loopback port, reports it. */
async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ecomwatch-bench-api-'));
  const index = new EmbeddedSellerIndex({ file: join(dir, 'seller-index.sqlite') });
  const tokens = new SqliteTokenStore(join(dir, 'tokens.sqlite'));
  const started = Date.now();
  const sellerCount = Number(values.sellers);
  const perSeller = Number(values['listings-per-seller']);
  const world = makeWorld(sellerCount, perSeller);
  for (let at = 0; at < world.listings.length; at += 20_000)
    await index.upsertItems(world.listings.slice(at, at + 20_000));
  for (let at = 0; at < world.sellers.length; at += 20_000)
    await index.upsertSellers(world.sellers.slice(at, at + 20_000));
  await index.refresh();
  const loadMillis = Date.now() - started;
  const { token } = tokens.create({ role: 'analyst', name: 'bench' });
  const app = await buildApp({ index, tokens });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.once('SIGTERM', () => {
    void (async () => {
      await app.close();
      await index.close();
      tokens.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
  const serialMillis: number[] = [];
  for (const scenario of SCENARIOS) {
    const headers = { authorization: `Bearer ${token}` };
    for (const path of scenario.paths) await app.inject({ url: path, headers });
    const rounds = 10;
    const started = performance.now();
    for (let round = 0; round < rounds; round++) {
      for (const path of scenario.paths) {
        const response = await app.inject({ url: path, headers });
        if (response.statusCode !== 200)
          throw new Error(`${path} answered ${response.statusCode}: ${response.body}`);
      }
    }
    serialMillis.push((performance.now() - started) / (rounds * scenario.paths.length));
  }
  const ready: Ready = {
    port,
    token,
    sellers: sellerCount,
    listings: world.listings.length,
    loadMillis,
    serialMillis,
  };
  process.send?.(ready);
}

/** A seeded world: sellers over the 34 units, titles as sellers write them. */
function makeWorld(
  sellerCount: number,
  perSeller: number,
): { sellers: SellerRisk[]; listings: ScoredListing[] } {
  let seed = 20_261_123;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const words: Partial<Record<CategoryId, string[]>> = {
    e_cigarettes: ['thuốc lá điện tử', 'vape', 'pod', 'tinh dầu', 'thuoc la dien tu'],
    cosmetics: ['mỹ phẩm', 'kem dưỡng', 'xách tay', 'serum', 'my pham'],
    supplements: ['thực phẩm chức năng', 'viên uống', 'giảm cân'],
    milk: ['sữa bột', 'sữa công thức', 'nhập khẩu'],
    watches: ['đồng hồ', 'rolex', 'super fake'],
    alcohol: ['rượu ngoại', 'whisky', 'chivas'],
    pharmaceuticals: ['thuốc', 'kháng sinh', 'giảm đau'],
  };
  const categories = CATEGORY_IDS.filter((id) => words[id] !== undefined);
  const sellers: SellerRisk[] = [];
  const listings: ScoredListing[] = [];
  for (let i = 0; i < sellerCount; i++) {
    const platform = pick(PLATFORMS);
    const province = pick(PROVINCE_NAMES);
    const category = pick(categories);
    const score = Math.floor(random() * 101);
    sellers.push({
      platform,
      sellerId: `s${i}`,
      name: `${pick(['Shop', 'Kho', 'Tiệm', 'Đại lý'])} ${pick(['Minh Anh', 'Hoàng Long', 'Đức Thịnh', 'Thu Hà'])} ${i % 997}`,
      province,
      categories: [category],
      signals: random() < 0.5 ? [pick(SIGNAL_IDS)] : [],
      listingCount: perSeller,
      flaggedListingCount: score >= 50 ? perSeller : 0,
      score,
      flagged: score >= 50,
      topReasons: [],
      firstSeen: new Date(Date.UTC(2026, 8, 1) + Math.floor(random() * 60) * 86_400_000).toISOString(),
      lastSeen: new Date(Date.UTC(2026, 10, 1) + Math.floor(random() * 22) * 86_400_000).toISOString(),
      status: 'new',
      ruleset: 'bench-1',
    });
    for (let j = 0; j < perSeller; j++) {
      const term = words[category]!;
      const capturedAt = new Date(
        Date.UTC(2026, 10, 1) + Math.floor(random() * 22 * 86_400_000),
      ).toISOString();
      listings.push({
        platform,
        listingId: `l${i}-${j}`,
        url: `https://${platform}.example/item/${i}-${j}`,
        title: `${pick(term)} ${pick(term)} chính hãng giá rẻ ${j}`,
        sellerId: `s${i}`,
        capturedAt,
        province,
        risk: {
          score,
          flagged: score >= 50,
          categories: [category],
          signals: [],
          reasons: [{ rule: `category.${category}`, weight: score, match: term[0]! }],
          ruleset: 'bench-1',
        },
      });
    }
  }
  return { sellers, listings };
}
