import { describe, expect, it } from 'vitest';
import { foldText, quote } from './folded-text.js';
import { Teencode } from './teencode.js';

const teencode = new Teencode({ tldt: 'thuốc lá điện tử', tpcn: 'thực phẩm chức năng', sp: 'sản phẩm' });
const plain = (text: string): string => foldText(text, teencode).plain.trim();

describe('foldText', () => {
  it.each([
    ['Thuốc Lá Điện Tử', 'thuoc la dien tu'],
    ['THUỐC LÁ ĐIỆN TỬ', 'thuoc la dien tu'],
    ['đồ đạc Đà Nẵng', 'do dac da nang'],
    ['v.a.p.e pod', 'vape pod'],
    ['v a p e', 'vape'],
    ['V-A-P-E', 'vape'],
    ['vapeeeee', 'vape'],
    ['P0D 1 lần', 'pod 1 lan'],
    ['Ch@nel', 'chanel'],
    ['Gucc1', 'gucci'],
    ['L.V', 'lv'],
    // Every spelling of "1:1" ends as one token, so one lexicon term covers them all.
    ['rép 1:1', 'rep 11'],
    ['rep1:1', 'rep 11'],
    ['rép 1 1', 'rep 11'],
    ['rep11', 'rep 11'],
    ['v💨ape', 'vape'],
    ['𝐕𝐀𝐏𝐄', 'vape'],
    ['🅥🅐🅟🅔 mini', 'vape mini'],
    ['🅿🅾🅳', 'pod'],
    ['tldt giá rẻ', 'thuoc la dien tu gia re'],
    ['TPCN giảm cân', 'thuc pham chuc nang giam can'],
    ['10kg', '10 kg'],
    ['P.h.á.o b.i', 'phao bi'],
    ['hàng Mỹ x.á.c.h t.a.y', 'hang my xach tay'],
    ['ph.á.o đ.ì đ.ù.n.g', 'phao di dung'],
    ['xe ô tô', 'xe o to'],
    ['hàng nội đ.ịa Hàn', 'hang noi dia han'],
    ['n.ội đ.ị.a', 'noi dia'],
    ['chai 1.25L', 'chai 1 25 l'],
    ['bàn bi-a', 'ban bi a'],
    ['Vitamin B1 B6', 'vitamin b 1 b 6'],
  ])('folds %j to %j', (input, expected) => {
    expect(plain(input)).toBe(expected);
  });

  it('keeps ordinary words with double letters and digits apart from letters', () => {
    expect(plain('iPhone 15 Pro Max 256GB')).toBe('iphone 15 pro max 256 gb');
    expect(plain('Sữa bột Meiji 800g')).toBe('sua bot meiji 800 g');
  });

  it('keeps the diacritics in the accented shadow and says whether the seller used any', () => {
    expect(foldText('Sữa bột').accented.trim()).toBe('sữa bột');
    expect(foldText('Sữa bột').hasDiacritics).toBe(true);
    expect(foldText('sua bot').hasDiacritics).toBe(false);
  });

  it('quotes the original text behind a folded span, obfuscation and all', () => {
    const text = foldText('Mua ngay V.A.P.E xịn', teencode);
    const from = text.plain.indexOf(' vape ');
    const quoted = quote(text, from, from + ' vape '.length);
    expect(quoted.match).toBe('V.A.P.E');
    expect(text.source.slice(quoted.start, quoted.end)).toBe('V.A.P.E');
  });

  it('quotes the abbreviation a teencode expansion came from', () => {
    const text = foldText('Bán tldt chính hãng', teencode);
    const from = text.plain.indexOf(' thuoc la dien tu ');
    expect(quote(text, from, from + ' thuoc la dien tu '.length).match).toBe('tldt');
  });
});
