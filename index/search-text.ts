import { tokenize } from '../scoring/text/tokenize.js';

/**
 * Text as the index stores and queries it: the scorer's fold (lowercase, no diacritics,
 * đ→d, fancy letters and hidden characters undone), words joined by single spaces. The
 * same function runs on indexed text and on queries, so "thuoc la dien tu" finds
 * "Thuốc lá điện tử" in both stores.
 */
export function foldSearchText(text: string): string {
  return tokenize(text.normalize('NFC'))
    .map((token) => token.plain)
    .join(' ');
}

/** The folded words of a query, at most `max` of them (longer queries are a mistake or abuse). */
export function searchWords(text: string, max = 32): string[] {
  const words = foldSearchText(text)
    .split(' ')
    .filter((word) => word.length > 0);
  return words.slice(0, max);
}
