import { foldChar } from './char-fold.js';
import {
  ALNUM,
  ALNUM_LONG,
  INVISIBLE,
  LEET,
  MARK,
  PICTOGRAPH,
  alnumUnits,
  charClass,
  isCombining,
  isDigitUnit,
  isSpaceUnit,
  isSpellingUnit,
} from './char-table.js';
import { splitLettersFromDigits } from './deobfuscate.js';
import type { Token } from './token.js';
import { FieldBuffer, GAP_JOINABLE, GAP_SPACED, MAY_REPEAT, WordList } from './word-buffer.js';

/**
 * Splits NFC text into folded words. Separators end a word, except where sellers hide a
 * word's letters behind something: an emoji or an invisible character between two letters
 * ("v💨ape"), or @ / $ standing for a letter ("Ch@nel").
 */
export function tokenize(source: string): Token[] {
  const out = new FieldBuffer();
  const words = new WordList();
  const gaps: string[] = [];
  scanWords(source, out, words, { stopAtCombining: false, splitDigits: false, gaps });
  const tokens: Token[] = [];
  for (let w = 0; w < words.count; w++) {
    const from = words.from[w]!;
    const to = words.to[w]!;
    tokens.push({
      plain: out.plainText(from, to),
      accented: out.accentedText(from, to),
      starts: out.startsOf(from, to),
      ends: out.endsOf(from, to),
      gap: gaps[w]!,
    });
  }
  return tokens;
}

export interface ScanOptions {
  /** Give up, returning false, at the first combining mark: the text needs NFC first. */
  stopAtCombining: boolean;
  /** Undo leet in words with a digit and split them where letters meet digits. */
  splitDigits: boolean;
  /** Receives each word's gap text (only `tokenize` needs it). */
  gaps?: string[];
}

/**
 * `tokenize` straight into the layout of FoldedText: " word word … ", every word followed by
 * a space that points at the end of the word. `words` receives each word's range, flagged
 * with what its gap allows (see word-buffer.ts). Returns false if it gave up (see
 * ScanOptions), true otherwise.
 */
export function scanWords(source: string, out: FieldBuffer, words: WordList, options: ScanOptions): boolean {
  const { stopAtCombining, splitDigits, gaps } = options;
  words.count = 0;
  // The fast paths below write the shadows directly, relying on reserveRest.
  out.length = 0;
  reserveRest(out, source.length);
  out.push(SPACE, SPACE, 0, 0);
  let { plain, accented, start: starts, end: ends } = out;
  let n = 1;
  let wordFrom = -1; // the open word's first unit, -1 between words
  let wordFlags = 0;
  let hasDigit = false;
  // The separators since the last letter or digit, summarised for joinSpelledOut.
  let gapUnits = 0;
  let gapSpelling = true;
  let gapSpaced = false;
  let gap = '';
  const length = source.length;
  for (let offset = 0; offset < length;) {
    const start = offset;
    // codePointAt by hand: this loop sees every character of every field.
    let codePoint = source.charCodeAt(offset++);
    if ((codePoint & 0xfc00) === 0xd800 && offset < length) {
      const low = source.charCodeAt(offset);
      if ((low & 0xfc00) === 0xdc00) {
        codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        offset++;
      }
    }
    const units = alnumUnits(codePoint);
    const kind = units !== 0 ? ALNUM : charClass(codePoint);
    if (kind === ALNUM || kind === ALNUM_LONG) {
      if (wordFrom < 0) {
        // The gap is cleared by every letter or digit; inside a word it is already empty.
        wordFrom = n;
        wordFlags = gapFlags(gapUnits, gapSpelling, gapSpaced);
        hasDigit = false;
        gaps?.push(gap);
        gapUnits = 0;
        gapSpelling = true;
        gapSpaced = false;
        gap = '';
      }
      if (units !== 0) {
        const unit = units & 0xffff;
        plain[n] = unit;
        accented[n] = units >>> 16;
        starts[n] = start;
        ends[n] = offset;
        if (n - wordFrom >= 2 && unit === plain[n - 1] && unit === plain[n - 2]) wordFlags |= MAY_REPEAT;
        n++;
        if (isDigitUnit(unit)) hasDigit = true;
      } else {
        out.length = n;
        if (appendFolded(out, codePoint, start, offset)) hasDigit = true;
        reserveRest(out, length - offset);
        ({ plain, accented, start: starts, end: ends, length: n } = out);
        wordFlags |= MAY_REPEAT; // not tracked on this rare path: check the word later
      }
      continue;
    }
    if (kind === MARK || kind === INVISIBLE) {
      if (stopAtCombining && (kind === MARK || isCombining(codePoint))) return false;
      // A combining mark left over after NFC belongs to the character before it.
      if (kind === MARK && wordFrom >= 0) ends[n - 1] = offset;
      continue;
    }
    if ((kind === LEET || kind === PICTOGRAPH) && wordFrom >= 0 && nextIsAlnum(source, offset)) {
      if (kind === LEET) {
        out.length = n;
        appendFolded(out, codePoint, start, offset);
        reserveRest(out, length - offset);
        ({ plain, accented, start: starts, end: ends, length: n } = out);
        wordFlags |= MAY_REPEAT;
      }
      continue;
    }
    // A separator, or a symbol that does not stand inside a word.
    if (wordFrom >= 0) {
      if (splitDigits && hasDigit) {
        out.length = n;
        closeWord(out, words, wordFrom, wordFlags, true);
        ({ plain, accented, start: starts, end: ends, length: n } = out);
      } else {
        // closeWord's common case, inline: record the word, write the space after it.
        words.add(wordFrom, n, wordFlags);
        const wordEnd = ends[n - 1]!;
        plain[n] = SPACE;
        accented[n] = SPACE;
        starts[n] = wordEnd;
        ends[n] = wordEnd;
        n++;
      }
      wordFrom = -1;
    }
    if (codePoint === SPACE) {
      // Nearly every gap is one space.
      gapUnits++;
      gapSpaced = true;
    } else
      for (let i = start; i < offset; i++) {
        const unit = source.charCodeAt(i);
        gapUnits++;
        if (!isSpellingUnit(unit)) gapSpelling = false;
        if (isSpaceUnit(unit)) gapSpaced = true;
      }
    if (gaps !== undefined) gap += source.slice(start, offset);
  }
  out.length = n;
  if (wordFrom >= 0) closeWord(out, words, wordFrom, wordFlags, splitDigits && hasDigit);
  return true;
}

