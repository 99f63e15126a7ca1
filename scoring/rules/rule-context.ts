import type { CategoryId, Reason, SignalId } from '../../records/risk.js';
import type { Hit } from '../match/term-matcher.js';
import { quote, type FoldedText } from '../text/folded-text.js';

/** What every rule sees about one record: its hits, after negative contexts were applied. */
export interface RuleContext {
  hits: Hit[];
  categories: Set<CategoryId>;
  /** What was priced: a listing's title fields, or each pinned product of a livestream. */
  offers: Offer[];
  isOfficialStore: boolean;
  sellerName: string | undefined;
}

export interface Offer {
  /** The fields that describe this offer ("title", "brand", or "products[2]"). */
  fields: ReadonlySet<string>;
  price: number | undefined;
}

/** A fired rule: its points, the sign it shows, and the seller's words that fired it. */
export interface Finding {
  reason: Reason;
  signal?: SignalId;
}

/** How much a field counts as evidence of what the item is. */
export const FIELD_FACTOR: Record<string, number> = {
  title: 1,
  brand: 1,
  categoryPath: 1,
  products: 1,
  description: 0.5,
  sellerName: 0.5,
};

/** "products[2]" counts as "products". */
export function fieldFactor(field: string): number {
  const bracket = field.indexOf('[');
  return FIELD_FACTOR[bracket === -1 ? field : field.slice(0, bracket)] ?? 0;
}

export function reasonFromHit(rule: string, weight: number, hit: Hit): Reason {
  const { match, start, end } = quote(hit.text, hit.from, hit.to);
  return { rule, weight, match, field: hit.field, start, end };
}

/**
 * Whether the words right before a hit are one of `phrases` (folded, space-padded: " cho ",
 * " tang kem "), read in place without cutting the text.
 */
export function followsWords(hit: Hit, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => hit.text.plain.endsWith(phrase, hit.from + 1));
}

/** Words after which a product name says what the item is for: "Dây đồng hồ cho Apple Watch". */
export const FOR_WORDS = [' cho ', ' cho may ', ' danh cho ', ' for ', ' tuong thich ', ' tuong thich voi '];

/** Title hits explain best; then the order the seller wrote them in. */
export function byField(a: Hit, b: Hit): number {
  return fieldFactor(b.field) - fieldFactor(a.field) || a.from - b.from;
}

/** A listing's fields join the items of a combo with " + ". */
export const COMBO_JOINS: readonly string[] = [' + '];
/** A livestream's title and description also list what is on sale with commas. */
export const LIST_JOINS: readonly string[] = [' + ', ', '];
export const PART_MARK = '#';

/**
 * Which item of a combo or list a hit is in: "" when its field joins no items, else "#0",
 * "#1"… ("Combo pháo hoa 25 ống + thùng bia 333" sells two items, one per part). A "+"
 * against a word is part of a name ("Grow Plus+", "Vitamin C+Zinc"), not a join.
 */
export function comboPart(hit: Hit): string {
  const joins = joinsIn(hit.text, hit.itemJoins);
  if (joins.length === 0) return '';
  // `from` is the pattern's leading space; the word starts one position later.
  const at = hit.text.start[hit.from + 1] ?? 0;
  let part = 0;
  while (part < joins.length && joins[part]! < at) part++;
  return `${PART_MARK}${part}`;
}

// The rules ask about the same field many times in a row: remember the last one's joins.
let lastText: FoldedText | undefined;
let lastJoins: number[] = [];

/** Where the field's text joins two items, in order. */
function joinsIn(text: FoldedText, itemJoins: readonly string[]): number[] {
  if (text === lastText) return lastJoins;
  const joins: number[] = [];
  for (const join of itemJoins)
    for (let i = text.source.indexOf(join); i !== -1; i = text.source.indexOf(join, i + 1)) joins.push(i);
  if (itemJoins.length > 1) joins.sort((a, b) => a - b);
  lastText = text;
  lastJoins = joins;
  return joins;
}
