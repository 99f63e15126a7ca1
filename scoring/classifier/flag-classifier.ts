import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FoldedText } from '../text/folded-text.js';

export const MODEL_FILE = fileURLToPath(new URL('./model.json', import.meta.url));

const require = createRequire(import.meta.url);

/** The parts of natural's BayesClassifier that we use (natural ships no usable types here). */
interface NaturalBayes {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  features: Record<string, number>;
  classifier: {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    smoothing: number;
  };
}
interface NaturalModule {
  BayesClassifier: (new () => NaturalBayes) & { restore(data: unknown): NaturalBayes };
}

function natural(): NaturalModule {
  process.env.DOTENV_CONFIG_QUIET ??= 'true';
  return require('natural') as NaturalModule;
}

export const FLAGGED = 'flagged';
export const ORDINARY = 'ordinary';

export interface Prediction {
  /** P(flagged | words), normalised over the two labels. */
  probability: number;
  /** The words present that pushed most toward the prediction. */
  evidence: string[];
}

/**
 * natural's naive Bayes, trained on the labelled set and read sparsely: natural's own
 * `classify` compares every vocabulary word against the text (O(vocabulary) per record);
 * summing the learned log-ratios of the words present gives its answer in O(words).
 */
export class FlagClassifier {
  private readonly index = new Map<string, number>();
  private readonly logRatio = new Map<string, number>();
  /** The same ratios keyed by numbers, for scoring without building feature strings. */
  private readonly wordIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly unigramRatio = new Map<number, number>();
  /** first word id → second word id → ratio: small-integer keys only, which Maps look up fastest. */
  private readonly pairRatio = new Map<number, Map<number, number>>();
  private readonly priorLogOdds: number;
  /** SHA-256 of the model file, for the ruleset version. */
  readonly digest: string;

  private constructor(model: NaturalBayes, json: string) {
    this.digest = createHash('sha256').update(json).digest('hex');
    const { classFeatures, classTotals, smoothing } = model.classifier;
    // natural numbers features in the order it first saw them; its class tables use that number.
    for (const feature of Object.keys(model.features)) this.index.set(feature, this.index.size);
    const flagged = classFeatures[FLAGGED] ?? {};
    const ordinary = classFeatures[ORDINARY] ?? {};
    const flaggedTotal = classTotals[FLAGGED] ?? 1;
    const ordinaryTotal = classTotals[ORDINARY] ?? 1;
    for (const [feature, position] of this.index) {
      const pFlagged = (flagged[position] ?? smoothing) / flaggedTotal;
      const pOrdinary = (ordinary[position] ?? smoothing) / ordinaryTotal;
      this.logRatio.set(feature, Math.log(pFlagged / pOrdinary));
    }
    this.priorLogOdds = Math.log(flaggedTotal / ordinaryTotal);
    this.indexByNumber();
  }

  /** Every word of a known pair is a known word (training saw both), so pairs key on word ids. */
  private indexByNumber(): void {
    const idOf = (word: string): number => {
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.words.length;
        this.wordIds.set(word, id);
        this.words.push(word);
      }
      return id;
    };
    for (const [feature, ratio] of this.logRatio) {
      const cut = feature.indexOf('_');
      if (cut === -1) {
        this.unigramRatio.set(idOf(feature), ratio);
        continue;
      }
      const first = idOf(feature.slice(0, cut));
      let seconds = this.pairRatio.get(first);
      if (seconds === undefined) this.pairRatio.set(first, (seconds = new Map<number, number>()));
      seconds.set(idOf(feature.slice(cut + 1)), ratio);
    }
  }

  static train(documents: { features: string[]; flagged: boolean }[]): {
    classifier: FlagClassifier;
    json: string;
  } {
    const model = new (natural().BayesClassifier)();
    for (const { features, flagged } of documents) model.addDocument(features, flagged ? FLAGGED : ORDINARY);
    model.train();
    const json = JSON.stringify(model);
    return { classifier: FlagClassifier.fromJson(json), json };
  }

  static fromJson(json: string): FlagClassifier {
    return new FlagClassifier(natural().BayesClassifier.restore(JSON.parse(json)), json);
  }

  static load(file: string = MODEL_FILE): FlagClassifier {
    return FlagClassifier.fromJson(readFileSync(file, 'utf8'));
  }

  predict(features: readonly string[]): Prediction {
    // natural's own scoring multiplies the probabilities out of log space and underflows to
    // 0 for both labels on a long description; the same sums compared in log space do not.
    let logOdds = this.priorLogOdds;
    const seen = new Map<string, number>();
    for (const feature of features) {
      const ratio = this.logRatio.get(feature);
      if (ratio === undefined || seen.has(feature)) continue;
      seen.set(feature, ratio);
      logOdds += ratio;
    }
    if (seen.size === 0) return { probability: 0.5, evidence: [] };
    return { probability: 1 / (1 + Math.exp(-logOdds)), evidence: strongest(seen, logOdds >= 0 ? 1 : -1) };
  }

  /**
   * The prediction `predict(textFeatures(texts))` gives, computed on word ids: no feature
   * strings are built (on the scorer's hot path that lookup was a tenth of its time).
   */
  predictTexts(texts: readonly FoldedText[]): Prediction {
    let logOdds = this.priorLogOdds;
    // Seen features, as word ids: a unigram is [id], a pair [first, second].
    const seenUnigrams = new Set<number>();
    const seenPairs = new Map<number, Set<number>>();
    // In the order found, so ties in the evidence fall as they do in `predict`.
    const found: { first: number; second: number; ratio: number }[] = [];
    for (const text of texts) {
      let previous = -1;
      for (const word of text.plain.split(' ')) {
        if (word === '') continue;
        const id = this.wordIds.get(word) ?? -1;
        if (id !== -1) {
          const ratio = this.unigramRatio.get(id);
          if (ratio !== undefined && !seenUnigrams.has(id)) {
            seenUnigrams.add(id);
            found.push({ first: id, second: -1, ratio });
            logOdds += ratio;
          }
          if (previous !== -1) {
            const ratio = this.pairRatio.get(previous)?.get(id);
            let seen = seenPairs.get(previous);
            if (ratio !== undefined && seen?.has(id) !== true) {
              if (seen === undefined) seenPairs.set(previous, (seen = new Set<number>()));
              seen.add(id);
              found.push({ first: previous, second: id, ratio });
              logOdds += ratio;
            }
          }
        }
        previous = id;
      }
    }
    if (found.length === 0) return { probability: 0.5, evidence: [] };
    const named = new Map<string, number>();
    for (const { first, second, ratio } of found) {
      named.set(second === -1 ? this.words[first]! : `${this.words[first]!}_${this.words[second]!}`, ratio);
    }
    return { probability: 1 / (1 + Math.exp(-logOdds)), evidence: strongest(named, logOdds >= 0 ? 1 : -1) };
  }
}

/** The three words that pushed hardest toward the prediction, as the seller would read them. */
function strongest(ratios: ReadonlyMap<string, number>, direction: number): string[] {
  return [...ratios]
    .map(([feature, ratio]) => ({ feature, strength: direction * ratio }))
    .filter(({ strength }) => strength > 0)
    .sort((a, b) => b.strength - a.strength)
    .slice(0, 3)
    .map(({ feature }) => feature.replace(/_/g, ' '));
}
