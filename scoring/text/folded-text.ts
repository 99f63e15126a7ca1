import { collapseRepeats, hasTripleLetter, joinSpelledOut, undoLeet } from './deobfuscate.js';
import type { Teencode, TeencodeWord } from './teencode.js';
import { scanWords } from './tokenize.js';
import { FieldBuffer, JOINED, MAY_REPEAT, WordList } from './word-buffer.js';

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

// Scratch shared by every call (foldText is synchronous and never re-entered).
const scanned = new FieldBuffer();
const rebuilt = new FieldBuffer();
const pieces = new WordList();
const words = new WordList();

const SPACE = 0x20;

export function foldText(text: string, teencode?: Teencode): FoldedText {
  // NFC only matters when combining marks are present. The scan gives up at the first one,
  // so the precomposed text sellers nearly always send is never normalised.
  let source = text;
  if (!scanWords(text, scanned, pieces, { stopAtCombining: true, splitDigits: true })) {
    source = text.normalize('NFC');
    scanWords(source, scanned, pieces, { stopAtCombining: false, splitDigits: true });
  }
  // The scan has already written the field as " word word … ", leet undone and numbers split
  // off. Most fields need nothing more; the rest are rebuilt word by word.
  const joined = joinSpelledOut(scanned.plain, pieces, words);
  if (joined || needsRewrite(teencode)) {
    rebuild(teencode);
    return toFoldedText(source, rebuilt, hasDiacriticsIn(rebuilt));
  }
  return toFoldedText(source, scanned, hasDiacriticsIn(scanned));
}

/** Whether a word has repeats to collapse or is an abbreviation to expand. */
function needsRewrite(teencode: Teencode | undefined): boolean {
  const { plain } = scanned;
  for (let w = 0; w < words.count; w++) {
    const from = words.from[w]!;
    const to = words.to[w]!;
    if ((words.flags[w]! & MAY_REPEAT) !== 0 && hasTripleLetter(plain, from, to)) return true;
    if (teencode?.lookup(plain, from, to) !== undefined) return true;
  }
  return false;
}

/** Writes the field again into `rebuilt`: spelled-out runs joined, repeats collapsed, teencode expanded. */
function rebuild(teencode: Teencode | undefined): void {
  rebuilt.length = 0;
  rebuilt.push(SPACE, SPACE, 0, 0);
  for (let w = 0; w < words.count; w++) {
    const wordStart = rebuilt.length;
    const joinedRun = (words.flags[w]! & JOINED) !== 0;
    copyWord(words.from[w]!, words.to[w]!);
    if (joinedRun) undoLeet(rebuilt.plain, rebuilt.accented, wordStart, rebuilt.length);
    if (hasTripleLetter(rebuilt.plain, wordStart, rebuilt.length)) collapseRepeats(rebuilt, wordStart);
    const expansion = teencode?.lookup(rebuilt.plain, wordStart, rebuilt.length);
    if (expansion !== undefined) expand(expansion, wordStart);
    else endWord();
  }
}

/** Copies a word's units from `scanned`, without the spaces inside a joined run. */
function copyWord(from: number, to: number): void {
  const { plain, accented, start, end } = scanned;
  for (let i = from; i < to; i++)
    if (plain[i] !== SPACE) rebuilt.push(plain[i]!, accented[i]!, start[i]!, end[i]!);
}

/** The space after a word points at the end of that word. */
function endWord(): void {
  const wordEnd = rebuilt.end[rebuilt.length - 1]!;
  rebuilt.push(SPACE, SPACE, wordEnd, wordEnd);
}

/** Replaces the word written from `wordStart` by the words it abbreviates, all pointing at it. */
function expand(expansion: readonly TeencodeWord[], wordStart: number): void {
  const start = rebuilt.start[wordStart]!;
  const end = rebuilt.end[rebuilt.length - 1]!;
  rebuilt.length = wordStart;
  for (const word of expansion) {
    for (let i = 0; i < word.plain.length; i++) rebuilt.push(word.plain[i]!, word.accented[i]!, start, end);
    rebuilt.push(SPACE, SPACE, end, end);
  }
}

function hasDiacriticsIn(field: FieldBuffer): boolean {
  const { plain, accented, length } = field;
  for (let i = 0; i < length; i++) if (plain[i] !== accented[i]) return true;
  return false;
}

function toFoldedText(source: string, field: FieldBuffer, hasDiacritics: boolean): FoldedText {
  const plain = field.plainText(0, field.length);
  // Without diacritics the two shadows are the same string: decode it once.
  const accented = hasDiacritics ? field.accentedText(0, field.length) : plain;
  const start = field.startsOf(0, field.length);
  const end = field.endsOf(0, field.length);
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
