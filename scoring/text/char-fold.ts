/**
 * How one code point folds. `plain` has no diacritics (đ→d) and is lowercase; `accented`
 * keeps Vietnamese marks. Both have the same length so positions line up.
 */
export type CharKind = 'alnum' | 'separator' | 'mark' | 'invisible' | 'pictograph' | 'leet';

export interface FoldedChar {
  kind: CharKind;
  plain: string;
  accented: string;
}

const cache = new Map<number, FoldedChar>();

const MARK = /^\p{M}+$/u;
const ALNUM = /^[\p{L}\p{N}]+$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{So}|\p{Sk}/u;
// Zero-width spaces and joiners, soft hyphen, variation selectors, BOM: sellers put them
// inside words to dodge filters; they never separate words.
// (Code-point ranges, not a regexp class: several of these combine with their neighbour.)
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];
const isInvisible = (codePoint: number): boolean =>
  INVISIBLE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
/**
 * Enclosed capitals that Unicode gives no compatibility mapping, so NFKD leaves them as
 * symbols: squared 🄰, negative circled 🅐 and negative squared 🅰 A–Z ("🅥🅐🅟🅔").
 */
const ENCLOSED_CAPITALS: readonly number[] = [0x1f130, 0x1f150, 0x1f170];

function enclosedCapital(codePoint: number): string | undefined {
  for (const first of ENCLOSED_CAPITALS) {
    if (codePoint >= first && codePoint < first + 26) return String.fromCharCode(0x61 + codePoint - first);
  }
  return undefined;
}

/** Symbols that stand for letters inside words: Ch@nel, $upreme. */
const LEET_SYMBOLS: Record<string, string> = { '@': 'a', $: 's' };

/** Latin, Vietnamese and common punctuation sit below this: an array lookup, not a map. */
const DENSE_LIMIT = 0x2100;
const dense: (FoldedChar | undefined)[] = new Array<FoldedChar | undefined>(DENSE_LIMIT);

export function foldChar(codePoint: number): FoldedChar {
  const cached = codePoint < DENSE_LIMIT ? dense[codePoint] : cache.get(codePoint);
  if (cached !== undefined) return cached;
  const folded = computeFold(String.fromCodePoint(codePoint));
  if (codePoint < DENSE_LIMIT) dense[codePoint] = folded;
  else cache.set(codePoint, folded);
  return folded;
}

function computeFold(char: string): FoldedChar {
  if (isInvisible(char.codePointAt(0)!)) return { kind: 'invisible', plain: '', accented: '' };
  if (MARK.test(char)) return { kind: 'mark', plain: '', accented: '' };
  const leet = LEET_SYMBOLS[char];
  if (leet !== undefined) return { kind: 'leet', plain: leet, accented: leet };
  const enclosed = enclosedCapital(char.codePointAt(0)!);
  if (enclosed !== undefined) return { kind: 'alnum', plain: enclosed, accented: enclosed };
  // NFKD maps fancy letters (𝐕, Ｖ, ⓥ) to plain ones and splits off the marks.
  const plain = stripMarks(char.normalize('NFKD')).toLowerCase().replace(/đ/g, 'd');
  if (plain.length > 0 && ALNUM.test(plain)) {
    const accentedCandidate = char.normalize('NFKC').toLowerCase();
    const accented = accentedCandidate.length === plain.length ? accentedCandidate : plain;
    return { kind: 'alnum', plain, accented };
  }
  if (PICTOGRAPH.test(char)) return { kind: 'pictograph', plain: '', accented: '' };
  return { kind: 'separator', plain: '', accented: '' };
}

function stripMarks(text: string): string {
  return text.replace(/\p{M}/gu, '');
}
