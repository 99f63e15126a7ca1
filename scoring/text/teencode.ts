import type { Token } from './token.js';
import { tokenize } from './tokenize.js';

/**
 * Teencode and shop abbreviations expanded to the words they stand for ("tpcn" → "thực phẩm
 * chức năng"), so one lexicon term covers both. The expansion points back at the
 * abbreviation, so a reason still quotes what the seller wrote.
 */
export class Teencode {
  private readonly expansions = new Map<string, Token[]>();

  constructor(entries: Record<string, string>) {
    for (const [short, long] of Object.entries(entries)) {
      const key = tokenize(short.normalize('NFC'))
        .map((token) => token.plain)
        .join(' ');
      this.expansions.set(key, tokenize(long.normalize('NFC')));
    }
  }

  /** Appends the token, or the words it abbreviates, to `out`. */
  expandInto(token: Token, out: Token[]): void {
    const words = this.expansions.get(token.plain);
    if (words === undefined) {
      out.push(token);
      return;
    }
    words.forEach((word, index) => {
      out.push({
        plain: word.plain,
        accented: word.accented,
        starts: new Array<number>(word.plain.length).fill(token.starts[0] ?? 0),
        ends: new Array<number>(word.plain.length).fill(token.ends[token.ends.length - 1] ?? 0),
        gap: index === 0 ? token.gap : ' ',
      });
    });
  }
}
