import { existsSync } from 'node:fs';
import { loadConfig } from '../../config/index.js';
import { CATEGORY_IDS } from '../../records/taxonomy.js';
import { Scorer } from '../scorer.js';
import { DEV_FILES, HOLDOUT_FILE, readLabelledSet, TRAIN_FILE } from './labelled-set.js';
import { evaluate, type Rates } from './metrics.js';

/**
 * `npm run eval [-- --verbose]`: precision and recall of `flagged` and of each category on
 * the training set, the development sets (rules are tuned on these) and the holdout (the
 * honest figure: never read while tuning), with the misses listed.
 */
const verbose = process.argv.includes('--verbose');
const scorer = Scorer.create(loadConfig().scoring);
process.stdout.write(`ruleset ${scorer.ruleset}\n`);

for (const [name, file] of [
  ['train', TRAIN_FILE],
  ...Object.entries(DEV_FILES),
  ['holdout', HOLDOUT_FILE],
] as const) {
  if (!existsSync(file)) continue;
  const set = readLabelledSet(file);
  const pairs = set.map(({ id, record, label }) => ({ id, record, label, risk: scorer.assess(record) }));
  const report = evaluate(pairs);
  process.stdout.write(`\n== ${name}: ${report.records} records ==\n`);
  process.stdout.write(`flagged          ${line(report.flagged)}\n`);
  process.stdout.write(`categories micro ${line(report.categoryMicro)}\n`);
  for (const id of CATEGORY_IDS) process.stdout.write(`  ${id.padEnd(16)} ${line(report.categories[id])}\n`);
  // The holdout's misses are never printed: reading them would make tuning on them too easy.
  if (!verbose || name === 'holdout') continue;
  for (const { id, record, label, risk } of pairs) {
    const categoriesDiffer = [...label.categories].sort().join() !== risk.categories.join();
    if (label.flagged === risk.flagged && !categoriesDiffer) continue;
    const why = risk.reasons.map((reason) => `${reason.rule}(${reason.weight}:${reason.match})`).join(' ');
    process.stdout.write(
      `\n${id} ${record.title}\n  label ${label.flagged ? 'FLAG' : 'ok'} [${label.categories.join()}] ${label.note ?? ''}` +
        `\n  got   ${risk.flagged ? 'FLAG' : 'ok'} [${risk.categories.join()}] ${risk.score}: ${why}\n`,
    );
  }
}

function line(rates: Rates): string {
  const { precision, recall, f1, truePositive, falsePositive, falseNegative } = rates;
  return `P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${truePositive}, fp ${falsePositive}, fn ${falseNegative})`;
}
