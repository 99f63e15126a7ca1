import { readLabelledSet, TRAIN_FILE } from '../eval/labelled-set.js';
import { loadLexicons } from '../lexicons/load-lexicons.js';
import { Scorer } from '../scorer.js';
import { FlagClassifier } from './flag-classifier.js';

/**
 * Trains the flag classifier on test/labelled/train.jsonl (never the holdout) and writes
 * the model as JSON. `npm run train` writes it to scoring/classifier/model.json.
 */
export function trainModel(file: string = TRAIN_FILE): string {
  // Features come from the scorer's own folding, so training and scoring see the same words.
  const scorer = new Scorer(loadLexicons(), undefined, { flagThreshold: 50, classifierWeight: 0 });
  const documents = readLabelledSet(file).map(({ record, label }) => ({
    features: scorer.classifierFeatures(record),
    flagged: label.flagged,
  }));
  return FlagClassifier.train(documents).json;
}
