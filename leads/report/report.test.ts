import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateDb } from '../state-db.js';
import { TakedownLedger } from '../takedown-ledger.js';
import { testWorld, type TestWorld } from '../testing/test-world.js';
import { withTakedownHistory } from '../testing/takedown-history.js';
import { buildPeriodReport, median } from './build-report.js';
import { periodContaining } from './period.js';

describe('report periods', () => {
  it('finds the month, quarter, half and year around a day', () => {
    expect(periodContaining('month', '2026-02-14')).toEqual({
      period: 'month',
      label: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodContaining('month', '2028-02-14').to).toBe('2028-02-29');
    expect(periodContaining('quarter', '2026-11-20')).toMatchObject({
      label: '2026-Q4',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodContaining('half', '2026-06-30')).toMatchObject({
      label: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(periodContaining('half', '2026-07-01')).toMatchObject({
      label: '2026-H2',
      from: '2026-07-01',
      to: '2026-12-31',
    });
    expect(periodContaining('year', '2026-11-20')).toMatchObject({
      label: '2026',
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  it('takes the median of odd and even lists', () => {
    expect(median([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('period report', () => {
  let w: TestWorld;
  beforeEach(async () => {
    w = await testWorld();
    await withTakedownHistory(w);
  });
  afterEach(async () => {
    await w.cleanup();
  });

  it('counts by category, province, platform and sign, and times the takedowns', async () => {
    const db = openStateDb(join(w.dir, 'leads.sqlite'));
    const report = await buildPeriodReport(w.index, w.config, new TakedownLedger(db), {
      period: 'month',
      at: '2026-11-20',
      now: new Date('2026-11-25T00:00:00Z'),
    });
    db.close();
    expect(report).toMatchObject({ label: '2026-11', from: '2026-11-01', to: '2026-11-30', complete: false });
    const asMap = (counts: { value: string; count: number }[]) =>
      Object.fromEntries(counts.map((c) => [c.value, c.count]));
    // Flagged items: p1, p2 (vape, Hà Nội), p3 (cosmetics, Đà Nẵng), live1 (vape + cigarettes, Hà Nội).
    expect(asMap(report.flaggedListings.byCategory)).toEqual({
      e_cigarettes: 3,
      cosmetics: 1,
      cigarettes: 1,
    });
    expect(asMap(report.flaggedListings.byProvince)).toEqual({ 'Hà Nội': 4, 'Đà Nẵng': 1 });
    expect(asMap(report.flaggedListings.byPlatform)).toEqual({ shopee: 3, tiktok: 2 });
    expect(report.sellers.active).toBe(4);
    expect(asMap(report.sellers.bySign)).toMatchObject({
      banned_goods: 2,
      counterfeit: 1,
      unknown_origin: 2,
    });
    expect(asMap(report.sellers.byStatus)).toMatchObject({ removed: 1, new: 3 });
    expect(report.takedowns).toMatchObject({ requested: 2, removed: 2, medianDaysToRemoval: 2 });
    expect(report.takedowns.byPlatform).toEqual([
      { platform: 'shopee', requested: 2, removed: 2, medianDaysToRemoval: 2 },
    ]);

    const october = await buildPeriodReport(w.index, w.config, undefined, {
      period: 'month',
      at: '2026-10-05',
    });
    expect(october.flaggedListings.categoryPairs).toBe(0);
    expect(october.complete).toBe(true);
  });
});