/** Ends the word [from, out.length): records it (or its pieces) and writes the space after it. */
function closeWord(out: FieldBuffer, words: WordList, from: number, flags: number, split: boolean): void {
  if (split) splitLettersFromDigits(out, words, from, flags);
  else words.add(from, out.length, flags);
  const wordEnd = out.end[out.length - 1]!;
  out.push(SPACE, SPACE, wordEnd, wordEnd);
}

const SPACE = 0x20;

function gapFlags(units: number, spelling: boolean, spaced: boolean): number {
  return (spelling && units >= 1 && units <= 3 ? GAP_JOINABLE : 0) | (spaced ? GAP_SPACED : 0);
}

/**
 * Makes room for what `remaining` source units can still add on the direct-write paths: a
 * unit folds to at most one unit there, and each unit can end at most one word or piece,
 * followed by one space. Folds of another length ("ﬃ" → "ffi") go through `push`, which
 * grows the buffer but may leave it full, so this is called again after them.
 */
function reserveRest(out: FieldBuffer, remaining: number): void {
  out.reserve(2 * remaining + 2);
}

/**
 * Appends a fold through `foldChar`: folds of another length ("ﬁ" → "fi", every unit
 * spanning the whole source character), astral letters and leet symbols. Returns whether it
 * holds a digit.
 */
function appendFolded(out: FieldBuffer, codePoint: number, start: number, end: number): boolean {
  const { plain, accented } = foldChar(codePoint);
  let digit = false;
  for (let i = 0; i < plain.length; i++) {
    const unit = plain.charCodeAt(i);
    if (isDigitUnit(unit)) digit = true;
    out.push(unit, accented.charCodeAt(i), start, end);
  }
  return digit;
}

function nextIsAlnum(source: string, from: number): boolean {
  for (let offset = from; offset < source.length;) {
    const codePoint = codePointAt(source, offset);
    offset += codePoint > 0xffff ? 2 : 1;
    const kind = charClass(codePoint);
    if (kind === ALNUM || kind === ALNUM_LONG) return true;
    if (kind !== PICTOGRAPH && kind !== INVISIBLE && kind !== MARK) return false;
  }
  return false;
}

/** `String.prototype.codePointAt` without the undefined: a lone surrogate is its own code point. */
function codePointAt(source: string, offset: number): number {
  const unit = source.charCodeAt(offset);
  if (unit < 0xd800 || unit > 0xdbff || offset + 1 >= source.length) return unit;
  const low = source.charCodeAt(offset + 1);
  if (low < 0xdc00 || low > 0xdfff) return unit;
  return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
}
