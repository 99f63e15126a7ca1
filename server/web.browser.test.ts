import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { LeadFiles } from './lead-files.js';
import {
  fixtureApp,
  HIGHLIGHT_TITLE,
  HOSTILE_NAME,
  HOSTILE_TITLE,
  type FixtureApp,
} from './testing/fixture-app.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = join(import.meta.dirname, '..', 'test-output', 'server');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let f: FixtureApp;
let base: string;
let browser: Browser;
let page: Page;
/** Anything a hostile string could make the page do: dialogs, errors, CSP refusals, fetching "x". */
let incidents: string[];
let leadsDir: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  leadsDir = mkdtempSync(join(tmpdir(), 'ecomwatch-web-leads-'));
  mkdirSync(join(leadsDir, 'leads', '2026-11-20'), { recursive: true });
  writeFileSync(
    join(leadsDir, 'leads', '2026-11-20', 'leads-hn-tobacco-2026-11-20.csv'),
    'seller,score\r\nshopee:s1,92\r\n',
  );
  mkdirSync(join(leadsDir, 'exports'));
  writeFileSync(join(leadsDir, 'exports', 'TD-shopee-20261120-abc123.csv'), 'url,listing\r\n');
  writeFileSync(
    join(leadsDir, 'leads', '2026-11-20', 'early-warnings-2026-11-20.json'),
    JSON.stringify({
      kind: 'early-warnings',
      date: '2026-11-20',
      indicators: [
        {
          kind: 'new_banned_seller',
          severity: 'high',
          day: '2026-11-20',
          province: 'Hà Nội',
          category: 'e_cigarettes',
          sellerKey: 'shopee:xss',
          value: 12,
          threshold: '≥ 10 flagged listings within 7 days of first seen',
          message: '<b>new</b> banned-goods seller shopee:xss with 12 flagged listings',
        },
      ],
    }),
  );
  f = await fixtureApp({ leads: new LeadFiles(loadConfig({ env: { ECOMWATCH_DATA_DIR: leadsDir } })) });
  base = await f.app.listen({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser.close();
  await f.close();
  rmSync(leadsDir, { recursive: true, force: true });
});

beforeEach(async () => {
  incidents = [];
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') incidents.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/x') incidents.push(`request: ${request.url()}`);
  });
});

