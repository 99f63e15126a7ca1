import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../leads/report/build-report.js';
import { testWorld, type TestWorld } from '../../leads/testing/test-world.js';
import { withTakedownHistory } from '../../leads/testing/takedown-history.js';
import { UsageError } from '../usage-error.js';
import { runReport } from './report.js';

let w: TestWorld;
beforeEach(async () => {
  w = await testWorld();
  await withTakedownHistory(w);
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
