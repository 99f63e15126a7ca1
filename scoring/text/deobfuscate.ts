import { isDigitCode, isLetterCode } from './char-fold.js';
import { sliceToken, tokenFrom, type Token } from './token.js';

/** Digits sellers write for letters inside a word: p0d, v4pe, ch4nel, h3rmes. */
const LEET_DIGITS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/**
 * A lone digit between letters is a letter in disguise ("p0d" → "pod"); so is a final "1"
 * after four or more letters ("Gucc1"). Runs of digits are numbers ("iphone15", "a52s").
 */
export function undoLeet(token: Token): Token {
  const { plain } = token;
  let hasLetter = false;
  let hasDigit = false;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    if (isDigitCode(code)) hasDigit = true;
    else if (isLetterCode(code)) hasLetter = true;
  }
  if (!hasLetter || !hasDigit) return token;

  let plainOut = '';
  let accentedOut = '';
  let changed = false;
  for (let i = 0; i < plain.length; i++) {
    const char = plain[i]!;
    const replacement = LEET_DIGITS[char];
    if (replacement !== undefined && isLeetPosition(plain, i)) {
      plainOut += replacement;
      accentedOut += replacement;
      changed = true;
    } else {
      plainOut += char;
      accentedOut += token.accented[i]!;
    }
  }
  return changed ? { ...token, plain: plainOut, accented: accentedOut } : token;
}

function isLeetPosition(plain: string, i: number): boolean {
  const before = i > 0 && isLetterCode(plain.charCodeAt(i - 1));
  const after = i + 1 < plain.length && isLetterCode(plain.charCodeAt(i + 1));
  if (before && after) return true;
  if (i === plain.length - 1 && plain[i] === '1' && i >= 4) {
    for (let j = 0; j < i; j++) if (!isLetterCode(plain.charCodeAt(j))) return false;
    return true;
  }
  return false;
}

/** "rep11" → "rep" "11", "iphone15promax" → "iphone" "15" "promax", "100ml" → "100" "ml". */
export function splitLettersFromDigits(token: Token): Token[] {
  const { plain } = token;
  const pieces: Token[] = [];
  let from = 0;
  for (let i = 1; i <= plain.length; i++) {
    const boundary =
      i === plain.length || isDigitCode(plain.charCodeAt(i)) !== isDigitCode(plain.charCodeAt(i - 1));
    if (boundary) {
      pieces.push(
        from === 0 && i === plain.length ? token : sliceToken(token, from, i, from === 0 ? token.gap : ''),
      );
      from = i;
    }
  }
  return pieces;
}

/** Separators that spell a word out letter by letter: v.a.p.e, L.V, s-f, 1:1, p*o*d. */
const SPELLING_GAP = /^[\s.\-_*:/|+'"~,]{1,3}$/u;
const LINE_BREAK = /[\n\r]/;

/**
 * Joins letters written apart: "v a p e" → "vape", "rép 1 1" → "rep 11", "P.h.á.o b.i" →
 * "phao bi", "ph.á.o" → "phao". A run is single characters apart, or pieces of at most two
 * characters apart by punctuation only; one run keeps one kind of gap, so the space in
 * "P.h.á.o b.i" ends a word. Letters join letters and digits join digits across any short
 * gap; a letter and a digit join only across punctuation ("p.0.d"), so "B1 B6" stays two
 * vitamins.
 */
export function joinSpelledOut(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let run: Token[] = [];
  let runSpaced = false;
  const flush = (): void => {
    if (isSpelledRun(run)) out.push(undoLeet(tokenFrom(run, run[0]!.gap)));
    else for (const token of run) out.push(token);
    run = [];
  };
  for (const token of tokens) {
    if (token.plain.length > 2) {
      flush();
      out.push(token);
      continue;
    }
    const previous = run[run.length - 1];
    if (previous !== undefined) {
      const spaced = isSpaced(token.gap);
      if (!canJoin(previous, token) || (run.length >= 2 && spaced !== runSpaced)) flush();
      else if (run.length === 1) runSpaced = spaced;
    }
    run.push(token);
  }
  flush();
  return out;
}

function isSpelledRun(run: Token[]): boolean {
  if (run.length < 2) return false;
  if (run.every((token) => token.plain.length === 1)) return true;
  // Two-character pieces only across punctuation ("ph.á.o"), never across spaces ("xe o to").
  const singles = run.filter((token) => token.plain.length === 1).length;
  return singles >= 2 && run.slice(1).every((token) => !isSpaced(token.gap));
}

function isSpaced(gap: string): boolean {
  return /\s/.test(gap);
}

function canJoin(previous: Token, next: Token): boolean {
  if (next.gap === '') return false; // split from one word: "b1" is a vitamin name, not spelling
  if (!SPELLING_GAP.test(next.gap) || LINE_BREAK.test(next.gap)) return false;
  const sameClass = isDigitCode(previous.plain.charCodeAt(0)) === isDigitCode(next.plain.charCodeAt(0));
  return sameClass || !isSpaced(next.gap);
}

/** "vapeeee" → "vape", "authhh" → "auth". Runs of three or more of one letter become one. */
export function collapseRepeats(token: Token): Token {
  const { plain } = token;
  if (!hasTripleLetter(plain)) return token;
  const keep: number[] = [];
  const ends = token.ends.slice();
  for (let i = 0; i < plain.length; i++) {
    const char = plain[i]!;
    const repeatStart = i >= 1 && plain[i - 1] === char && isLetterCode(plain.charCodeAt(i));
    if (!repeatStart) {
      keep.push(i);
      continue;
    }
    // Count the run this character belongs to.
    let runStart = i - 1;
    while (runStart > 0 && plain[runStart - 1] === char) runStart--;
    let runEnd = i;
    while (runEnd + 1 < plain.length && plain[runEnd + 1] === char) runEnd++;
    if (runEnd - runStart + 1 < 3) keep.push(i);
    else ends[runStart] = token.ends[runEnd]!;
  }
  return {
    plain: keep.map((i) => plain[i]).join(''),
    accented: keep.map((i) => token.accented[i]).join(''),
    starts: keep.map((i) => token.starts[i]!),
    ends: keep.map((i) => ends[i]!),
    gap: token.gap,
  };
}

function hasTripleLetter(plain: string): boolean {
  for (let i = 2; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    if (code === plain.charCodeAt(i - 1) && code === plain.charCodeAt(i - 2) && isLetterCode(code))
      return true;
  }
  return false;
}
