import type { FoldedText } from '../text/folded-text.js';

/**
 * Classifier features: folded words and word pairs (Vietnamese meaning lives in syllable
 * pairs: "thuoc la", "dien tu"). Tokens, never raw strings: natural's own tokenizers are
 * English and would split Vietnamese apart.
 */
export function textFeatures(texts: readonly FoldedText[]): string[] {
  const features = new Set<string>();
  forEachFeature(texts, (feature) => features.add(feature));
  return [...features];
}

/** The same features one at a time, repeats included: prediction dedupes only what it knows. */
export function forEachFeature(texts: readonly FoldedText[], visit: (feature: string) => void): void {
  for (const text of texts) {
    let previous = '';
    for (const word of text.plain.split(' ')) {
      if (word === '') continue;
      visit(word);
      if (previous !== '') visit(`${previous}_${word}`);
      previous = word;
    }
  }
}
