import type { DailyCount } from '../../index/seller-index.js';
import { addDays } from '../days.js';
import type { Indicator } from './indicator.js';

/**
 * A spike: one province × category has far more flagged listings today than its own recent
 * days. Each cell is compared with itself, never with the country, because volumes differ by
 * two orders of magnitude between Hà Nội cosmetics and Lai Châu firecrackers.
 */
export interface SpikeThresholds {
  /** Days before the day that form the baseline: four weeks, so weekday patterns average out
   *  and seasonal drift (Tết, 11.11 sales) is followed within a month. */
  baselineDays: number;
  /** Fewest flagged listings that can be a spike: below it one shop's batch of uploads is noise. */
  minCount: number;
  /** Today at least this many times the baseline mean (mean floored at 1 listing a day). */
  minRatio: number;
  /** And at least this many standard deviations above the mean. The deviation is floored at
   *  √mean (Poisson noise of counts), so a flat baseline cannot make +1 look infinite. */
  minZ: number;
  /** At this ratio the spike is `high`. */
  highRatio: number;
}

export const SPIKE_THRESHOLDS: SpikeThresholds = {
  baselineDays: 28,
  minCount: 5,
  minRatio: 3,
  minZ: 3,
  highRatio: 5,
};

/** Spikes on `day`, from daily counts covering at least [day − baselineDays, day]. */
export function detectSpikes(
  counts: readonly DailyCount[],
  day: string,
  thresholds: SpikeThresholds = SPIKE_THRESHOLDS,
): Indicator[] {
  const first = addDays(day, -thresholds.baselineDays);
  const cells = new Map<string, { province: string; category: string; byDay: Map<string, number> }>();
  for (const count of counts) {
    if (count.day < first || count.day > day) continue;
    const key = `${count.province}\u0000${count.category}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { province: count.province, category: count.category, byDay: new Map() };
      cells.set(key, cell);
    }
    cell.byDay.set(count.day, (cell.byDay.get(count.day) ?? 0) + count.flaggedItems);
  }
  const indicators: Indicator[] = [];
  for (const cell of cells.values()) {
    const today = cell.byDay.get(day) ?? 0;
    if (today < thresholds.minCount) continue;
    const baseline: number[] = [];
    for (let offset = thresholds.baselineDays; offset >= 1; offset--)
      baseline.push(cell.byDay.get(addDays(day, -offset)) ?? 0);
    const mean = baseline.reduce((sum, value) => sum + value, 0) / baseline.length;
    const variance = baseline.reduce((sum, value) => sum + (value - mean) ** 2, 0) / baseline.length;
    const floorMean = Math.max(mean, 1);
    const deviation = Math.max(Math.sqrt(variance), Math.sqrt(floorMean));
    const ratio = today / floorMean;
    const z = (today - mean) / deviation;
    if (ratio < thresholds.minRatio || z < thresholds.minZ) continue;
    indicators.push({
      kind: 'spike',
      severity: ratio >= thresholds.highRatio ? 'high' : 'medium',
      day,
      province: cell.province,
      category: cell.category,
      value: today,
      baseline: Math.round(mean * 100) / 100,
      threshold: `≥ ${thresholds.minCount} listings, ≥ ${thresholds.minRatio}× the ${thresholds.baselineDays}-day mean, z ≥ ${thresholds.minZ}`,
      message: `${today} flagged ${cell.category} listings in ${cell.province} on ${day}: ${ratio.toFixed(1)}× its ${thresholds.baselineDays}-day mean of ${mean.toFixed(2)} (z ${z.toFixed(1)})`,
    });
  }
  return indicators.sort((a, b) => b.value / (b.baseline || 1) - a.value / (a.baseline || 1));
}
