import { foldText, type FoldedText } from '../text/folded-text.js';
import type { Teencode } from '../text/teencode.js';
import { AhoCorasick } from './aho-corasick.js';
import type { RoleEntry, TermRole } from './term-role.js';

/** A field of a record as the matcher searches it. */
export interface MatchField {
  field: string;
  text: FoldedText;
  /**
   * What separates the items the field offers: " + " in a combo ("pháo hoa + bia 333"); a
   * livestream's title also lists them with commas ("sữa Meiji, viên uống DHC, kem Anessa").
   */
  itemJoins: readonly string[];
}

/** A term found in one field, with its folded span. */
export interface Hit {
  field: string;
  text: FoldedText;
  itemJoins: readonly string[];
  from: number;
  to: number;
  term: string;
  role: TermRole;
}

const SPACE = 0x20;

/**
 * Whether the seller's marks agree with an accent-sensitive term, word by word: a word the
 * seller wrote with any mark must carry exactly the term's marks ("giá" is not "giả",
 * "dầm" is not "đầm"); a word written bare matches, since sellers often drop them all.
 */
function accentsAgree(text: FoldedText, from: number, accented: string): boolean {
  if (!text.hasDiacritics) return true;
  let wordStart = 0;
  for (let i = 0; i <= accented.length; i++) {
    if (i < accented.length && accented.charCodeAt(i) !== SPACE) continue;
    if (!wordAgrees(text, from + wordStart, accented, wordStart, i)) return false;
    wordStart = i + 1;
  }
  return true;
}

/** One word of an accented term against the seller's: the same marks, or none at all. */
function wordAgrees(text: FoldedText, at: number, accented: string, from: number, to: number): boolean {
  let sameMarks = true;
  let bare = true;
  for (let k = 0; k < to - from && (sameMarks || bare); k++) {
    const written = text.accented.charCodeAt(at + k);
    sameMarks &&= written === accented.charCodeAt(from + k);
    bare &&= written === text.plain.charCodeAt(at + k);
  }
  return sameMarks || bare;
}

/**
 * Whether the seller's text behind a match has a clause break inside it: a comma, semicolon,
 * full stop, "!" or "?" followed by a space, or a line break. Folding drops punctuation, so
 * "hút chân không, có nhãn" folds like the sign "không có nhãn"; the words of one term are
 * one phrase. ("2,4-D" and "v.a.p.e" have no space after the mark.)
 */
function crossesClauseBreak(text: FoldedText, from: number, to: number): boolean {
  // `from` and `to - 1` are the pattern's padding spaces.
  const start = text.start[from + 1]!;
  const end = text.end[to - 2]!;
  const { source } = text;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0a) return true;
    if (code !== 0x2c && code !== 0x3b && code !== 0x2e && code !== 0x21 && code !== 0x3f) continue;
    const after = source.charCodeAt(i + 1);
    if (after === 0x20 || after === 0x0a || after === 0x09) return true;
  }
  return false;
}

/**
 * Every lexicon term compiled once into one Aho–Corasick automaton over folded text.
 * Patterns are padded with spaces, so they match whole words only ("pod" never matches
 * inside "tripod"), and a record's fields are searched in a single pass.
 */
export class TermMatcher {
  private readonly automaton: AhoCorasick;
  private readonly entries: RoleEntry[][] = [];
  readonly patternCount: number;

  constructor(
    terms: { term: string; role: TermRole; accented?: boolean }[],
    private readonly teencode: Teencode,
  ) {
    const byPattern = new Map<string, number>();
    for (const { term, role, accented } of terms) {
      const folded = foldText(term, teencode);
      const pattern = folded.plain;
      if (pattern.trim() === '') continue;
      let index = byPattern.get(pattern);
      if (index === undefined) {
        index = this.entries.length;
        byPattern.set(pattern, index);
        this.entries.push([]);
      }
      const entry: RoleEntry = { role, term };
      if (accented === true) entry.accented = folded.accented;
      this.entries[index]!.push(entry);
    }
    this.patternCount = byPattern.size;
    // Patterns are numbered in insertion order, the same numbers as `entries`.
    this.automaton = new AhoCorasick([...byPattern.keys()]);
  }

  fold(text: string): FoldedText {
    return foldText(text, this.teencode);
  }

  /**
   * All hits in the given fields, field by field in order. Each field's folded text starts
   * and ends with a space and patterns are space-padded, so no match can run across fields.
   */
  match(fields: readonly MatchField[]): Hit[] {
    const hits: Hit[] = [];
    for (const { field, text, itemJoins } of fields) {
      this.automaton.scan(text.plain, (from, to, pattern) => {
        if (crossesClauseBreak(text, from, to)) return;
        for (const entry of this.entries[pattern]!) {
          if (entry.accented !== undefined && !accentsAgree(text, from, entry.accented)) continue;
          hits.push({ field, text, itemJoins, from, to, term: entry.term, role: entry.role });
        }
      });
    }
    return hits;
  }
}
