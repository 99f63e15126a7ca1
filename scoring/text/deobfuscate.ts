import { isDigitUnit, isLetterUnit } from './char-table.js';
import {
  GAP_JOINABLE,
  GAP_SPACED,
  JOINED,
  MAY_REPEAT,
  type FieldBuffer,
  type WordList,
} from './word-buffer.js';

// Every step works in place on a field's FieldBuffer, on words given as index ranges: a
// field is folded without building a string or an array per word.

/** Digits sellers write for letters inside a word: p0d, v4pe, ch4nel, h3rmes (0 = none). */
const LEET_DIGITS = new Uint16Array(10);
for (const [digit, letter] of Object.entries({ 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't' }))
  LEET_DIGITS[Number(digit)] = letter.charCodeAt(0);
const ONE = 0x31;
const SPACE = 0x20;

/**
 * A lone digit between letters is a letter in disguise ("p0d" → "pod"); so is a final "1"
 * after four or more letters ("Gucc1"). Runs of digits are numbers ("iphone15", "a52s").
 */
export function undoLeet(plain: Uint16Array, accented: Uint16Array, from: number, to: number): void {
  if (!hasLetterAndDigit(plain, from, to)) return;
  // Positions are judged on the word as written, so remember the unit before replacing it.
  let previousIsLetter = false;
  let allLettersBefore = true;
  for (let i = from; i < to; i++) {
    const unit = plain[i]!;
    const isLetter = isLetterUnit(unit);
    const replacement = isDigitUnit(unit) ? LEET_DIGITS[unit - 0x30]! : 0;
    if (replacement !== 0) {
      const betweenLetters = previousIsLetter && i + 1 < to && isLetterUnit(plain[i + 1]!);
      const finalOne = i === to - 1 && unit === ONE && i - from >= 4 && allLettersBefore;
      if (betweenLetters || finalOne) {
        plain[i] = replacement;
        accented[i] = replacement;
      }
    }
    previousIsLetter = isLetter;
    allLettersBefore &&= isLetter;
  }
}

function hasLetterAndDigit(plain: Uint16Array, from: number, to: number): boolean {
  let hasLetter = false;
  let hasDigit = false;
  for (let i = from; i < to; i++) {
    const unit = plain[i]!;
    if (isDigitUnit(unit)) hasDigit = true;
    else if (isLetterUnit(unit)) hasLetter = true;
  }
  return hasLetter && hasDigit;
}

/**
 * Takes the word with a digit that ends `out` (from `from` on): undoes leet, then splits it
 * where letters meet digits, "rep11" → "rep" "11", "iphone15promax" → "iphone" "15"
 * "promax", "100ml" → "100" "ml", writing a space between the pieces. Pieces split off a
 * word have no gap before them. The word is the tail of `out`, so the split moves only it.
 */
export function splitLettersFromDigits(out: FieldBuffer, words: WordList, from: number, flags: number): void {
  const to = out.length;
  undoLeet(out.plain, out.accented, from, to);
  let boundaries = 0;
  for (let i = from + 1; i < to; i++)
    if (isDigitUnit(out.plain[i]!) !== isDigitUnit(out.plain[i - 1]!)) boundaries++;
  if (boundaries > 0) insertSpaces(out, from, to, boundaries);
  // Record the pieces, now each ended by a space (the last one by the end of `out`).
  let pieceFrom = from;
  const end = to + boundaries;
  for (let i = from; i <= end; i++) {
    if (i < end && out.plain[i] !== SPACE) continue;
    const repeat = hasTripleLetter(out.plain, pieceFrom, i) ? MAY_REPEAT : 0;
    words.add(pieceFrom, i, (pieceFrom === from ? flags & ~MAY_REPEAT : 0) | repeat);
    pieceFrom = i + 1;
  }
}

/** Moves the units of [from, to) right, inserting a space wherever letters meet digits. */
function insertSpaces(out: FieldBuffer, from: number, to: number, count: number): void {
  out.reserve(count);
  const { plain, accented, start, end } = out;
  let write = to + count - 1;
  for (let read = to - 1; read >= from; read--, write--) {
    const unit = plain[read]!;
    const boundary = read > from && isDigitUnit(unit) !== isDigitUnit(plain[read - 1]!);
    plain[write] = unit;
    accented[write] = accented[read]!;
    start[write] = start[read]!;
    end[write] = end[read]!;
    if (boundary) {
      // The space after a piece points at the end of that piece.
      write--;
      const pieceEnd = end[read - 1]!;
      plain[write] = SPACE;
      accented[write] = SPACE;
      start[write] = pieceEnd;
      end[write] = pieceEnd;
    }
  }
  out.length = to + count;
}

/**
 * Joins letters written apart: "v a p e" → "vape", "rép 1 1" → "rep 11", "P.h.á.o b.i" →
 * "phao bi", "ph.á.o" → "phao". A run is single characters apart, or pieces of at most two
 * characters apart by punctuation only; one run keeps one kind of gap, so the space in
 * "P.h.á.o b.i" ends a word. Letters join letters and digits join digits across any short
 * gap; a letter and a digit join only across punctuation ("p.0.d"), so "B1 B6" stays two
 * vitamins. A joined run is recorded as one range flagged JOINED (the spaces inside it are
 * dropped when the field is rebuilt). Returns whether any run joined.
 */
