import type { FoldedText } from '../text/folded-text.js';

/**
 * Classifier features: folded words and word pairs (Vietnamese meaning lives in syllable
 * pairs: "thuoc la", "dien tu"). Tokens, never raw strings: natural's own tokenizers are
 * English and would split Vietnamese apart.
 */
export function textFeatures(texts: readonly FoldedText[]): string[] {
  const features = new Set<string>();
  for (const text of texts) {
    const words = text.plain.split(' ').filter((word) => word.length > 0 && word !== '\u0001');
    for (let i = 0; i < words.length; i++) {
      features.add(words[i]!);
      if (i + 1 < words.length) features.add(`${words[i]!}_${words[i + 1]!}`);
    }
  }
  return [...features];
}
