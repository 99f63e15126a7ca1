import { loadLexicons } from '../lexicons/load-lexicons.js';
import { FlagClassifier } from '../classifier/flag-classifier.js';
import { Scorer } from '../scorer.js';
import { readLabelledSet, TRAIN_FILE } from './labelled-set.js';
import { evaluate } from './metrics.js';

/**
 * `npm run eval:cv`: chooses the classifier's weight without touching the holdout. The
 * training set is split in five; each fifth is scored by a classifier trained on the other
 * four, at several weights, and the flagged figures are pooled.
 */
const FOLDS = 5;
const WEIGHTS = [0, 5, 10, 20, 30, 40];
const lexicons = loadLexicons();
const set = readLabelledSet(TRAIN_FILE);
const featureScorer = new Scorer(lexicons, undefined, { flagThreshold: 50, classifierWeight: 0 });
const documents = set.map(({ record, label }) => ({
  features: featureScorer.classifierFeatures(record),
  flagged: label.flagged,
}));

const pooled = new Map<
  number,
  { label: (typeof set)[number]['label']; risk: ReturnType<Scorer['assess']> }[]
>();
for (let fold = 0; fold < FOLDS; fold++) {
  const inFold = (index: number): boolean => index % FOLDS === fold;
  const { classifier } = FlagClassifier.train(documents.filter((_, index) => !inFold(index)));
  for (const weight of WEIGHTS) {
    const scorer = new Scorer(lexicons, classifier, { flagThreshold: 50, classifierWeight: weight });
    const pairs = pooled.get(weight) ?? [];
    set.forEach(({ record, label }, index) => {
      if (inFold(index)) pairs.push({ label, risk: scorer.assess(record) });
    });
    pooled.set(weight, pairs);
  }
}
process.stdout.write(`${FOLDS}-fold cross-validation on ${set.length} training records\n`);
for (const weight of WEIGHTS) {
  const { flagged } = evaluate(pooled.get(weight)!);
  process.stdout.write(
    `classifierWeight ${String(weight).padStart(2)}: flagged P ${flagged.precision.toFixed(3)} R ${flagged.recall.toFixed(3)} F1 ${flagged.f1.toFixed(3)}\n`,
  );
}
