import type { Lexicons } from './lexicons/load-lexicons.js';
import type { TermRole } from './match/term-role.js';

export interface TermSpec {
  term: string;
  role: TermRole;
  accented?: boolean;
}

/** What `{n}` in a term stands for: the amounts sellers promise ("giảm {n}kg", "tụt {n} ký"). */
const AMOUNTS = [...Array.from({ length: 20 }, (_, index) => index + 1), 25, 30, 40, 50];

/** A term, or the terms its `{n}` placeholder stands for. */
function expandAmounts(term: string): string[] {
  return term.includes('{n}') ? AMOUNTS.map((amount) => term.replaceAll('{n}', String(amount))) : [term];
}

function hasMarks(term: string): boolean {
  return /[\u0300-\u036f]|đ/iu.test(term.normalize('NFD'));
}

/** Every term of every lexicon with the role it plays, ready for one automaton. */
export function compileTerms(lexicons: Lexicons): TermSpec[] {
  const specs: TermSpec[] = [];
  for (const lexicon of lexicons.categories) {
    const { category } = lexicon;
    const accented = new Set(lexicon.accented);
    const add = (terms: string[], strength: number): void => {
      for (const term of terms)
        specs.push({ term, role: { kind: 'category', category, strength }, accented: accented.has(term) });
    };
    add(lexicon.terms.strong, 1);
    add(lexicon.terms.weak, 0.5);
    // Negatives written with marks must match with those marks: "sách" (book) must not
    // cancel "làm sạch", nor "dầu gội" cancel "đầu gối".
    for (const term of lexicon.not)
      specs.push({ term, role: { kind: 'category-not', category }, accented: hasMarks(term) });
    for (const term of lexicon.unless) {
      specs.push({ term, role: { kind: 'category-unless', category }, accented: hasMarks(term) });
    }
    for (const term of lexicon.licensed?.sellers ?? [])
      specs.push({ term, role: { kind: 'licence', category }, accented: hasMarks(term) });
    for (const term of lexicon.licensed?.never ?? [])
      specs.push({ term, role: { kind: 'unlicensable', category }, accented: hasMarks(term) });
  }
  for (const term of lexicons.outside)
    specs.push({ term, role: { kind: 'outside' }, accented: hasMarks(term) });
  for (const sign of lexicons.signs) {
    const { rule } = sign;
    // Sign phrases are short and collide easily when bare ("hàng giá" is not "hàng giả"):
    // any term written with Vietnamese marks is accent-sensitive.
    const accented = new Set(sign.accented);
    for (const term of sign.terms) {
      const isAccented = accented.has(term) || hasMarks(term);
      specs.push({ term, role: { kind: 'sign', rule }, accented: isAccented });
      // A term that proves a category names the item like that category's own terms:
      // "Dexa 0.5mg tăng cân…" is a medicine, not a weight-gain supplement.
      for (const category of sign.adds_categories)
        specs.push({ term, role: { kind: 'category', category, strength: 1 }, accented: isAccented });
    }
    for (const term of sign.not)
      specs.push({ term, role: { kind: 'sign-not', rule }, accented: hasMarks(term) });
    for (const term of sign.unless)
      specs.push({ term, role: { kind: 'sign-unless', rule }, accented: hasMarks(term) });
  }
  const prices = lexicons.brandPrices;
  prices.brands.forEach((brand, index) => {
    for (const alias of brand.aliases) specs.push({ term: alias, role: { kind: 'brand', brand: index } });
  });
  for (const [productType, terms] of Object.entries(prices.product_types)) {
    for (const term of terms)
      specs.push({ term, role: { kind: 'product-type', productType }, accented: hasMarks(term) });
  }
  // Short words with marks collide bare ("cáp" cable and "cấp" in "cao cấp").
  for (const term of prices.accessories)
    specs.push({ term, role: { kind: 'accessory' }, accented: hasMarks(term) });
  for (const term of prices.style_words)
    specs.push({ term, role: { kind: 'style' }, accented: hasMarks(term) });
  for (const term of prices.used_words)
    specs.push({ term, role: { kind: 'used' }, accented: hasMarks(term) });
  for (const term of prices.part_words)
    specs.push({ term, role: { kind: 'part' }, accented: hasMarks(term) });
  return specs.flatMap((spec) => expandAmounts(spec.term).map((term) => ({ ...spec, term })));
}
