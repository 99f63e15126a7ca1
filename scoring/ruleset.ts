/**
 * The ruleset's name and version, in every assessment. The human version moves when rule
 * logic changes; the digests change with any lexicon edit or retrained model, so two
 * outputs with the same string were scored by exactly the same rules and data.
 */
export const RULESET_VERSION = '1.0.0';

export function rulesetVersion(lexiconDigest: string, modelDigest: string): string {
  return `ecomwatch-rules@${RULESET_VERSION}+lex.${lexiconDigest.slice(0, 8)}.nb.${modelDigest.slice(0, 8)}`;
}
