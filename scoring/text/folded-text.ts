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
  start: Int32Array;
  end: Int32Array;
  /** Whether the seller used any diacritics: if not, accent-sensitive terms match plain. */
  hasDiacritics: boolean;
}

export function foldText(text: string, teencode?: Teencode): FoldedText {
  const source = text.normalize('NFC');
  let tokens: Token[] = [];
  for (const token of tokenize(source)) tokens.push(...splitLettersFromDigits(undoLeet(token)));
  tokens = joinSpelledOut(tokens).map(collapseRepeats);
  if (teencode !== undefined) tokens = tokens.flatMap((token) => teencode.expand(token));
  return assemble(source, tokens);
}

function assemble(source: string, tokens: Token[]): FoldedText {
  let length = 1;
  for (const token of tokens) length += token.plain.length + 1;
  const start = new Int32Array(length);
  const end = new Int32Array(length);
  const plainParts: string[] = [' '];
  const accentedParts: string[] = [' '];
  let hasDiacritics = false;
  let position = 1;
  for (const token of tokens) {
    plainParts.push(token.plain, ' ');
    accentedParts.push(token.accented, ' ');
    if (!hasDiacritics && token.plain !== token.accented) hasDiacritics = true;
    for (let i = 0; i < token.plain.length; i++) {
      start[position] = token.starts[i]!;
      end[position] = token.ends[i]!;
      position++;
    }
    // The space after a word points at the end of that word.
    start[position] = end[position - 1]!;
    end[position] = end[position - 1]!;
    position++;
  }
  return {
    source,
    plain: plainParts.join(''),
    accented: accentedParts.join(''),
    start,
    end,
    hasDiacritics,
  };
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
