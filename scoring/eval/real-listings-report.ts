import { readFileSync } from 'node:fs';
import { loadConfig } from '../../config/index.js';
import { Scorer } from '../scorer.js';
import { listingFromRealRow, type RealListingRow } from './real-listing.js';
import { REAL_LISTINGS_FILE } from './real-listings-file.js';

/**
 * `npm run eval:real [-- --show N]`: the flagged rate per source on real, mostly ordinary
 * listings (../shared/data/real-listings-dev.jsonl), and what fired on the flagged ones. A
 * flag here is a false hit until a reading of the listing shows otherwise.
 */

const showAt = process.argv.indexOf('--show');
const show = showAt === -1 ? 40 : Number(process.argv[showAt + 1]);
const scorer = Scorer.create(loadConfig().scoring);
const bySource = new Map<string, { total: number; flagged: number }>();
const categories = new Map<string, number>();
const fired = new Map<string, number>();
const flaggedLines: string[] = [];

for (const [index, text] of readFileSync(REAL_LISTINGS_FILE, 'utf8').split('\n').entries()) {
  if (text.trim() === '') continue;
  const row = JSON.parse(text) as RealListingRow;
  const risk = scorer.assess(listingFromRealRow(row, index + 1));
  const source = `${row.source_repo} (${row.platform})`;
  const counts = bySource.get(source) ?? { total: 0, flagged: 0 };
  counts.total++;
  for (const category of risk.categories) categories.set(category, (categories.get(category) ?? 0) + 1);
  if (risk.flagged) {
    counts.flagged++;
    for (const reason of risk.reasons)
      if (reason.weight > 0) fired.set(reason.rule, (fired.get(reason.rule) ?? 0) + 1);
    const why = risk.reasons.map((reason) => `${reason.rule}(${reason.weight}:${reason.match})`).join(' ');
    flaggedLines.push(`${risk.score} ${row.title.slice(0, 90)} | ${row.price ?? '-'}₫ | ${why}`);
  }
  bySource.set(source, counts);
}

process.stdout.write(`ruleset ${scorer.ruleset}\n\nflagged rate per source:\n`);
let total = 0;
let flagged = 0;
for (const [source, counts] of bySource) {
  total += counts.total;
  flagged += counts.flagged;
  process.stdout.write(
    `  ${source.padEnd(80)} ${counts.flagged}/${counts.total} = ${pct(counts.flagged, counts.total)}\n`,
  );
}
process.stdout.write(`  ${'all'.padEnd(80)} ${flagged}/${total} = ${pct(flagged, total)}\n`);
process.stdout.write(
  `\nrules on flagged listings: ${[...fired]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`)
    .join(', ')}\n`,
);
process.stdout.write(
  `categories detected: ${[...categories]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}\n`,
);
process.stdout.write(`\nflagged listings (first ${show}):\n${flaggedLines.slice(0, show).join('\n')}\n`);

function pct(part: number, whole: number): string {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(2)}%`;
}
