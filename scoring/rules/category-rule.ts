import type { CategoryId } from '../../records/risk.js';
import { BANNED_CATEGORY_IDS } from '../../records/taxonomy.js';
import type { Hit } from '../match/term-matcher.js';
import { byField, comboPart, fieldFactor, FOR_WORDS, followsWords, PART_MARK } from './rule-context.js';

/** Banned goods stay banned as parts and accessories: a pod for a vape is the banned item. */
const BANNED: ReadonlySet<CategoryId> = new Set(BANNED_CATEGORY_IDS);

/** Evidence at or above this makes a category: one strong title term, or two weak ones. */
const CATEGORY_EVIDENCE = 1;

/** What the hits of one category add up to. */
interface CategoryEvidence {
  /** Points of the hits counted (each span once, at its strongest reading). */
  total: number;
  /** A hit names the item: a product name at the head of the title, a pinned product… */
  named: boolean;
  /** …or of the brand field, which names it only when nothing else does. */
  namedByBrand: boolean;
  /** A strong term names banned goods somewhere in the item's own words. */
  bannedAnywhere: boolean;
  /** The fields and combo parts it names the item in. */
  parts: Set<string>;
  counted: Hit[];
  /** The hit that explains the category best. */
  best: Hit;
}

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
  const heads = headPositions(hits);
  const isBanned = bannedNamer(hits);
  const evidence = new Map<CategoryId, CategoryEvidence>();
  // Goods outside every category ("Bật lửa…", "Gấu bông…") name the item like any category.
  let outsideGoodsNamed = false;
  let namedBeyondBrand = false;
  for (const hit of hits) {
    if (hit.role.kind === 'outside') {
      outsideGoodsNamed ||= namesTheItem(hit) && isAtHead(hit, heads);
      continue;
    }
    if (hit.role.kind !== 'category') continue;
    const { category } = hit.role;
    const points = pointsOf(hit, isBanned);
    // Sellers put what the item is first ("Túi Chanel…", "Rượu ngâm sâm…"); product names
    // further on say what it goes with, contains or looks like. So a field names the
    // categories of the terms that start where its first product name starts ("Apple
    // Watch": watches and electronics); a combo ("Rượu soju + bánh gạo") starts again after
    // each "+". Banned goods are named wherever they appear.
    // (On the training set this beat allowing 6, 12 or 20 more characters: micro-F1
    // 0.954 against 0.952, 0.948, 0.944.)
    const names = namesTheItem(hit) && (BANNED.has(category) || isAtHead(hit, heads));
    // The brand field says who made it, the title what it is: a Vinamilk yoghurt is food.
    const named = names && hit.field !== 'brand';
    const namedByBrand = names && hit.field === 'brand';
    // A banned product named in the item's own words anywhere stays, however harmless the
    // title ("Tinh dầu trái cây 30ml" with "salt nic 35mg" in the description).
    const bannedAnywhere = isBanned(hit) && hit.field !== 'sellerName';
    namedBeyondBrand ||= named;
    const entry = evidence.get(category);
    if (entry === undefined) {
      const parts = new Set(named ? [headKey(hit)] : []);
      evidence.set(category, {
        total: points,
        named,
        namedByBrand,
        bannedAnywhere,
        parts,
        counted: [hit],
        best: hit,
      });
      continue;
    }
    if (named) entry.parts.add(headKey(hit));
    entry.named ||= named;
    entry.namedByBrand ||= namedByBrand;
    entry.bannedAnywhere ||= bannedAnywhere;
    if (clearer(hit, entry.best)) entry.best = hit;
    // The same words count once, at their strongest reading: "sữa bột" over "sữa",
    // "500ml" and "ml" once, one term repeated in a field once.
    const repeated = entry.counted.findIndex(
      (other) => other.field === hit.field && (other.term === hit.term || overlaps(other, hit)),
    );
    if (repeated === -1) {
      entry.counted.push(hit);
      entry.total += points;
      continue;
    }
    const previous = entry.counted[repeated]!;
    const previousPoints = pointsOf(previous, isBanned);
    if (points > previousPoints) {
      entry.counted[repeated] = hit;
      entry.total += points - previousPoints;
    }
  }
  // The brand field names the item only when no other field does.
  const brandNames = !namedBeyondBrand && !outsideGoodsNamed;
  let anyNamed = outsideGoodsNamed;
  for (const entry of evidence.values()) anyNamed ||= isNamed(entry, brandNames);
  const categories = new Map<CategoryId, Hit>();
  for (const [category, entry] of evidence) {
    if (entry.total < CATEGORY_EVIDENCE - 1e-9) continue;
    if (anyNamed && !isNamed(entry, brandNames) && !entry.bannedAnywhere) continue;
    categories.set(category, entry.best);
  }
  if (!anyNamed) keepWeakHead(categories, evidence);
  dropFallbacks(categories, evidence, fallbacks);
  return categories;
}

/**
 * Whether a hit names banned goods by a strong term: a banned category's (a vape), or goods no
 * licence covers (explosive firecrackers: "pháo đì đùng", though fireworks can be licensed).
 */
