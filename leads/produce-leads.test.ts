import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listing, risk, seller } from '../index/contract/fixtures.js';
import { produceDailyLeads } from './daily-leads.js';
import { LeadLedger } from './lead-ledger.js';
import { buildLeadLists } from './produce-leads.js';
import { leadStateFile, openStateDb } from './state-db.js';
import { testWorld, type TestWorld } from './testing/test-world.js';

const TEAMS = {
  teams: [
    { id: 'hn', name: 'QLTT Hà Nội', provinces: ['Ha Noi'], categories: [] },
    { id: 'dn', provinces: ['Quảng Nam'], categories: [] },
  ],
  defaultTeam: 'triage',
};

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld({ leads: TEAMS });
});
afterEach(async () => {
  await w.cleanup();
});

type JsonList = {
  team: string;
  listDate: string;
  rows: { sellerKey: string; change: string; why: string }[];
};
const readJsonList = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonList;
const keysOf = (result: Awaited<ReturnType<typeof produceDailyLeads>>) =>
  Object.fromEntries(
    result.teams.map((team) => [
      team.team,
      readJsonList(team.files[0]!).rows.map((row) => `${row.sellerKey}:${row.change}`),
    ]),
  );

describe('daily lead lists', () => {
  it('routes each flagged seller to one team and never sends an unchanged seller again', async () => {
    const day1 = await produceDailyLeads(w.index, w.config, '2026-11-20', { formats: ['json'] });
    expect(keysOf(day1)).toEqual({
      hn: ['shopee:s1:new', 'tiktok:t1:new'],
      dn: ['shopee:s2:new'],
      triage: ['tiki:k1:new'],
    });

    // Day 2: nothing changed → every list is empty.
    const day2 = await produceDailyLeads(w.index, w.config, '2026-11-21', { formats: ['json'] });
    expect(keysOf(day2)).toEqual({ hn: [], dn: [], triage: [] });

    // Day 3: s2 scores higher, t1 gains a category, s1 calms down, a new seller appears.
    await w.index.upsertSellers([
      seller('shopee', 's2', {
        name: 'Mỹ phẩm xách tay Đà Nẵng',
        province: 'Đà Nẵng',
        score: 88,
        categories: ['cosmetics'],
      }),
      seller('tiktok', 't1', {
        province: 'Hà Nội',
        score: 85,
        categories: ['e_cigarettes', 'cigarettes', 'alcohol'],
        firstSeen: '2026-11-19T00:00:00.000Z',
      }),
      seller('shopee', 's1', { province: 'Hà Nội', score: 70, categories: ['e_cigarettes'] }),
      seller('lazada', 'l9', {
        province: 'Hai Duong',
        score: 66,
        categories: ['milk'],
        firstSeen: '2026-11-21T10:00:00.000Z',
      }),
    ]);
    await w.index.upsertItems([listing('lazada', 'q9', 'l9', 'Sữa bột Nhật nội địa', risk(66, ['milk']))]);
    await w.index.refresh();
    const day3 = await produceDailyLeads(w.index, w.config, '2026-11-22', { formats: ['json'] });
    const lists = Object.fromEntries(day3.teams.map((team) => [team.team, readJsonList(team.files[0]!)]));
    expect(lists['hn']!.rows.map((row) => `${row.sellerKey}:${row.change}`)).toEqual(['tiktok:t1:escalated']);
    expect(lists['hn']!.rows[0]!.why).toMatch(/new category: alcohol/);
    expect(lists['dn']!.rows.map((row) => row.why)).toEqual([expect.stringMatching(/score 71 → 88/)]);
    expect(lists['triage']!.rows.map((row) => `${row.sellerKey}:${row.change}`)).toEqual(['lazada:l9:new']);

    // Day 4: s1 back to 80 is still below what hn was sent (92): not escalated.
    await w.index.upsertSellers([
      seller('shopee', 's1', { province: 'Hà Nội', score: 80, categories: ['e_cigarettes'] }),
    ]);
    const day4 = await produceDailyLeads(w.index, w.config, '2026-11-23', { formats: ['json'] });
    expect(keysOf(day4)['hn']).toEqual([]);
  });

  it('gives the same list when a day is produced again, and leaves out sellers first seen later', async () => {
    const first = await produceDailyLeads(w.index, w.config, '2026-11-20', { formats: ['json'] });
    const again = await produceDailyLeads(w.index, w.config, '2026-11-20', { formats: ['json'] });
    expect(keysOf(again)).toEqual(keysOf(first));
    // t1 was first seen on 19 Nov (UTC, 07:00 in Hà Nội): not on the list of the 18th.
    const db = openStateDb(leadStateFile(w.config));
    try {
      const lists = await buildLeadLists(w.index, w.config, {
        date: '2026-11-18',
        ledger: new LeadLedger(db),
      });
      const hn = lists.find((list) => list.team.id === 'hn')!;
      expect(hn.rows.map((row) => row.seller.key)).toEqual(['shopee:s1']);
    } finally {
      db.close();
    }
  });

  it('produces only the asked team and leaves the others’ state alone', async () => {
    const result = await produceDailyLeads(w.index, w.config, '2026-11-20', {
      formats: ['json'],
      team: 'dn',
    });
    expect(result.teams.map((team) => team.team)).toEqual(['dn']);
    const later = await produceDailyLeads(w.index, w.config, '2026-11-21', { formats: ['json'] });
    expect(keysOf(later)['dn']).toEqual([]);
    expect(keysOf(later)['hn']).toHaveLength(2);
  });

  it('writes CSV with a BOM, XLSX with typed columns, filter and frozen header, and JSON, all read back', async () => {
    const result = await produceDailyLeads(w.index, w.config, '2026-11-20', {
      formats: ['csv', 'xlsx', 'json'],
    });
    const hn = result.teams.find((team) => team.team === 'hn')!;
    const [csvPath, xlsxPath, jsonPath] = hn.files as [string, string, string];
    expect(csvPath).toBe(join(w.dir, 'leads', '2026-11-20', 'leads-hn-2026-11-20.csv'));
    const warnings = JSON.parse(readFileSync(result.warnings!.file, 'utf8')) as {
      kind: string;
      indicators: unknown[];
    };
    expect(warnings).toEqual({
      kind: 'early-warnings',
      date: '2026-11-20',
      indicators: result.warnings!.indicators,
    });

    const csvBytes = readFileSync(csvPath);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse<Record<string, string>>(csvBytes, { bom: true, columns: true });
    expect(records.map((record) => record['Seller key'])).toEqual(['shopee:s1', 'tiktok:t1']);
    const s1 = records[0]!;
    expect(s1['Seller name']).toBe('Shop Điện Tử Vape Hà Nội');
    expect(s1['Province']).toBe('Hà Nội');
    expect(s1['Score']).toBe('92');
    expect(s1['Shop link']).toBe('https://shopee.vn/s1');
    expect(s1['Flagged listings']).toBe('2');
    expect(s1['Example listings']).toBe('https://shopee.example/item/p1; https://shopee.example/item/p2');
    expect(s1['Evidence SHA-256']).toBe(`${'a'.repeat(64)}; ${'a'.repeat(64)}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+1$/);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(3);
    const row = sheet.getRow(2);
    expect(row.getCell(column('Score')).value).toBe(92);
    expect(row.getCell(column('First seen')).value).toBeInstanceOf(Date);
    expect((row.getCell(column('First seen')).value as Date).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(row.getCell(column('Shop link')).value).toMatchObject({ hyperlink: 'https://shopee.vn/s1' });
    expect(row.getCell(column('Seller name')).value).toBe('Shop Điện Tử Vape Hà Nội');

    const json = readJsonList(jsonPath) as JsonList & {
      rows: { examples: { evidenceSha256: string }[]; score: number }[];
    };
    expect(json.team).toBe('hn');
    expect(json.listDate).toBe('2026-11-20');
    expect(json.rows[0]!.score).toBe(92);
    expect(json.rows[0]!.examples[0]!.evidenceSha256).toBe('a'.repeat(64));
  });

  it('neutralises formula-like seller text in CSV and XLSX cells but keeps it verbatim in JSON', async () => {
    const nasty = [
      '=HYPERLINK("http://evil.example","x")',
      '+cmd|calc',
      '-2+3',
      '@SUM(A1)',
      '\tTAB',
      '\rCR',
      '  =1+1',
    ];
    await w.index.upsertSellers(
      nasty.map((name, i) =>
        seller('shopee', `x${i}`, { name, province: 'Hà Nội', score: 60 + i, categories: ['cosmetics'] }),
      ),
    );
    await w.index.refresh();
    const result = await produceDailyLeads(w.index, w.config, '2026-11-20', {
      formats: ['csv', 'xlsx', 'json'],
    });
    const [csvPath, xlsxPath, jsonPath] = result.teams.find((team) => team.team === 'hn')!.files as [
      string,
      string,
      string,
    ];

    const records = parse<Record<string, string>>(readFileSync(csvPath), { bom: true, columns: true });
    const csvNames = records
      .filter((record) => record['Seller key']!.startsWith('shopee:x'))
      .map((record) => record['Seller name']!);
    expect(csvNames.sort()).toEqual(nasty.map((name) => `'${name}`).sort());

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    const nameColumn = (sheet.getRow(1).values as unknown[]).indexOf('Seller name');
    const xlsxNames: string[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cell = row.getCell(nameColumn);
      expect(cell.formula).toBeUndefined();
      xlsxNames.push(cell.text);
    });
    // XML turns a stored CR into LF on reading; the apostrophe in front is what matters.
    for (const name of nasty) expect(xlsxNames).toContain(`'${name.replace(/\r/g, '\n')}`);
    for (const value of xlsxNames) expect(value).not.toMatch(/^[=+\-@\t\r]/);

    const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as { rows: { sellerName?: string }[] };
    for (const name of nasty) expect(json.rows.map((row) => row.sellerName)).toContain(name);
  });
});
