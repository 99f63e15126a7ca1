import { collapseRepeats, joinSpelledOut, splitLettersFromDigits, undoLeet } from './deobfuscate.js';
import type { Teencode } from './teencode.js';
import { tokenize } from './tokenize.js';
import type { Token } from './token.js';

/**
 * A field of seller text, normalised once for matching while keeping the way back to what
 * the seller wrote. `plain` is " word word … " (lowercase, no diacritics, obfuscation
 * undone, teencode expanded, single spaces, padded so every word has a space on each
 * side); `accented` is the same with Vietnamese marks kept. `start[i]`/`end[i]` give the
 * span of `source` behind position i.
 */
export interface FoldedText {
  source: string;
  plain: string;
  accented: string;
  start: number[];
  end: number[];
  /** Whether the seller used any diacritics: if not, accent-sensitive terms match plain. */
  hasDiacritics: boolean;
}

const DIGIT = /[0-9]/;
const COMBINING_MARK = /\p{M}/u;

export function foldText(text: string, teencode?: Teencode): FoldedText {
  // NFC only matters when combining marks are present; skipping it otherwise saves the
  // scorer's most expensive call on the precomposed text sellers nearly always send.
  const source = COMBINING_MARK.test(text) ? text.normalize('NFC') : text;
  // Plain loops, not flatMap / spread: this runs for every field of every record.
  const words: Token[] = [];
  for (const token of tokenize(source)) {
    // Leet and letter/digit splits only concern words with a digit: most have none.
    if (!DIGIT.test(token.plain)) {
      words.push(token);
      continue;
    }
    for (const piece of splitLettersFromDigits(undoLeet(token))) words.push(piece);
  }
  const tokens: Token[] = [];
  for (const word of joinSpelledOut(words)) {
    const collapsed = collapseRepeats(word);
    if (teencode === undefined) tokens.push(collapsed);
    else teencode.expandInto(collapsed, tokens);
  }
  return assemble(source, tokens);
}

function assemble(source: string, tokens: Token[]): FoldedText {
  // Plain arrays: allocating two typed arrays per field cost more than the whole fold.
  const start: number[] = [0];
  const end: number[] = [0];
  let plain = ' ';
  let accented = ' ';
  let hasDiacritics = false;
  for (const token of tokens) {
    plain += token.plain + ' ';
    accented += token.accented + ' ';
    if (!hasDiacritics && token.plain !== token.accented) hasDiacritics = true;
    const { starts, ends } = token;
    for (let i = 0; i < starts.length; i++) {
      start.push(starts[i]!);
      end.push(ends[i]!);
    }
    // The space after a word points at the end of that word.
    const wordEnd = end[end.length - 1]!;
    start.push(wordEnd);
    end.push(wordEnd);
  }
  return { source, plain, accented, start, end, hasDiacritics };
}

/**
 * The source text behind folded positions [from, to), trimmed of the padding spaces: what
 * the seller wrote, for an inspector to read.
 */
export function quote(
  text: FoldedText,
  from: number,
  to: number,
): { match: string; start: number; end: number } {
  let first = from;
  let last = to - 1;
  while (first < last && text.plain[first] === ' ') first++;
  while (last > first && text.plain[last] === ' ') last--;
  const start = text.start[first]!;
  const end = text.end[last]!;
  return { match: text.source.slice(start, end), start, end };
}
