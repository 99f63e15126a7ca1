import type { Hit } from '../match/term-matcher.js';
import { comboPart } from './rule-context.js';

/**
 * Drops hits cancelled by a negative context. A `-not` hit cancels the positive terms it
 * overlaps in the same field ("sữa tắm" cancels "sữa"); an `-unless` hit cancels its target
 * in the whole field ("cai thuốc lá" anywhere in a title: the book is about quitting), and in
 * the whole record when it is in the title, brand or category path ("Sách Dược thư…": the
 * drug names in the description are the book's contents); in a "+" combo, only within its
 * part ("máy pod + cây thuốc lá Esse" sells both).
 */
export function applyNegativeContexts(hits: Hit[]): Hit[] {
  const overlapping = new Map<string, Hit[]>();
  const wholeField = new Set<string>();
  for (const hit of hits) {
    const { role } = hit;
    if (role.kind === 'category-not') push(overlapping, `c:${role.category}`, hit);
    else if (role.kind === 'sign-not') push(overlapping, `s:${role.rule}`, hit);
    else if (role.kind === 'category-unless') wholeField.add(`c:${role.category}|${unlessScope(hit)}`);
    else if (role.kind === 'sign-unless') wholeField.add(`s:${role.rule}|${unlessScope(hit)}`);
  }
  if (overlapping.size === 0 && wholeField.size === 0) return hits;
  return hits.filter((hit) => {
    const key = targetKey(hit);
    if (key === undefined) return true;
    const part = comboPart(hit);
    if (wholeField.has(`${key}|${hit.field}${part}`) || wholeField.has(`${key}|${RECORD}${part}`))
      return false;
    const cancels = overlapping.get(key);
    return cancels === undefined || !cancels.some((negative) => overlaps(negative, hit));
  });
}

/** Fields that say what the item is: an `unless` word there ("Sách …") holds for the whole record. */
const NAMING_FIELDS = new Set(['title', 'brand', 'categoryPath']);
const RECORD = '*';

/** A combo's parts are separate items: an `unless` word in one part leaves the others alone. */
function unlessScope(hit: Hit): string {
  return (NAMING_FIELDS.has(hit.field) ? RECORD : hit.field) + comboPart(hit);
}

function targetKey(hit: Hit): string | undefined {
  if (hit.role.kind === 'category') return `c:${hit.role.category}`;
  if (hit.role.kind === 'sign') return `s:${hit.role.rule}`;
  return undefined;
}

function overlaps(negative: Hit, hit: Hit): boolean {
  // Patterns are space-padded, so touching words share a space: require a letter in common.
  return negative.field === hit.field && negative.from < hit.to - 1 && hit.from < negative.to - 1;
}

function push(map: Map<string, Hit[]>, key: string, hit: Hit): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [hit]);
  else list.push(hit);
}
