import type { CategoryId } from '../../records/risk.js';
import type { CategoryLexicon } from '../lexicons/lexicon-schema.js';
import type { Hit } from '../match/term-matcher.js';
import { reasonFromHit, type Finding } from './rule-context.js';

/**
 * Category points: the item's most sensitive category counts, the others are listed at
 * weight 0 so the reasons still add up to the score. Banned categories carry their sign,
 * unless the goods are sold under licence (`licensedCategories`).
 */
export function categoryFindings(
  categories: Map<CategoryId, Hit>,
  lexicons: ReadonlyMap<CategoryId, CategoryLexicon>,
  licensed: ReadonlySet<CategoryId> = new Set(),
): Finding[] {
  const ranked = [...categories.entries()].sort(
    ([a], [b]) => (lexicons.get(b)?.points ?? 0) - (lexicons.get(a)?.points ?? 0),
  );
  const findings = ranked.map(([category, hit], index) => {
    const lexicon = lexicons.get(category);
    const weight = index === 0 ? (lexicon?.points ?? 0) : 0;
    const finding: Finding = { reason: reasonFromHit(`category.${category}`, weight, hit) };
    if (lexicon?.signal !== undefined && !licensed.has(category)) finding.signal = lexicon.signal;
    return finding;
  });
  for (const category of licensed) {
    if (!categories.has(category)) continue;
    findings.push({
      reason: {
        rule: `licensed.${category}`,
        weight: LICENSED_POINTS,
        match: '',
        note: 'sold under licence by an official store or an authorised dealer',
      },
    });
  }
  return findings;
}

/** Licensed goods weigh down like an official store: an inspector may still search them. */
export const LICENSED_POINTS = -20;

/**
 * The categories whose sign the listing lifts by a licence: those with a `licensed` entry,
 * sold by an official store or with a licence word ("đại lý ủy quyền Z121"), and naming
 * nothing no licence covers ("pháo nổ").
 */
export function licensedCategories(
  hits: readonly Hit[],
  isOfficialStore: boolean,
  lexicons: ReadonlyMap<CategoryId, CategoryLexicon>,
): Set<CategoryId> {
  const licence = new Set<CategoryId>();
  const never = new Set<CategoryId>();
  for (const { role } of hits) {
    if (role.kind === 'licence') licence.add(role.category);
    else if (role.kind === 'unlicensable') never.add(role.category);
  }
  const licensed = new Set<CategoryId>();
  for (const [category, lexicon] of lexicons) {
    if (lexicon.licensed === undefined || never.has(category)) continue;
    if (isOfficialStore || licence.has(category)) licensed.add(category);
  }
  return licensed;
}
