import { foldChar } from '../text/char-fold.js';
import { ABROAD, ABROAD_NAMES, PROVINCE_UNITS } from './province-table.js';

export { ABROAD } from './province-table.js';

export interface NormalisedProvince {
  /** One of the 34 unit names exactly as provinces.md writes them, ABROAD, or absent. */
  province?: string;
  /** The text as given, trimmed; absent when there was none. */
  raw?: string;
}

/** The 34 units, in provinces.md order. */
export const PROVINCE_NAMES: readonly string[] = PROVINCE_UNITS.map((unit) => unit.name);

// Words that introduce a province or city and carry no name: "Tỉnh", "Thành phố", "TP.",
// "T.P", "Thủ đô". Folded, so "Tp." and "TP" are the same.
const PREFIXES: readonly (readonly string[])[] = [
  ['thanh', 'pho'],
  ['thu', 'do'],
  ['tinh'],
  ['tp'],
  ['t', 'p'],
];
// English and country tails: "Ho Chi Minh City", "Hà Nội Việt Nam".
const SUFFIXES: readonly (readonly string[])[] = [['city'], ['province'], ['viet', 'nam'], ['vietnam']];
// Commas and the like separate address levels ("Quận 1, TP. Hồ Chí Minh"); hyphens are
// only tried after whole parts because "Bà Rịa - Vũng Tàu" and "BR-VT" are single names.
const PART_SEPARATORS = /[,;|/()[\]\n\r\t]+/u;
const HYPHENS = /[-–—]+/u;

const index = buildIndex();

/**
 * Maps a marketplace location to the unit that handles it now. Tries the whole text, then
 * each comma part from the last (addresses run small to large), then the text after the
 * last "Tỉnh"/"TP." marker, then hyphen parts. Anything it does not know is left
 * undefined: a wrong province routes a lead to the wrong team, a missing one to triage.
 */
export function normaliseProvince(raw: string | undefined): NormalisedProvince {
  const trimmed = raw?.trim();
  if (trimmed === undefined || trimmed === '') return {};
  const province = findProvince(trimmed);
  return province === undefined ? { raw: trimmed } : { province, raw: trimmed };
}

/** True for the value kept for cross-border sellers. */
export function isAbroad(province: string | undefined): boolean {
  return province === ABROAD;
}

function findProvince(text: string): string | undefined {
  const whole = lookup(foldWords(text));
  if (whole !== undefined) return whole;
  const parts = text.split(PART_SEPARATORS).reverse();
  for (const part of parts) {
    const words = foldWords(part);
    const found = lookup(words) ?? lookup(afterLastMarker(words));
    if (found !== undefined) return found;
  }
  for (const part of parts) {
    for (const piece of part.split(HYPHENS).reverse()) {
      const words = foldWords(piece);
      const found = lookup(words) ?? lookup(afterLastMarker(words));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function lookup(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  return index.get(keyOf(words));
}

/**
 * "Quận 1 TP. Hồ Chí Minh" has no comma, but the marker says where the province starts.
 * Returns [] when there is no marker past the first word.
 */
function afterLastMarker(words: readonly string[]): string[] {
  for (let at = words.length - 1; at > 0; at--) {
    for (const prefix of PREFIXES) {
      if (startsWith(words, prefix, at) && at + prefix.length < words.length) {
        return words.slice(at + prefix.length);
      }
    }
  }
  return [];
}

/** Lowercase, diacritics stripped (đ→d), split into words on anything not a letter or digit. */
function foldWords(text: string): string[] {
  let folded = '';
  for (const char of text.normalize('NFC')) {
    const fold = foldChar(char.codePointAt(0)!);
    // Leet symbols (@, $) stand for letters only in product text; here they separate.
    if (fold.kind === 'alnum') folded += fold.plain;
    else if (fold.kind !== 'mark' && fold.kind !== 'invisible') folded += ' ';
  }
  return folded.split(' ').filter((word) => word.length > 0);
}

/**
 * The lookup key: prefixes and suffixes dropped, then the words joined without spaces, so
 * "Hà Nội", "HA NOI", "Hanoi" and "Tp. Hà Nội" all give "hanoi".
 */
function keyOf(words: readonly string[]): string {
  let start = 0;
  let end = words.length;
  for (const prefix of PREFIXES) {
    if (startsWith(words, prefix, start) && start + prefix.length < end) {
      start += prefix.length;
      break;
    }
  }
  for (const suffix of SUFFIXES) {
    if (end - suffix.length > start && startsWith(words, suffix, end - suffix.length)) {
      end -= suffix.length;
      break;
    }
  }
  return words.slice(start, end).join('');
}

function startsWith(words: readonly string[], prefix: readonly string[], at: number): boolean {
  if (at + prefix.length > words.length) return false;
  return prefix.every((word, offset) => words[at + offset] === word);
}

function buildIndex(): Map<string, string> {
  const built = new Map<string, string>();
  const add = (form: string, value: string): void => {
    const key = keyOf(foldWords(form));
    const existing = built.get(key);
    // Two units sharing a folded key would make routing depend on table order.
    if (existing !== undefined && existing !== value) {
      throw new Error(`province table: "${form}" folds to "${key}", already used by ${existing}`);
    }
    built.set(key, value);
  };
  for (const unit of PROVINCE_UNITS) {
    for (const form of [unit.name, ...unit.mergedFrom, ...unit.aliases]) add(form, unit.name);
  }
  for (const form of ABROAD_NAMES) add(form, ABROAD);
  return built;
}
