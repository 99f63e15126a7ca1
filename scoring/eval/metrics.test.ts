import { describe, expect, it } from 'vitest';
import type { RiskAssessment } from '../../records/risk.js';
import { evaluate, rates } from './metrics.js';

const risk = (flagged: boolean, categories: RiskAssessment['categories']): RiskAssessment => ({
  score: flagged ? 80 : 10,
  flagged,
  categories,
  signals: [],
  reasons: [],
  ruleset: 'test',
});

describe('evaluate', () => {
  it('counts flagged and per-category hits, misses and false alarms', () => {
    const report = evaluate([
      { label: { flagged: true, categories: ['e_cigarettes'] }, risk: risk(true, ['e_cigarettes']) },
      { label: { flagged: true, categories: ['fashion'] }, risk: risk(false, ['fashion', 'watches']) },
      { label: { flagged: false, categories: ['milk'] }, risk: risk(true, []) },
      { label: { flagged: false, categories: [] }, risk: risk(false, []) },
    ]);
    expect(report.flagged).toMatchObject({
      truePositive: 1,
      falsePositive: 1,
      falseNegative: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(report.categories.watches).toMatchObject({ truePositive: 0, falsePositive: 1, precision: 0 });
    expect(report.categories.milk).toMatchObject({ falseNegative: 1, recall: 0 });
    expect(report.categoryMicro).toMatchObject({ truePositive: 2, falsePositive: 1, falseNegative: 1 });
  });

  it('treats an empty denominator as nothing missed', () => {
    expect(rates({ truePositive: 0, falsePositive: 0, falseNegative: 0 })).toMatchObject({
      precision: 1,
      recall: 1,
    });
  });
});