async function signIn(token = f.token.analyst): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#token').fill(token);
  await page.locator('#signin button[type=submit]').click();
  await page.locator('#search-form').waitFor();
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!HAS_CHROMIUM)(
  HAS_CHROMIUM ? 'web app in Chromium' : 'web app in Chromium — SKIPPED: /usr/bin/chromium is missing',
  () => {
    it('refuses a wrong token and signs in with a good one, in Vietnamese first', async () => {
      await page.goto(`${base}/`);
      await expect(page.locator('#signin h1').textContent()).resolves.toBe('Đăng nhập');
      await shot('01-sign-in');
      await page.locator('#token').fill('ew_notarealtoken_xxxxxxxx');
      await page.locator('#signin button[type=submit]').click();
      await page.locator('#signin .error').waitFor();
      await signIn();
      await expect(page.locator('#session .who').textContent()).resolves.toContain('Nguyễn Thị Lan');
      expect(incidents.filter((line) => !line.includes('401'))).toEqual([]);
    });

    it('searches without diacritics, narrows by a facet, opens a seller, moves the case and shows the audit entry', async () => {
      await signIn();
      await page.locator('#q').fill('thuoc la dien tu');
      await page.locator('#search-form button[type=submit]').click();
      await page.locator('#seller-table').waitFor();
      await page.waitForURL(/#\/search\?.*q=/);
      await expect(page.locator('#seller-table').textContent()).resolves.toContain(
        'Shop Điện Tử Vape Hà Nội',
      );
      await page.locator('input[data-facet=platform][data-value=shopee]').check();
      await page.waitForURL(/platform=shopee/);
      await page.locator('#seller-table').waitFor();
      const platforms = await page.locator('#seller-table tbody tr td:nth-child(3)').allTextContents();
      expect(new Set(platforms)).toEqual(new Set(['shopee']));
      await shot('02-search');

      await page.getByRole('link', { name: 'Vape Store Hoàn Kiếm' }).click();
      await page.locator('#seller-name').waitFor();
      const marks = await page.locator('.field-title mark').allTextContents();
      expect(marks).toEqual(['thuốc lá điện tử', 'pod']);
      await expect(page.locator('.field-title .field-text').textContent()).resolves.toBe(HIGHLIGHT_TITLE);
      await expect(page.locator('.evidence .sha').first().textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);

      const reviewing = page.locator('#case-actions button[data-to=reviewing]');
      await expect(reviewing.isDisabled()).resolves.toBe(true);
      await page.locator('#reason').fill('Bán thuốc lá điện tử — hàng cấm từ 2025');
      await expect(reviewing.isDisabled()).resolves.toBe(false);
      await shot('03-seller-case');
      await reviewing.click();
      await page.locator('#case-actions .notice').waitFor();
      await expect(page.locator('#seller-status').textContent()).resolves.toBe('Đang xem xét');
      const audit = await page.locator('#audit tbody tr').first().textContent();
      expect(audit).toContain('Bán thuốc lá điện tử — hàng cấm từ 2025');
      expect(audit).toContain('Nguyễn Thị Lan');
      await shot('04-seller-after-status-change');
      expect(incidents).toEqual([]);
    });

    it('shows hostile seller text as text and runs nothing', async () => {
      await signIn();
      await page.locator('#q').fill('vape pod');
      await page.locator('#search-form button[type=submit]').click();
      await page.getByRole('link', { name: HOSTILE_NAME }).waitFor();
      await page.getByRole('link', { name: HOSTILE_NAME }).click();
      await page.locator('#seller-name').waitFor();
      await expect(page.locator('#seller-name').textContent()).resolves.toBe(HOSTILE_NAME);
      await expect(page.locator('.field-title .field-text').textContent()).resolves.toBe(HOSTILE_TITLE);
      await expect(page.locator('.field-sellerName .field-text').textContent()).resolves.toBe(HOSTILE_NAME);
      const scripts = page.locator('script');
      const sources: (string | null)[] = [];
      for (let i = 0; i < (await scripts.count()); i++)
        sources.push(await scripts.nth(i).getAttribute('src'));
      expect(sources).toEqual(['/app.js']);
      await expect(page.locator('img').count()).resolves.toBe(0);
      await expect(page.locator('[data-item="shopee:x1"] a.external').getAttribute('href')).resolves.toBe(
        '#',
      );
      await shot('05-hostile-seller');
      expect(incidents).toEqual([]);
    });

    it('draws the hotspot map of the 34 units and a trend per cell, and switches to English', async () => {
      await signIn();
      await page.locator('#nav a[href="#/hotspots"]').click();
      await page.locator('#heat-map').waitFor();
      await expect(page.locator('#indicators li a').textContent()).resolves.toBe(
        '<b>new</b> banned-goods seller shopee:xss with 12 flagged listings',
      );
      expect(await page.locator('#heat-map tbody tr').count()).toBeGreaterThanOrEqual(34);
      const cell = page.locator('#heat-map td[data-province="Hà Nội"][data-category="e_cigarettes"]');
      await expect(cell.locator('.count').textContent()).resolves.toMatch(/^\d+$/);
      await cell.click();
      await page.locator('#trend svg').waitFor();
      const heights = await Promise.all(
        (await page.locator('#trend svg rect').all()).map((rect) => rect.getAttribute('height')),
      );
      const bars = heights.filter((height) => Number(height) > 0).length;
      expect(bars).toBeGreaterThan(0);
      await shot('06-hotspots');
      await page.locator('#lang').click();
      await page.locator('#nav a[href="#/hotspots"]', { hasText: 'Hotspots' }).waitFor();
      await expect(page.locator('h1').first().textContent()).resolves.toContain('34 provinces');
      await shot('07-hotspots-english');
      expect(incidents).toEqual([]);
    });

    it('keeps a team token to its area and without status buttons', async () => {
      await signIn(f.token.team);
      await page.locator('#seller-table').waitFor();
      const provinces = await page.locator('#seller-table tbody tr td:nth-child(4)').allTextContents();
      expect(new Set(provinces)).toEqual(new Set(['Hà Nội']));
      await page.goto(`${base}/#/seller/shopee%3As1`);
      await page.locator('#seller-name').waitFor();
      await expect(page.locator('#case-actions button').count()).resolves.toBe(0);
      await page.goto(`${base}/#/seller/shopee%3As2`);
      await page.locator('main .error').waitFor();
      await expect(page.locator('main .error').textContent()).resolves.toMatch(/outside your team/);
    });

    it('lets a team download its lead list and a platform its takedown export', async () => {
      await signIn(f.token.team);
      await page.locator('#nav a[href="#/leads"]').click();
      await page.locator('#lead-lists table').waitFor();
      await shot('09-lead-lists');
      const downloading = page.waitForEvent('download');
      await page.locator('#lead-lists button', { hasText: 'CSV' }).click();
      expect((await downloading).suggestedFilename()).toBe('leads-hn-tobacco-2026-11-20.csv');

      await page.locator('#sign-out').click();
      await page.locator('#token').fill(f.token.platform);
      await page.locator('#signin button[type=submit]').click();
      await page.locator('#takedown').waitFor();
      const exporting = page.waitForEvent('download');
      await page.locator('#takedown button', { hasText: 'CSV' }).click();
      expect((await exporting).suggestedFilename()).toBe('TD-shopee-20261120-abc123.csv');
      await page.locator('#takedown button', { hasText: 'NOTICE' }).click();
      await expect(page.locator('#takedown .error').textContent()).resolves.toMatch(/ecomwatch takedown/);
      await shot('10-platform-takedown');
      expect(incidents.filter((line) => !line.includes('404'))).toEqual([]);
    });

    it('serves the OpenAPI docs under the same Content-Security-Policy', async () => {
      await page.goto(`${base}/docs`);
      await page.locator('.swagger-ui .opblock').first().waitFor();
      expect(await page.locator('.swagger-ui .opblock').count()).toBeGreaterThanOrEqual(10);
      await shot('08-api-docs');
      expect(incidents.filter((line) => line.startsWith('dialog') || line.startsWith('page error'))).toEqual(
        [],
      );
    });
  },
);
