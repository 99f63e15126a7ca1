import type { SignLexicon } from '../lexicons/lexicon-schema.js';
import { byField, reasonFromHit, type Finding, type RuleContext } from './rule-context.js';

/**
 * A violation sign fires once per record, quoting its clearest hit. A sign that needs a
 * category (health claims need a health product) stays silent without one.
 */
export function signFindings(context: RuleContext, signs: readonly SignLexicon[]): Finding[] {
  const findings: Finding[] = [];
  for (const sign of signs) {
    const hits = context.hits.filter((hit) => hit.role.kind === 'sign' && hit.role.rule === sign.rule);
    if (hits.length === 0) continue;
    const required = sign.requires_categories;
    if (required !== undefined && !required.some((category) => context.categories.has(category))) continue;
    const best = hits.sort(byField)[0]!;
    findings.push({ reason: reasonFromHit(`sign.${sign.rule}`, sign.points, best), signal: sign.signal });
  }
  return findings;
}
