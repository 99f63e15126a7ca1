import type { FoldedText } from '../text/folded-text.js';

/**
 * Classifier features: folded words and word pairs (Vietnamese meaning lives in syllable
 * pairs: "thuoc la", "dien tu"). Tokens, never raw strings: natural's own tokenizers are
 * English and would split Vietnamese apart. FlagClassifier.predictTexts walks the same
 * words and pairs on word ids; its test holds the two together.
 */
export function textFeatures(texts: readonly FoldedText[]): string[] {
  const features = new Set<string>();
  for (const text of texts) {
    let previous = '';
    for (const word of text.plain.split(' ')) {
      if (word === '') continue;
      features.add(word);
      if (previous !== '') features.add(`${previous}_${word}`);
      previous = word;
    }
  }
  return [...features];
}