export function joinSpelledOut(plain: Uint16Array, pieces: WordList, out: WordList): boolean {
  const { from, to, flags } = pieces;
  out.count = 0;
  let joinedAny = false;
  let runFirst = 0;
  let runLength = 0;
  let runSpaced = false;
  for (let k = 0; k < pieces.count; k++) {
    if (to[k]! - from[k]! > 2) {
      if (flushRun(plain, pieces, runFirst, runLength, out)) joinedAny = true;
      runLength = 0;
      out.add(from[k]!, to[k]!, flags[k]! & MAY_REPEAT);
      continue;
    }
    if (runLength > 0) {
      const spaced = (flags[k]! & GAP_SPACED) !== 0;
      if (!canJoin(plain, pieces, k)) {
        if (flushRun(plain, pieces, runFirst, runLength, out)) joinedAny = true;
        runLength = 0;
      } else if (runLength >= 2 && spaced !== runSpaced) {
        if (!isSpelledRun(plain, pieces, runFirst, runLength)) {
          // The run's last piece starts what follows: in "Mỹ x.á.c.h" the "x" is spelled
          // with "ách", not a word after "Mỹ". (In "P.h.á.o b.i" the "o" ends "phao".)
          if (flushRun(plain, pieces, runFirst, runLength - 1, out)) joinedAny = true;
          runFirst = k - 1;
          runLength = 1;
          runSpaced = spaced;
        } else {
          if (flushRun(plain, pieces, runFirst, runLength, out)) joinedAny = true;
          runLength = 0;
        }
      } else if (runLength === 1) runSpaced = spaced;
    }
    if (runLength === 0) runFirst = k;
    runLength++;
  }
  if (flushRun(plain, pieces, runFirst, runLength, out)) joinedAny = true;
  return joinedAny;
}

function flushRun(
  plain: Uint16Array,
  pieces: WordList,
  first: number,
  length: number,
  out: WordList,
): boolean {
  if (length === 0) return false;
  if (isSpelledRun(plain, pieces, first, length)) {
    out.add(pieces.from[first]!, pieces.to[first + length - 1]!, JOINED);
    return true;
  }
  for (let k = first; k < first + length; k++)
    out.add(pieces.from[k]!, pieces.to[k]!, pieces.flags[k]! & MAY_REPEAT);
  return false;
}

function isSpelledRun(plain: Uint16Array, pieces: WordList, first: number, length: number): boolean {
  if (length < 2) return false;
  let singles = 0;
  for (let k = first; k < first + length; k++) if (pieces.to[k]! - pieces.from[k]! === 1) singles++;
  if (singles === length) return true;
  // Two-character pieces only across punctuation ("ph.á.o"), never across spaces ("xe o to").
  for (let k = first + 1; k < first + length; k++) if ((pieces.flags[k]! & GAP_SPACED) !== 0) return false;
  if (singles >= 2) return true;
  // A word's first letter dotted off the rest: "nội đ.ịa", "x.ác". Not the other way round
  // ("bi-a" is billiards, not "bia"), and letters only ("1.25" is a number).
  return (
    length === 2 &&
    pieces.to[first]! - pieces.from[first]! === 1 &&
    !isDigitUnit(plain[pieces.from[first]!]!) &&
    !isDigitUnit(plain[pieces.from[first + 1]!]!)
  );
}

/** Whether piece k may continue the spelling run that ends with piece k - 1. */
function canJoin(plain: Uint16Array, pieces: WordList, k: number): boolean {
  const gap = pieces.flags[k]!;
  // Not joinable: no gap (split from one word: "b1" is a vitamin name, not spelling), a
  // long gap, a line break or other punctuation.
  if ((gap & GAP_JOINABLE) === 0) return false;
  const sameClass = isDigitUnit(plain[pieces.from[k - 1]!]!) === isDigitUnit(plain[pieces.from[k]!]!);
  return sameClass || (gap & GAP_SPACED) === 0;
}

/** "vapeeee" → "vape", "authhh" → "auth": whether the word has a run of three or more of one letter. */
export function hasTripleLetter(plain: Uint16Array, from: number, to: number): boolean {
  for (let i = from + 2; i < to; i++) {
    const unit = plain[i]!;
    if (unit === plain[i - 1] && unit === plain[i - 2] && isLetterUnit(unit)) return true;
  }
  return false;
}

/**
 * Makes runs of three or more of one letter one, in place in [from, out.length): the kept
 * letter spans the whole run. Shortens `out`.
 */
export function collapseRepeats(out: FieldBuffer, from: number): void {
  const { plain, accented, start, end } = out;
  const to = out.length;
  let write = from;
  for (let i = from; i < to;) {
    const unit = plain[i]!;
    let last = i;
    while (last + 1 < to && plain[last + 1] === unit) last++;
    const collapse = last - i >= 2 && isLetterUnit(unit);
    const runEnd = end[last]!;
    for (const stop = collapse ? i + 1 : last + 1; i < stop; i++, write++) {
      plain[write] = unit;
      accented[write] = accented[i]!;
      start[write] = start[i]!;
      end[write] = end[i]!;
    }
    if (collapse) {
      end[write - 1] = runEnd;
      i = last + 1;
    }
  }
  out.length = write;
}
