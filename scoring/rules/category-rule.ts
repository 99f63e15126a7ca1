import type { CategoryId } from '../../records/risk.js';
import type { CategoryLexicon } from '../lexicons/lexicon-schema.js';
import type { Hit } from '../match/term-matcher.js';
import { byField, fieldFactor, reasonFromHit, type Finding } from './rule-context.js';

/** Evidence at or above this makes a category: one strong title term, or two weak ones. */
const CATEGORY_EVIDENCE = 1;

/**
 * Which categories the item is in, with the hit that best shows each. A category needs
 * evidence of at least one strong term or two weak ones. When some category has a strong
 * term in a field that names the item (title, brand, category path, a pinned product),
 * categories held up only by weak words or the description are dropped: "Túi Chanel" is a
 * bag, and the weak cosmetics word "Chanel" must not make it a perfume too.
 */
export function detectCategories(
  hits: Hit[],
  fallbacks: ReadonlySet<CategoryId> = new Set(),
): Map<CategoryId, Hit> {
  const evidence = new Map<CategoryId, { total: number; named: boolean; seen: Set<string>; best: Hit }>();
  for (const hit of hits) {
    if (hit.role.kind !== 'category') continue;
    const { category, strength } = hit.role;
    const dedupe = `${hit.term}|${hit.field}`;
    const points = strength * fieldFactor(hit.field);
    const named = strength >= 1 && fieldFactor(hit.field) >= 1;
    const entry = evidence.get(category);
    if (entry === undefined) {
      evidence.set(category, { total: points, named, seen: new Set([dedupe]), best: hit });
      continue;
    }
    if (entry.seen.has(dedupe)) continue;
    entry.seen.add(dedupe);
    entry.total += points;
    entry.named ||= named;
    if (clearer(hit, entry.best)) entry.best = hit;
  }
  const anyNamed = [...evidence.values()].some((entry) => entry.named);
  const categories = new Map<CategoryId, Hit>();
  for (const [category, { total, named, best }] of evidence) {
    if (total < CATEGORY_EVIDENCE - 1e-9) continue;
    if (anyNamed && !named) continue;
    categories.set(category, best);
  }
  const specific = [...categories.keys()].some((category) => !fallbacks.has(category));
  if (specific) for (const category of fallbacks) categories.delete(category);
  return categories;
}

/** A strong term explains a category better than a weak one; then title before description. */
function clearer(hit: Hit, best: Hit): boolean {
  if (hit.role.kind !== 'category' || best.role.kind !== 'category') return false;
  if (hit.role.strength !== best.role.strength) return hit.role.strength > best.role.strength;
  return byField(hit, best) < 0;
}

/**
 * Category points: the item's most sensitive category counts, the others are listed at
 * weight 0 so the reasons still add up to the score. Banned categories carry their sign.
 */
export function categoryFindings(
  categories: Map<CategoryId, Hit>,
  lexicons: ReadonlyMap<CategoryId, CategoryLexicon>,
): Finding[] {
  const ranked = [...categories.entries()].sort(
    ([a], [b]) => (lexicons.get(b)?.points ?? 0) - (lexicons.get(a)?.points ?? 0),
  );
  return ranked.map(([category, hit], index) => {
    const lexicon = lexicons.get(category);
    const weight = index === 0 ? (lexicon?.points ?? 0) : 0;
    const finding: Finding = { reason: reasonFromHit(`category.${category}`, weight, hit) };
    if (lexicon?.signal !== undefined) finding.signal = lexicon.signal;
    return finding;
  });
}