function bannedNamer(hits: readonly Hit[]): (hit: Hit) => boolean {
  const unlicensable = new Set<string>();
  for (const hit of hits) if (hit.role.kind === 'unlicensable') unlicensable.add(spanKey(hit));
  return (hit) =>
    hit.role.kind === 'category' &&
    hit.role.strength >= 1 &&
    (BANNED.has(hit.role.category) || unlicensable.has(spanKey(hit)));
}

function spanKey(hit: Hit): string {
  return `${hit.field}:${hit.from}:${hit.to}`;
}

function isNamed(entry: { named: boolean; namedByBrand: boolean }, brandNames: boolean): boolean {
  return entry.named || (brandNames && entry.namedByBrand);
}

/**
 * With no strong product name anywhere, weak words decide — and the head rule still holds:
 * in "Son YSL thỏi vuông" the weak "son" (lipstick) comes first, so the brand's other
 * category (fashion) is what the lipstick is like, not what it is. Keeps the categories whose
 * earliest title hit comes first; banned goods are kept wherever they are.
 */
function keepWeakHead(
  categories: Map<CategoryId, Hit>,
  evidence: ReadonlyMap<CategoryId, { counted: Hit[] }>,
): void {
  const firstInTitle = new Map<CategoryId, number>();
  for (const category of categories.keys()) {
    const positions = evidence
      .get(category)!
      .counted.filter((hit) => hit.field === 'title')
      .map((hit) => hit.from);
    if (positions.length > 0) firstInTitle.set(category, Math.min(...positions));
  }
  if (firstInTitle.size < 2) return;
  const head = Math.min(...firstInTitle.values());
  for (const [category, from] of firstInTitle) {
    if (from !== head && !BANNED.has(category)) categories.delete(category);
  }
}

function namesTheItem(hit: Hit): boolean {
  const { role } = hit;
  const strong = role.kind === 'outside' || (role.kind === 'category' && role.strength >= 1);
  return strong && fieldFactor(hit.field) >= 1 && !namesWhatItIsFor(hit);
}

/**
 * A catch-all category (food) goes when a specific one is found: a milk or a supplement is
 * also eaten. Except in a combo whose part sells only the catch-all: "Rượu vang + bánh kẹo".
 */
function dropFallbacks(
  categories: Map<CategoryId, Hit>,
  evidence: ReadonlyMap<CategoryId, { parts: ReadonlySet<string> }>,
  fallbacks: ReadonlySet<CategoryId>,
): void {
  const specific = [...categories.keys()].filter((category) => !fallbacks.has(category));
  if (specific.length === 0 || specific.length === categories.size) return;
  const specificParts = new Set(specific.flatMap((category) => [...(evidence.get(category)?.parts ?? [])]));
  for (const category of fallbacks) {
    const parts = [...(evidence.get(category)?.parts ?? [])];
    const ownComboPart = parts.some((part) => part.includes(PART_MARK) && !specificParts.has(part));
    if (!ownComboPart) categories.delete(category);
  }
}

/**
 * Per field and combo part, the span of its first product name: where the first naming term
 * starts, and the longest naming term starting there ("Vòng tay điều hòa huyết áp" is a
 * device, not the bracelet "vòng tay"; "Hộp đựng thuốc lá" is a case, not a pill box).
 */
function headPositions(hits: readonly Hit[]): Map<string, { from: number; to: number }> {
  const heads = new Map<string, { from: number; to: number }>();
  for (const hit of hits) {
    if (!namesTheItem(hit)) continue;
    const key = headKey(hit);
    const head = heads.get(key);
    if (head === undefined || hit.from < head.from) heads.set(key, { from: hit.from, to: hit.to });
    else if (hit.from === head.from && hit.to > head.to) head.to = hit.to;
  }
  return heads;
}

function isAtHead(hit: Hit, heads: ReadonlyMap<string, { from: number; to: number }>): boolean {
  const head = heads.get(headKey(hit));
  return head !== undefined && hit.from === head.from && hit.to === head.to;
}

/** The field and the combo part a hit is in: each part names its own item. */
function headKey(hit: Hit): string {
  return hit.field + comboPart(hit);
}

function namesWhatItIsFor(hit: Hit): boolean {
  if (hit.role.kind === 'category' && BANNED.has(hit.role.category)) return false;
  return followsWords(hit, FOR_WORDS);
}

/**
 * What a category hit counts toward its category: its strength, weighed by its field. A
 * banned product named anywhere is the lead ("Hôm nay có hàng 8000 hơi" in a live's
 * description), so banned goods' strong terms count in full in every field.
 */
function pointsOf(hit: Hit, isBanned: (hit: Hit) => boolean): number {
  if (hit.role.kind !== 'category') return 0;
  const { strength } = hit.role;
  return isBanned(hit) ? strength : strength * fieldFactor(hit.field);
}

function overlaps(a: Hit, b: Hit): boolean {
  // Patterns are space-padded: touching words share a space, overlapping ones share a letter.
  return a.from < b.to - 1 && b.from < a.to - 1;
}

/** A strong term explains a category better than a weak one; then title before description. */
function clearer(hit: Hit, best: Hit): boolean {
  if (hit.role.kind !== 'category' || best.role.kind !== 'category') return false;
  if (hit.role.strength !== best.role.strength) return hit.role.strength > best.role.strength;
  return byField(hit, best) < 0;
}
