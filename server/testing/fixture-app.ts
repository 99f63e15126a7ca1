import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { listing, risk, seller, world } from '../../index/contract/fixtures.js';
import { EmbeddedSellerIndex } from '../../index/embedded/embedded-seller-index.js';
import type { ScoredListing } from '../../index/seller-index.js';
import { buildApp, type AppOptions } from '../app.js';
import { SqliteTokenStore } from '../auth/token-store.js';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const HOSTILE_TITLE = '"><script>alert(2)</script> vape pod';
export const HIGHLIGHT_TITLE = 'Bán thuốc lá điện tử pod chính hãng, ship toàn quốc';

export interface FixtureApp {
  app: FastifyInstance;
  dataDir: string;
  index: EmbeddedSellerIndex;
  tokens: SqliteTokenStore;
  /** A bearer token per role. */
  token: {
    admin: string;
    analyst: string;
    team: string;
    teamNoLeads: string;
    platform: string;
  };
  close(): Promise<void>;
}

/**
 * The app over an embedded index in a temp dir, filled from the index's contract fixtures plus
 * a seller with highlightable reasons and stored evidence, and a hostile seller whose name and
 * title are markup.
 */
export async function fixtureApp(options: Partial<AppOptions> = {}): Promise<FixtureApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecomwatch-server-'));
  const index = new EmbeddedSellerIndex({ file: join(dataDir, 'seller-index.sqlite') });
  const { sellers, items } = world();
  const extra = extraWorld(dataDir);
  await index.upsertItems([...items, ...extra.items]);
  await index.upsertSellers([...sellers, ...extra.sellers]);
  await index.refresh();
  const tokens = new SqliteTokenStore(join(dataDir, 'tokens.sqlite'));
  const token = {
    admin: tokens.create({ role: 'admin', name: 'Quản trị' }).token,
    analyst: tokens.create({ role: 'analyst', name: 'Nguyễn Thị Lan' }).token,
    team: tokens.create({
      role: 'team',
      name: 'QLTT Hà Nội',
      scope: { provinces: ['Hà Nội'], categories: ['e_cigarettes', 'cigarettes'], team: 'hn-tobacco' },
    }).token,
    teamNoLeads: tokens.create({
      role: 'team',
      name: 'Đội Đà Nẵng',
      scope: { provinces: ['Đà Nẵng'], categories: [] },
    }).token,
    platform: tokens.create({
      role: 'platform',
      name: 'Shopee T&S',
      scope: { platform: 'shopee', provinces: [], categories: [] },
    }).token,
  };
  const app = await buildApp({
    index,
    tokens,
    dataDir,
    now: () => new Date('2026-11-20T08:00:00Z'),
    ...options,
  });
  return {
    app,
    dataDir,
    index,
    tokens,
    token,
    async close() {
      await app.close();
      await index.close();
      tokens.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function extraWorld(dataDir: string) {
  const raw = '<html><body>Thuốc lá điện tử pod — 150.000đ</body></html>';
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const path = join('evidence', sha256.slice(0, 2), `${sha256}.html`);
  mkdirSync(join(dataDir, 'evidence', sha256.slice(0, 2)), { recursive: true });
  writeFileSync(join(dataDir, path), raw);

  const start = HIGHLIGHT_TITLE.indexOf('thuốc lá điện tử');
  const highlighted: ScoredListing = listing(
    'shopee',
    'h1',
    'h1seller',
    HIGHLIGHT_TITLE,
    risk(95, ['e_cigarettes'], ['banned_goods']),
    {
      province: 'Hà Nội',
    },
  );
  highlighted.risk.reasons = [
    {
      rule: 'category.e_cigarettes',
      weight: 70,
      match: 'thuốc lá điện tử',
      field: 'title',
      start,
      end: start + 'thuốc lá điện tử'.length,
    },
    {
      rule: 'sign.banned_goods',
      weight: 20,
      match: 'pod',
      field: 'title',
      start: HIGHLIGHT_TITLE.indexOf('pod'),
      end: HIGHLIGHT_TITLE.indexOf('pod') + 3,
    },
  ];
  highlighted.evidence = {
    capturedAt: '2026-11-20T03:00:00.000Z',
    url: 'https://shopee.example/item/h1',
    sha256,
    path,
  };

  const hostile = listing(
    'shopee',
    'x1',
    'xss',
    HOSTILE_TITLE,
    risk(88, ['e_cigarettes'], ['banned_goods']),
    { province: 'Hà Nội' },
  );
  hostile.url = 'javascript:alert(3)';
  hostile.risk.reasons = [
    {
      rule: 'category.e_cigarettes',
      weight: 60,
      match: 'vape pod',
      field: 'title',
      start: HOSTILE_TITLE.indexOf('vape'),
      end: HOSTILE_TITLE.length,
    },
  ];
  hostile.sellerName = HOSTILE_NAME;

  return {
    items: [highlighted, hostile],
    sellers: [
      seller('shopee', 'h1seller', {
        name: 'Vape Store Hoàn Kiếm',
        province: 'Hà Nội',
        score: 95,
        categories: ['e_cigarettes'],
        signals: ['banned_goods'],
      }),
      seller('shopee', 'xss', {
        name: HOSTILE_NAME,
        province: 'Hà Nội',
        score: 88,
        categories: ['e_cigarettes'],
        signals: ['banned_goods'],
      }),
    ],
  };
}
