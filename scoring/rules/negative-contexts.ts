import type { CategoryId } from '../../records/risk.js';
import { BANNED_CATEGORY_IDS } from '../../records/taxonomy.js';
import type { Hit } from '../match/term-matcher.js';
import { comboPart } from './rule-context.js';

/**
 * Drops hits cancelled by a negative context. A `-not` hit cancels the positive terms it
 * overlaps in the same field ("sữa tắm" cancels "sữa"); an `-unless` hit cancels its target
 * in the whole field ("cai thuốc lá" anywhere in a title: the book is about quitting), and in
 * the whole record when it is in the title, brand or category path ("Sách Dược thư…": the
 * drug names in the description are the book's contents); in a "+" combo, only within its
 * part ("máy pod + cây thuốc lá Esse" sells both). A term whose match takes in the negative
 * word and more is not cancelled by it (`cancels`). A sign or banned product the seller denies
 * just before it ("không phải hàng xách tay", "không kinh doanh tinh dầu vape") does not count.
 */
export function applyNegativeContexts(hits: Hit[]): Hit[] {
  const overlapping = new Map<string, Hit[]>();
  const wholeField = new Map<string, Hit[]>();
  let denied: Set<Hit> | undefined;
  for (const hit of hits) {
    if (isDenied(hit)) (denied ??= new Set()).add(hit);
    const { role } = hit;
    if (role.kind === 'category-not') push(overlapping, `c:${role.category}`, hit);
    else if (role.kind === 'sign-not') push(overlapping, `s:${role.rule}`, hit);
    else if (role.kind === 'category-unless') push(wholeField, `c:${role.category}|${unlessScope(hit)}`, hit);
    else if (role.kind === 'sign-unless') push(wholeField, `s:${role.rule}|${unlessScope(hit)}`, hit);
  }
  if (overlapping.size === 0 && wholeField.size === 0 && denied === undefined) return hits;
  return hits.filter((hit) => {
    const key = targetKey(hit);
    if (key === undefined) return true;
    if (denied?.has(hit) === true) return false;
    const part = comboPart(hit);
    const unlessInField = wholeField.get(`${key}|${hit.field}${part}`) ?? [];
    const unlessInRecord = wholeField.get(`${key}|${RECORD}${part}`) ?? [];
    if (unlessInField.some((negative) => cancels(negative, hit))) return false;
    if (unlessInRecord.some((negative) => cancels(negative, hit))) return false;
    const nots = overlapping.get(key) ?? [];
    return !nots.some((negative) => overlaps(negative, hit) && cancels(negative, hit));
  });
}

/**
 * A negative word cancels a term unless the term's match takes it in and more: the longer
 * term is the seller's more specific phrase and stands ("kẹo cao su cai thuốc lá" is
 * nicotine gum whatever "thuốc lá" rules out for medicines; "tinh dầu treo xe ô tô" is car
 * fragrance though "ô tô" marks car parts).
 */
function cancels(negative: Hit, hit: Hit): boolean {
  const takesItIn =
    hit.text === negative.text &&
    hit.from <= negative.from &&
    hit.to >= negative.to &&
    hit.to - hit.from > negative.to - negative.from;
  return !takesItIn;
}

/**
 * Words that deny or warn about what follows: "không phải hàng nội địa Nhật", "không chứa
 * glyphosate, paraquat", "shop không kinh doanh tinh dầu vape", "cảnh giác hàng nhái".
 */
const DENIALS = [
  ' khong phai ',
  ' khong ban ',
  ' khong chua ',
  ' khong kinh doanh ',
  ' khong nhan lam ',
  ' noi khong voi ',
  ' cam ket khong ',
  ' khong lo ',
  ' khoi lo ',
  ' khong so ',
  ' tranh mua ',
  ' canh giac ',
  ' coi chung ',
  ' de phong ',
  ' phan biet ',
  ' tinh trang ',
];
/** How many words before a sign a denial still reaches ("không bán hàng nội địa trôi nổi"). */
const DENIAL_REACH_WORDS = 5;
const SENTENCE_BREAKS = new Set(['.', '!', '?', ';', '\n']);

const BANNED: ReadonlySet<CategoryId> = new Set(BANNED_CATEGORY_IDS);

/**
 * A sign, or a banned product, the seller denies in the same sentence a few words before it.
 * A comma does not end the denial ("không chứa glyphosate, paraquat"); a full stop does.
 * Other products are not denied this way: "Quà tặng không bán – Túi tote" is still a bag.
 */
function isDenied(hit: Hit): boolean {
  const { role } = hit;
  if (role.kind !== 'sign' && !(role.kind === 'category' && BANNED.has(role.category))) return false;
  const { plain, start, source } = hit.text;
  let reach = hit.from;
  for (let words = 0; words < DENIAL_REACH_WORDS && reach > 0; words++)
    reach = plain.lastIndexOf(' ', reach - 1);
  const before = plain.slice(Math.max(reach, 0), hit.from + 1);
  for (const denial of DENIALS) {
    const at = before.indexOf(denial);
    if (at === -1) continue;
    const from = start[Math.max(reach, 0) + at + 1]!;
    const to = start[hit.from + 1]!;
    let broken = false;
    for (let i = from; i < to && !broken; i++) broken = SENTENCE_BREAKS.has(source[i]!);
    if (!broken) return true;
  }
  return false;
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
