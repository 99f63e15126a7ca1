import { CATEGORY_IDS } from '../../records/taxonomy.js';
import type { CategoryId, RiskAssessment } from '../../records/risk.js';
import type { Label } from './labelled-set.js';

export interface Counts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface Rates extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  records: number;
  flagged: Rates;
  categories: Record<CategoryId, Rates>;
  /** Category decisions pooled over every category. */
  categoryMicro: Rates;
}

/** Precision and recall of `flagged` and of each category, from predictions beside labels. */
export function evaluate(pairs: { label: Label; risk: RiskAssessment }[]): EvalReport {
  const flagged = zero();
  const perCategory = Object.fromEntries(CATEGORY_IDS.map((id) => [id, zero()])) as Record<
    CategoryId,
    Counts
  >;
  for (const { label, risk } of pairs) {
    tally(flagged, label.flagged, risk.flagged);
    const expected = new Set(label.categories);
    const predicted = new Set(risk.categories);
    for (const id of CATEGORY_IDS) tally(perCategory[id], expected.has(id), predicted.has(id));
  }
  const micro = zero();
  for (const counts of Object.values(perCategory)) {
    micro.truePositive += counts.truePositive;
    micro.falsePositive += counts.falsePositive;
    micro.falseNegative += counts.falseNegative;
  }
  const categories = Object.fromEntries(
    Object.entries(perCategory).map(([id, counts]) => [id, rates(counts)]),
  ) as Record<CategoryId, Rates>;
  return { records: pairs.length, flagged: rates(flagged), categories, categoryMicro: rates(micro) };
}

function zero(): Counts {
  return { truePositive: 0, falsePositive: 0, falseNegative: 0 };
}

function tally(counts: Counts, expected: boolean, predicted: boolean): void {
  if (expected && predicted) counts.truePositive++;
  else if (predicted) counts.falsePositive++;
  else if (expected) counts.falseNegative++;
}

/** Empty denominators count as perfect: nothing to find, nothing wrongly found. */
export function rates(counts: Counts): Rates {
  const { truePositive: tp, falsePositive: fp, falseNegative: fn } = counts;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}
