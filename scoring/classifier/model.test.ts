import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOLDOUT_FILE, readLabelledSet } from '../eval/labelled-set.js';
import { loadLexicons } from '../lexicons/load-lexicons.js';
import { Scorer } from '../scorer.js';
import { textFeatures } from './features.js';
import { FlagClassifier, MODEL_FILE } from './flag-classifier.js';
import { trainModel } from './train-model.js';

describe('flag classifier', () => {
  it('the committed model is exactly what the labelled training set trains (run `npm run train`)', () => {
    expect(trainModel()).toBe(readFileSync(MODEL_FILE, 'utf8'));
  });

  it('leans flagged on banned-goods words and ordinary on everyday goods, and says which words', () => {
    const classifier = FlagClassifier.load();
    const vape = classifier.predict(['pod', 'vape', 'tinh', 'dau', 'salt', 'nic', 'salt_nic']);
    const cooker = classifier.predict(['noi', 'com', 'dien', 'noi_com', 'com_dien']);
    expect(vape.probability).toBeGreaterThan(0.5);
    expect(cooker.probability).toBeLessThan(0.5);
    expect(vape.evidence.length).toBeGreaterThan(0);
  });

  it('has no opinion on words it never saw', () => {
    expect(FlagClassifier.load().predict(['zzqx', 'qqzx'])).toEqual({ probability: 0.5, evidence: [] });
  });
});

describe('FlagClassifier.predictTexts', () => {
  it('gives exactly what predict gives on the same texts’ features', () => {
    const scorer = new Scorer(loadLexicons(), undefined, { flagThreshold: 50, classifierWeight: 0 });
    const classifier = FlagClassifier.load();
    for (const { record } of readLabelledSet(HOLDOUT_FILE).slice(0, 80)) {
      const texts = [record.title, record.description ?? ''].map((text) => scorer.fold(text));
      expect(classifier.predictTexts(texts)).toEqual(classifier.predict(textFeatures(texts)));
    }
  });
});
