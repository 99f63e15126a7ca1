import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../leads/report/build-report.js';
import { openStateDb } from '../../leads/state-db.js';
import { exportTakedowns } from '../../leads/takedown-export.js';
import { TakedownLedger } from '../../leads/takedown-ledger.js';
import { applyTakedownChecks } from '../../leads/takedown-outcomes.js';
import { moveCase } from '../../leads/testing/move-case.js';
import { testWorld, type TestWorld } from '../../leads/testing/test-world.js';
import { UsageError } from '../usage-error.js';
import { runReport } from './report.js';

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld();
  await moveCase(w.index, 'shopee:s1', ['reviewing', 'confirmed', 'referred']);
  const db = openStateDb(join(w.dir, 'leads.sqlite'));
  const ledger = new TakedownLedger(db);
  await exportTakedowns(w.index, w.config, {
    platform: 'shopee',
    format: 'csv',
    out: join(w.dir, 'td.csv'),
    ledger,
    now: new Date('2026-11-21T02:00:00.000Z'),
  });
  await applyTakedownChecks(w.index, ledger, [
    { platform: 'shopee', listingId: 'p1', checkedAt: '2026-11-22T02:00:00.000Z', status: 'gone' },
    { platform: 'shopee', listingId: 'p2', checkedAt: '2026-11-24T02:00:00.000Z', status: 'gone' },
  ]);
  db.close();
});
afterEach(async () => {
  await w.cleanup();
});

describe('ecomwatch report', () => {
  it('writes XLSX and JSON through the command, read back', async () => {
    const out = join(w.dir, 'reports');
    const lines: string[] = [];
    const code = await runReport(
      w.index,
      w.config,
      { period: 'quarter', at: '2026-11-20', format: [], out },
      (text) => lines.push(text),
    );
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/quarter 2026-Q4/);
    const json = JSON.parse(readFileSync(join(out, 'report-quarter-2026-Q4.json'), 'utf8')) as PeriodReport;
    expect(json.kind).toBe('ecomwatch-period-report');
    expect(json.takedowns.medianDaysToRemoval).toBe(2);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'report-quarter-2026-Q4.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Listings by category',
      'Listings by province',
      'Listings by platform',
      'Sellers by category',
      'Sellers by province',
      'Sellers by platform',
      'Sellers by sign',
      'Sellers by status',
      'Takedowns',
    ]);
    const category = workbook.getWorksheet('Listings by category')!;
    expect(category.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(category.autoFilter).toBe('A1:B1');
    expect(category.getRow(2).values).toEqual([undefined, 'e_cigarettes', 3]);
    const takedowns = workbook.getWorksheet('Takedowns')!;
    expect(takedowns.getRow(2).values).toEqual([undefined, 'all', 2, 2, 2]);
  });

  it('refuses a bad period, day or format', async () => {
    await expect(runReport(w.index, w.config, { period: 'week', format: [] })).rejects.toThrow(UsageError);
    await expect(
      runReport(w.index, w.config, { period: 'month', at: '2026-02-30', format: [] }),
    ).rejects.toThrow(/--at/);
    await expect(runReport(w.index, w.config, { period: 'month', format: ['pdf'] })).rejects.toThrow(
      /--format/,
    );
  });
});
