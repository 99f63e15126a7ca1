import { foldChar, type FoldedChar } from './char-fold.js';

/**
 * `foldChar` flattened into typed arrays for the scanner's hot loop: one array read per
 * character instead of an object and two strings. Filled lazily from `foldChar`, which stays
 * the single definition of how a character folds.
 */

/** Folds to exactly one UTF-16 unit in both shadows: read them with `alnumUnits`. */
export const ALNUM = 1;
/** Alphanumeric that folds to another length ("ﬁ" → "fi", astral letters): read `foldChar`. */
export const ALNUM_LONG = 2;
export const SEPARATOR = 3;
export const MARK = 4;
export const INVISIBLE = 5;
export const PICTOGRAPH = 6;
export const LEET = 7;

/** Traits of a UTF-16 unit, as bits. */
const KNOWN = 1;
/** Unicode \p{M}: its presence is what makes the text need NFC. */
const COMBINING = 2;
/** JavaScript's \s. */
const SPACE = 4;
/** May stand between spelled-out letters: [\s.\-_*:/|+'"~,]. */
const SPELLING = 8;
const LINE_BREAK = 16;
/** Unicode \p{L}, the test `undoLeet` and `collapseRepeats` apply to folded units. */
const LETTER = 32;

const BMP = 0x10000;
const classes = new Uint8Array(BMP);
/** For ALNUM code points: plain unit | accented unit << 16 (never 0: a fold is never NUL). */
const packedUnits = new Uint32Array(BMP);
const traits = new Uint8Array(BMP);

const KIND_CLASS: Record<FoldedChar['kind'], number> = {
  alnum: ALNUM,
  separator: SEPARATOR,
  mark: MARK,
  invisible: INVISIBLE,
  pictograph: PICTOGRAPH,
  leet: LEET,
};

/** The scanner class of a code point (one of the constants above). */
export function charClass(codePoint: number): number {
  if (codePoint >= BMP) {
    // No unit table for astral code points: their letters take the general path.
    const kind = classOf(foldChar(codePoint));
    return kind === ALNUM ? ALNUM_LONG : kind;
  }
  const known = classes[codePoint]!;
  return known !== 0 ? known : learnClass(codePoint);
}

function learnClass(codePoint: number): number {
  const folded = foldChar(codePoint);
  const kind = classOf(folded);
  if (kind === ALNUM)
    packedUnits[codePoint] = folded.plain.charCodeAt(0) | (folded.accented.charCodeAt(0) << 16);
  classes[codePoint] = kind;
  return kind;
}

function classOf(folded: FoldedChar): number {
  const kind = KIND_CLASS[folded.kind];
  if (kind !== ALNUM) return kind;
  return folded.plain.length === 1 && folded.accented.length === 1 ? ALNUM : ALNUM_LONG;
}

/**
 * The scanner's fast path: for a code point of class ALNUM, its plain unit | accented unit
 * << 16; for any other, 0. One array read for nearly every character of a field.
 */
export function alnumUnits(codePoint: number): number {
  if (codePoint >= BMP) return 0;
  const packed = packedUnits[codePoint]!;
  if (packed !== 0 || classes[codePoint] !== 0) return packed;
  learnClass(codePoint);
  return packedUnits[codePoint]!;
}

function traitsOf(unit: number): number {
  const known = traits[unit]!;
  return known !== 0 ? known : learnTraits(unit);
}

function learnTraits(unit: number): number {
  const char = String.fromCharCode(unit);
  let bits = KNOWN;
  if (/\p{M}/u.test(char)) bits |= COMBINING;
  if (/\s/.test(char)) bits |= SPACE;
  if (/[\s.\-_*:/|+'"~,]/.test(char)) bits |= SPELLING;
  if (unit === 10 || unit === 13) bits |= LINE_BREAK;
  if (/\p{L}/u.test(char)) bits |= LETTER;
  traits[unit] = bits;
  return bits;
}

// Fill the traits of ASCII up front: the branches below then never miss for it.
for (let unit = 0; unit < 128; unit++) learnTraits(unit);

/** Whether a code point is \p{M}. Astral marks all fold to MARK (no astral code point is invisible). */
export function isCombining(codePoint: number): boolean {
  if (codePoint >= BMP) return foldChar(codePoint).kind === 'mark';
  return (traitsOf(codePoint) & COMBINING) !== 0;
}

export function isLetterUnit(unit: number): boolean {
  return (traitsOf(unit) & LETTER) !== 0;
}

export function isDigitUnit(unit: number): boolean {
  return unit >= 48 && unit <= 57;
}

export function isSpaceUnit(unit: number): boolean {
  return (traitsOf(unit) & SPACE) !== 0;
}

/** A spelling-gap character that is not a line break (a line break ends spelling). */
export function isSpellingUnit(unit: number): boolean {
  return (traitsOf(unit) & (SPELLING | LINE_BREAK)) === SPELLING;
}
