import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listing, risk } from '../index/contract/fixtures.js';
import { exportSellerInfoRequest } from './seller-info-request.js';
import { openStateDb } from './state-db.js';
import { exportTakedowns } from './takedown-export.js';
import { TakedownLedger } from './takedown-ledger.js';
import type { TakedownNotice } from './takedown-notice.js';
import { applyTakedownChecks } from './takedown-outcomes.js';
import { moveCase } from './testing/move-case.js';
import { testWorld, type TestWorld } from './testing/test-world.js';

let w: TestWorld;
let db: Database;
let ledger: TakedownLedger;
beforeEach(async () => {
  w = await testWorld();
  db = openStateDb(join(w.dir, 'leads.sqlite'));
  ledger = new TakedownLedger(db);
  await moveCase(w.index, 'shopee:s1', ['reviewing', 'confirmed', 'referred']);
});
afterEach(async () => {
  db.close();
  await w.cleanup();
});

const NOW = new Date('2026-11-21T02:00:00.000Z');

describe('takedown exports', () => {
  it('exports the platform’s flagged listings of referred cases as CSV and marks them requested', async () => {
    const out = join(w.dir, 'td.csv');
    const result = await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'csv',
      out,
      ledger,
      now: NOW,
    });
    expect(result).toMatchObject({ items: 2, sellers: 1, marked: ['shopee:s1'], file: out });
    expect(result.requestId).toMatch(/^TD-shopee-20261121-[0-9a-f]{6}$/);

    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes, { bom: true, columns: true });
    expect(rows.map((row) => row['Listing id']).sort()).toEqual(['p1', 'p2']);
    const p1 = rows.find((row) => row['Listing id'] === 'p1')!;
    expect(p1['Listing URL']).toBe('https://shopee.example/item/p1');
    expect(p1['Shop id']).toBe('s1');
    expect(p1['Category']).toBe('e_cigarettes');
    expect(p1['Violation sign']).toBe('banned_goods');
    expect(p1['Legal basis']).toContain('Nghị quyết 173/2024/QH15');
    expect(p1['Legal basis']).toContain('[U: CHƯA XÁC MINH / UNVERIFIED]');
    expect(p1['Legal basis status']).toContain('V-n');
    expect(p1['Evidence SHA-256']).toBe('a'.repeat(64));
    expect(p1['Evidence captured at']).toBe('2026-11-20T03:00:00.000Z');
    expect(p1['Requesting agency']).toMatch(/Cục Quản lý và Phát triển thị trường trong nước/);
    expect(p1['Request id']).toBe(result.requestId);

    const { seller, history } = await w.index.getSeller('shopee:s1');
    expect(seller.status).toBe('takedown_requested');
    expect(history.at(-1)?.to).toBe('takedown_requested');
    expect(history.at(-1)?.reason).toContain(result.requestId);
    expect(ledger.isRequested('shopee:p1')).toBe(true);

    // The same listings never go out twice, unless asked.
    const again = await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'json',
      out: join(w.dir, 'again.json'),
      ledger,
    });
    expect(again.items).toBe(0);
    const forced = await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'json',
      out: join(w.dir, 'forced.json'),
      ledger,
      includeRequested: true,
      mark: false,
    });
    expect(forced.items).toBe(2);
  });

  it('writes JSON and one structured notice per request, read back', async () => {
    await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'json',
      out: join(w.dir, 'td.json'),
      ledger,
      mark: false,
    });
    const json = JSON.parse(readFileSync(join(w.dir, 'td.json'), 'utf8')) as {
      kind: string;
      platform: string;
      requestingAgency: string;
      rows: {
        listingId: string;
        platform: string;
        legalBasis: { status: string }[];
        evidenceSha256: string;
      }[];
    };
    expect(json.kind).toBe('takedown-request');
    expect(json.platform).toBe('shopee');
    expect(json.rows.every((row) => row.platform === 'shopee')).toBe(true);
    expect(json.rows[0]!.legalBasis.map((entry) => entry.status)).toContain('V-n');

    await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'notice',
      out: join(w.dir, 'notice.json'),
      ledger,
      now: NOW,
    });
    const notice = JSON.parse(readFileSync(join(w.dir, 'notice.json'), 'utf8')) as TakedownNotice;
    expect(notice.schema).toBe('ecomwatch-takedown-notice/1');
    expect(notice.notice.type).toBe('GovernmentRequest');
    expect(notice.notice.entities.map((entity) => entity.role)).toEqual(['sender', 'recipient']);
    expect(notice.notice.entities[1]!.name).toMatch(/Shopee/);
    expect(notice.notice.item_count).toBe(2);
    expect(notice.notice.works).toHaveLength(1);
    const work = notice.notice.works[0]!;
    expect(work.categories).toEqual(['e_cigarettes']);
    expect(work.infringing_urls.map((url) => url.listing_id).sort()).toEqual(['p1', 'p2']);
    expect(work.infringing_urls[0]!.evidence?.sha256).toBe('a'.repeat(64));
    expect(work.legal_basis.some((entry) => entry.instrument.includes('173/2024'))).toBe(true);
    expect(notice.notice.legal_basis.find((entry) => entry.instrument.includes('248/2026'))?.status).toBe(
      'U',
    );
  });

  it('keeps to the platform asked and leaves unreferred cases as they are', async () => {
    const result = await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'json',
      out: join(w.dir, 'wide.json'),
      ledger,
      statuses: ['new', 'referred'],
    });
    expect(result.sellers).toBe(2);
    expect(result.marked).toEqual(['shopee:s1']);
    expect(result.notMarked).toEqual([expect.objectContaining({ sellerKey: 'shopee:s2', status: 'new' })]);
    const rows = (
      JSON.parse(readFileSync(join(w.dir, 'wide.json'), 'utf8')) as { rows: { listingKey: string }[] }
    ).rows;
    expect(rows.map((row) => row.listingKey).sort()).toEqual(['shopee:p1', 'shopee:p2', 'shopee:p3']);
    expect((await w.index.getSeller('shopee:s2')).seller.status).toBe('new');

    const tiktok = await exportTakedowns(w.index, w.config, {
      platform: 'tiktok',
      format: 'csv',
      out: join(w.dir, 't.csv'),
      ledger,
      statuses: ['new'],
    });
    expect(tiktok.items).toBe(1);
  });

  it('neutralises formula-like titles in the CSV', async () => {
    await w.index.upsertItems([
      listing(
        'shopee',
        'evil',
        's1',
        '=HYPERLINK("http://x.example","click")',
        risk(90, ['e_cigarettes'], ['banned_goods']),
      ),
    ]);
    await w.index.refresh();
    const out = join(w.dir, 'evil.csv');
    await exportTakedowns(w.index, w.config, { platform: 'shopee', format: 'csv', out, ledger });
    const rows = parse<Record<string, string>>(readFileSync(out), { bom: true, columns: true });
    expect(rows.find((row) => row['Listing id'] === 'evil')!['Title']).toBe(
      '\'=HYPERLINK("http://x.example","click")',
    );
  });

  it('writes a seller-information request in every format', async () => {
    const csv = await exportSellerInfoRequest(w.index, w.config, {
      platform: 'shopee',
      format: 'csv',
      out: join(w.dir, 'si.csv'),
      ledger,
    });
    expect(csv.sellers).toBe(1);
    const rows = parse<Record<string, string>>(readFileSync(join(w.dir, 'si.csv')), {
      bom: true,
      columns: true,
    });
    expect(rows[0]).toMatchObject({ 'Shop id': 's1', Province: 'Hà Nội', 'Flagged listings': '2' });
    expect(rows[0]!['Requested information']).toMatch(/business registration or tax code/);
    expect(rows[0]!['Legal basis']).toMatch(/Điều 23 khoản 3 điểm d/);

    await exportSellerInfoRequest(w.index, w.config, {
      platform: 'shopee',
      format: 'notice',
      out: join(w.dir, 'si.notice.json'),
      ledger,
    });
    const notice = JSON.parse(readFileSync(join(w.dir, 'si.notice.json'), 'utf8')) as {
      notice: { requested_action: string; subjects: { shop_id: string; listing_urls: string[] }[] };
    };
    expect(notice.notice.requested_action).toBe('provide_information');
    expect(notice.notice.subjects[0]!.shop_id).toBe('s1');
    expect(notice.notice.subjects[0]!.listing_urls).toHaveLength(2);
    const json = JSON.parse(
      readFileSync(
        (
          await exportSellerInfoRequest(w.index, w.config, {
            platform: 'shopee',
            format: 'json',
            out: join(w.dir, 'si.json'),
            ledger,
          })
        ).file,
        'utf8',
      ),
    ) as { rows: unknown[] };
    expect(json.rows).toHaveLength(1);
    expect(ledger.requestsOf('shopee').filter((request) => request.kind === 'seller_info')).toHaveLength(3);
  });

  it('closes the case when the re-checks find every requested listing gone', async () => {
    await exportTakedowns(w.index, w.config, {
      platform: 'shopee',
      format: 'csv',
      out: join(w.dir, 'td.csv'),
      ledger,
      now: NOW,
    });
    const first = await applyTakedownChecks(w.index, ledger, [
      { platform: 'shopee', listingId: 'p1', checkedAt: '2026-11-22T00:00:00.000Z', status: 'gone' },
      { platform: 'shopee', listingId: 'p2', checkedAt: '2026-11-22T00:00:00.000Z', status: 'unchanged' },
    ]);
    expect(first).toEqual({ removed: 1, live: 1, casesClosed: [] });
    const second = await applyTakedownChecks(w.index, ledger, [
      { platform: 'shopee', listingId: 'p2', checkedAt: '2026-11-24T00:00:00.000Z', status: 'gone' },
      { platform: 'shopee', listingId: 'p1', checkedAt: '2026-11-25T00:00:00.000Z', status: 'gone' },
    ]);
    expect(second.casesClosed).toEqual(['shopee:s1']);
    expect(ledger.get('shopee:p1')?.removedAt).toBe('2026-11-22T00:00:00.000Z');
    expect((await w.index.getSeller('shopee:s1')).seller.status).toBe('removed');
  });
});
