import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldText, type FoldedText } from './folded-text.js';
import { Teencode } from './teencode.js';

/**
 * foldText's whole output — both shadows and every source span — for inputs that exercise
 * each rule at once: leet, spelling, repeats, teencode, NFD text, invisible and fancy
 * characters, real titles and random mixes. The expected values were produced by the
 * string-based implementation this flat-array one replaced, so any change in behaviour,
 * however small, shows up here.
 */
interface GoldenCase {
  input: string;
  expected: FoldedText;
}

const cases = JSON.parse(
  readFileSync(new URL('./folded-text.golden.json', import.meta.url), 'utf8'),
) as GoldenCase[];
const teencode = new Teencode({
  tldt: 'thuốc lá điện tử',
  tpcn: 'thực phẩm chức năng',
  sp: 'sản phẩm',
  ko: 'không',
  đt: 'điện thoại',
});

describe('foldText golden outputs', () => {
  it.each(cases.map((golden) => [golden.input, golden.expected] as const))(
    'folds %j exactly',
    (input, expected) => {
      expect(foldText(input, teencode)).toStrictEqual(expected);
    },
  );

  it('keeps every unit when folds longer than their character fill the buffers exactly', () => {
    // "ﬃ" folds to three units: 341 of them fill 1024 units just before the space.
    for (const count of [85, 170, 341, 682]) {
      const text = foldText('ﬃ'.repeat(count) + ' ab');
      expect(text.plain).toBe(` ${'ffi'.repeat(count)} ab `);
      expect(text.end.length).toBe(text.plain.length);
    }
  });

  it('gives the same result when the same text is folded again', () => {
    for (const { input, expected } of cases.slice(0, 10))
      expect(foldText(input, teencode)).toStrictEqual(expected);
  });
});
