import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.js';

/** Every occurrence found the slow way, for comparison. */
function naive(patterns: string[], text: string): { start: number; end: number; pattern: number }[] {
  const found: { start: number; end: number; pattern: number }[] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((pattern, index) => {
      const start = end - pattern.length;
      if (start >= 0 && text.slice(start, end) === pattern) found.push({ start, end, pattern: index });
    });
  }
  return found;
}

const sortKey = (a: { end: number; pattern: number }, b: { end: number; pattern: number }) =>
  a.end - b.end || a.pattern - b.pattern;

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns, as a naive search does', () => {
    const patterns = [' he ', 'she', 'hers', 'he', ' pod ', ' pod 1 lan ', 'e', ' sua ', ' sua tam '];
    const text = ' ushers he said she hers pod 1 lan sua tam sua ';
    const automaton = new AhoCorasick(patterns);
    expect(automaton.search(text).sort(sortKey)).toEqual(naive(patterns, text).sort(sortKey));
  });

  it('agrees with a naive search on random text over a small alphabet', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = 'ab c';
    const word = (length: number): string =>
      Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    const patterns = Array.from({ length: 40 }, () => word(1 + random(5)));
    const text = word(2000);
    const automaton = new AhoCorasick(patterns);
    expect(automaton.search(text).sort(sortKey)).toEqual(naive(patterns, text).sort(sortKey));
  });

  it('handles characters that no pattern uses, including non-ASCII', () => {
    const automaton = new AhoCorasick(['ab', 'đb']);
    expect(automaton.search('xxabđbzz€ab')).toEqual([
      { start: 2, end: 4, pattern: 0 },
      { start: 4, end: 6, pattern: 1 },
      { start: 9, end: 11, pattern: 0 },
    ]);
  });
});
