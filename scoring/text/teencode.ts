import type { Token } from './token.js';
import { tokenize } from './tokenize.js';

/** A word an abbreviation stands for, as the UTF-16 units of its two shadows. */
export interface TeencodeWord {
  plain: Uint16Array;
  accented: Uint16Array;
  /** plain differs from accented: the expansion carries diacritics. */
  hasDiacritics: boolean;
}

interface Entry {
  key: Uint16Array;
  words: readonly TeencodeWord[];
  /** The next entry in the same slot, or -1. */
  next: number;
}

/** Slots of the open hash table: a power of two, far more than there are keys. */
const SLOT_BITS = 12;
const SLOT_MASK = (1 << SLOT_BITS) - 1;

/**
 * Teencode and shop abbreviations expanded to the words they stand for ("tpcn" → "thực phẩm
 * chức năng"), so one lexicon term covers both. The expansion points back at the
 * abbreviation, so a reason still quotes what the seller wrote.
 */
export class Teencode {
  // A hash table over the keys' units: the folder looks each word up straight from its
  // buffer, without making a string of it.
  private readonly slots = new Int32Array(1 << SLOT_BITS).fill(-1);
  private readonly entries: Entry[] = [];
  /** Bit n of keyLengths[u]: some key of n units starts with unit u (n < 32). */
  private readonly keyLengths = new Uint32Array(0x10000);
  private hasLongKeys = false;

  constructor(entries: Record<string, string>) {
    // Through a Map first, so a later entry for the same folded key wins, as it always has.
    const expansions = new Map<string, Token[]>();
    for (const [short, long] of Object.entries(entries)) {
      const key = tokenize(short.normalize('NFC'))
        .map((token) => token.plain)
        .join(' ');
      expansions.set(key, tokenize(long.normalize('NFC')));
    }
    for (const [key, words] of expansions) this.insert(unitsOf(key), words.map(toTeencodeWord));
  }

  /** The words that the folded word `plain[from, to)` abbreviates, if it is a key. */
  lookup(plain: Uint16Array, from: number, to: number): readonly TeencodeWord[] | undefined {
    const length = to - from;
    if (length === 0) return undefined;
    // Most words are not the length of any key that starts with their first unit: one
    // array read rules them out without hashing.
    if (length < 32 ? ((this.keyLengths[plain[from]!]! >>> length) & 1) === 0 : !this.hasLongKeys)
      return undefined;
    for (let e = this.slots[hashUnits(plain, from, to) & SLOT_MASK]!; e !== -1;) {
      const entry = this.entries[e]!;
      if (sameUnits(entry.key, plain, from, to)) return entry.words;
      e = entry.next;
    }
    return undefined;
  }

  private insert(key: Uint16Array, words: readonly TeencodeWord[]): void {
    // An empty key (an abbreviation of separators only) can never match a word.
    if (key.length === 0) return;
    if (key.length < 32) this.keyLengths[key[0]!]! |= 1 << key.length;
    else this.hasLongKeys = true;
    const slot = hashUnits(key, 0, key.length) & SLOT_MASK;
    this.entries.push({ key, words, next: this.slots[slot]! });
    this.slots[slot] = this.entries.length - 1;
  }
}

function hashUnits(units: Uint16Array, from: number, to: number): number {
  let hash = to - from;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + units[i]!) | 0;
  return hash ^ (hash >>> SLOT_BITS);
}

function sameUnits(key: Uint16Array, units: Uint16Array, from: number, to: number): boolean {
  if (key.length !== to - from) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== units[from + i]) return false;
  return true;
}

function toTeencodeWord(token: Token): TeencodeWord {
  return {
    plain: unitsOf(token.plain),
    accented: unitsOf(token.accented),
    hasDiacritics: token.plain !== token.accented,
  };
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
