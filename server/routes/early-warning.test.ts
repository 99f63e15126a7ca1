import { describe, expect, it } from 'vitest';
import type { DailyCount } from '../../index/seller-index.js';
import { addDays, risingCells } from './early-warning.js';

const count = (day: string, flaggedItems: number, province = 'Hà Nội', category = 'milk'): DailyCount => ({
  day,
  province,
  category,
  flaggedItems,
  sellers: 1,
});

describe('risingCells', () => {
  it('flags a cell whose last 7 days reach twice its weekly mean before', () => {
    const days = [
      count('2026-11-01', 1),
      count('2026-11-08', 1),
      count('2026-11-18', 3),
      count('2026-11-20', 2),
    ];
    const [alert] = risingCells(days, '2026-10-22', '2026-11-20');
    expect(alert).toMatchObject({ province: 'Hà Nội', category: 'milk', recent: 5 });
    expect(alert!.baseline).toBeCloseTo(0.6, 1);
  });

  it('ignores steady cells and small counts, and marks new cells with no ratio', () => {
    const steady = Array.from({ length: 30 }, (_, i) => count(addDays('2026-10-22', i), 1));
    expect(risingCells(steady, '2026-10-22', '2026-11-20')).toEqual([]);
    expect(risingCells([count('2026-11-20', 2)], '2026-10-22', '2026-11-20')).toEqual([]);
    expect(risingCells([count('2026-11-20', 4, 'Huế', 'alcohol')], '2026-10-22', '2026-11-20')).toEqual([
      { province: 'Huế', category: 'alcohol', recent: 4, baseline: 0, ratio: null },
    ]);
  });
});
