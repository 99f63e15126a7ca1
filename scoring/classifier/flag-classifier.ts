import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FoldedText } from '../text/folded-text.js';
import { WordTable } from './word-table.js';

export const MODEL_FILE = fileURLToPath(new URL('./model.json', import.meta.url));

const require = createRequire(import.meta.url);

/** natural's BayesClassifier as saved to JSON: the tables that scoring reads. */
interface SavedModel {
  features: Record<string, number>;
  classifier: {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    smoothing: number;
  };
}

/** The parts of natural's BayesClassifier that training uses (natural ships no usable types here). */
interface NaturalBayes extends SavedModel {
  addDocument(tokens: string[], label: string): void;
  train(): void;
}
interface NaturalModule {
  BayesClassifier: new () => NaturalBayes;
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
  private readonly logRatio = new Map<string, number>();
  /** The same ratios keyed by numbers, for scoring without building feature strings. */
  private readonly words: string[] = [];
  private readonly wordTable: WordTable;
  /** Per word id, its own ratio (NaN when the word alone is not a feature). */
  private readonly unigramRatio: Float64Array;
  /** first id × vocabulary size + second id → pair id; pair ids index the arrays below. */
  private readonly pairIds = new Map<number, number>();
  private readonly pairRatio: number[] = [];
  private readonly pairWords: [number, number][] = [];
  /** "Already counted in this prediction" marks: a stamp per call, no set allocated. */
  private readonly unigramStamp: Uint32Array;
  private readonly pairStamp: Uint32Array;
  private stamp = 0;
  private readonly priorLogOdds: number;
  /** SHA-256 of the model file, for the ruleset version. */
  readonly digest: string;

  private constructor(model: SavedModel, json: string) {
    this.digest = createHash('sha256').update(json).digest('hex');
    const { classFeatures, classTotals, smoothing } = model.classifier;
    const flagged = classFeatures[FLAGGED] ?? {};
    const ordinary = classFeatures[ORDINARY] ?? {};
    const flaggedTotal = classTotals[FLAGGED] ?? 1;
    const ordinaryTotal = classTotals[ORDINARY] ?? 1;
    // natural numbers features in the order it first saw them; its class tables use that number.
    Object.keys(model.features).forEach((feature, position) => {
      const pFlagged = (flagged[position] ?? smoothing) / flaggedTotal;
      const pOrdinary = (ordinary[position] ?? smoothing) / ordinaryTotal;
      this.logRatio.set(feature, Math.log(pFlagged / pOrdinary));
    });
    this.priorLogOdds = Math.log(flaggedTotal / ordinaryTotal);

    // Every word of a known pair is a known word (training saw both), so pairs key on word ids.
    const wordIds = new Map<string, number>();
    const idOf = (word: string): number => {
      let id = wordIds.get(word);
      if (id === undefined) {
        id = this.words.length;
        wordIds.set(word, id);
        this.words.push(word);
      }
      return id;
    };
    const unigrams: [number, number][] = [];
    const pairs: [number, number, number][] = [];
    for (const [feature, ratio] of this.logRatio) {
      const cut = feature.indexOf('_');
      if (cut === -1) unigrams.push([idOf(feature), ratio]);
      else pairs.push([idOf(feature.slice(0, cut)), idOf(feature.slice(cut + 1)), ratio]);
    }
    this.wordTable = new WordTable(this.words);
    this.unigramRatio = new Float64Array(this.words.length).fill(Number.NaN);
    for (const [id, ratio] of unigrams) this.unigramRatio[id] = ratio;
    for (const [first, second, ratio] of pairs) {
      this.pairIds.set(first * this.words.length + second, this.pairRatio.length);
      this.pairRatio.push(ratio);
      this.pairWords.push([first, second]);
    }
    this.unigramStamp = new Uint32Array(this.words.length);
    this.pairStamp = new Uint32Array(this.pairRatio.length);
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
    // The saved model is natural's own object as JSON: the tables we read are plain data, so
    // scoring never loads natural (requiring it took most of the command's start-up time).
    return new FlagClassifier(JSON.parse(json) as SavedModel, json);
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
    const strongest = new Strongest(logOdds >= 0 ? 1 : -1);
    for (const [feature, ratio] of seen) strongest.offer(feature, ratio);
    const evidence = strongest.names((feature) => feature.replace(/_/g, ' '));
    return { probability: 1 / (1 + Math.exp(-logOdds)), evidence };
  }

