import type { DailyCount } from '../../index/seller-index.js';

export interface EarlyWarningAlert {
  province: string;
  category: string;
  recent: number;
  baseline: number;
  ratio: number | null;
}

const RECENT_DAYS = 7;
const MIN_RECENT = 3;

/**
 * Cells whose flagged items of the last 7 days reach at least 3 and at least twice their
 * weekly mean over the earlier days of the range (or that had none before): a simple,
 * explainable rise detector until the leads module brings its own.
 */
export function risingCells(days: readonly DailyCount[], from: string, to: string): EarlyWarningAlert[] {
  const recentFrom = addDays(to, -(RECENT_DAYS - 1));
  const earlierDays = Math.max(0, dayNumber(recentFrom) - dayNumber(from));
  const cells = new Map<string, { province: string; category: string; recent: number; earlier: number }>();
  for (const count of days) {
    const key = `${count.province}\u0000${count.category}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { province: count.province, category: count.category, recent: 0, earlier: 0 };
      cells.set(key, cell);
    }
    if (count.day >= recentFrom) cell.recent += count.flaggedItems;
    else cell.earlier += count.flaggedItems;
  }
  const alerts: EarlyWarningAlert[] = [];
  for (const cell of cells.values()) {
    const baseline = earlierDays > 0 ? (cell.earlier / earlierDays) * RECENT_DAYS : 0;
    if (cell.recent < MIN_RECENT || (baseline > 0 && cell.recent < 2 * baseline)) continue;
    alerts.push({
      province: cell.province,
      category: cell.category,
      recent: cell.recent,
      baseline: Math.round(baseline * 10) / 10,
      ratio: baseline > 0 ? Math.round((cell.recent / baseline) * 10) / 10 : null,
    });
  }
  return alerts.sort((a, b) => b.recent - a.recent || a.province.localeCompare(b.province));
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}
