import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