  /**
   * The prediction `predict(textFeatures(texts))` gives, computed on word ids: no feature
   * strings are built, no word is cut out of the text (on the scorer's hot path those were
   * most of the classifier's time).
   */
  predictTexts(texts: readonly FoldedText[]): Prediction {
    const stamp = this.nextStamp();
    const vocabulary = this.words.length;
    let logOdds = this.priorLogOdds;
    // Found features in the order found, so sums and evidence ties fall as in `predict`:
    // a unigram as its word id, a pair as -(pair id + 1).
    const found: number[] = [];
    const ratios: number[] = [];
    for (const { plain } of texts) {
      let previous = -1;
      let wordStart = -1;
      for (let i = 0; i <= plain.length; i++) {
        const isSpace = i === plain.length || plain.charCodeAt(i) === SPACE;
        if (!isSpace) {
          if (wordStart === -1) wordStart = i;
          continue;
        }
        if (wordStart === -1) continue;
        const id = this.wordTable.idOf(plain, wordStart, i);
        wordStart = -1;
        if (id !== -1) {
          const ratio = this.unigramRatio[id]!;
          if (!Number.isNaN(ratio) && this.unigramStamp[id] !== stamp) {
            this.unigramStamp[id] = stamp;
            found.push(id);
            ratios.push(ratio);
            logOdds += ratio;
          }
          if (previous !== -1) {
            const pair = this.pairIds.get(previous * vocabulary + id);
            if (pair !== undefined && this.pairStamp[pair] !== stamp) {
              this.pairStamp[pair] = stamp;
              found.push(-(pair + 1));
              ratios.push(this.pairRatio[pair]!);
              logOdds += this.pairRatio[pair]!;
            }
          }
        }
        previous = id;
      }
    }
    if (found.length === 0) return { probability: 0.5, evidence: [] };
    const strongest = new Strongest<number>(logOdds >= 0 ? 1 : -1);
    for (let k = 0; k < found.length; k++) strongest.offer(found[k]!, ratios[k]!);
    const evidence = strongest.names((feature) => {
      if (feature >= 0) return this.words[feature]!;
      const [first, second] = this.pairWords[-feature - 1]!;
      return `${this.words[first]!} ${this.words[second]!}`;
    });
    return { probability: 1 / (1 + Math.exp(-logOdds)), evidence };
  }

  private nextStamp(): number {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      // Wrapped after 2³² predictions: clear the marks so an old stamp cannot be mistaken.
      this.unigramStamp.fill(0);
      this.pairStamp.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

const SPACE = 32;
const EVIDENCE_WORDS = 3;

/**
 * The features that pushed hardest toward the prediction, strongest first; among equals the
 * one found first. Kept as a running top three in fixed slots: sorting every feature, or
 * splicing arrays, was a large part of the classifier's time.
 */
class Strongest<Feature = string> {
  private readonly features: (Feature | undefined)[] = [undefined, undefined, undefined];
  private readonly strengths = [0, 0, 0];
  private count = 0;

  constructor(private readonly direction: number) {}

  offer(feature: Feature, ratio: number): void {
    const strength = this.direction * ratio;
    if (!(strength > 0)) return;
    let at = this.count;
    while (at > 0 && this.strengths[at - 1]! < strength) at--;
    if (at >= EVIDENCE_WORDS) return;
    // Shift the weaker ones down a slot; the last falls off.
    for (let slot = Math.min(this.count, EVIDENCE_WORDS - 1); slot > at; slot--) {
      this.features[slot] = this.features[slot - 1];
      this.strengths[slot] = this.strengths[slot - 1]!;
    }
    this.features[at] = feature;
    this.strengths[at] = strength;
    if (this.count < EVIDENCE_WORDS) this.count++;
  }

  /** As the seller would read them (a pair's words with a space between). */
  names(nameOf: (feature: Feature) => string): string[] {
    const names: string[] = [];
    for (let slot = 0; slot < this.count; slot++) names.push(nameOf(this.features[slot]!));
    return names;
  }
}
