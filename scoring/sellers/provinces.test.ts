import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCE_UNITS } from './province-table.js';
import { ABROAD, normaliseProvince, PROVINCE_NAMES } from './provinces.js';

const provinceOf = (raw: string | undefined): string | undefined => normaliseProvince(raw).province;

/** Lowercase, no marks, đ→d: how sellers type without a Vietnamese keyboard. */
function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

// Written out by hand from shared/provinces.md, not read from the table, so a slip in the
// table cannot pass by construction.
// prettier-ignore
const THIRTY_FOUR = [
  'Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Cần Thơ', 'Lai Châu', 'Điện Biên',
  'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng', 'Tuyên Quang',
  'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị', 'Quảng Ngãi',
  'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long', 'Đồng Tháp',
  'Cà Mau', 'An Giang',
];

// Old provinces whose unit took another name, by hand and without diacritics, as sellers
// on a phone keyboard write them.
const MERGED_BY_HAND: readonly [string, string][] = [
  ['hai duong', 'Hải Phòng'],
  ['Soc Trang', 'Cần Thơ'],
  ['Hau Giang', 'Cần Thơ'],
  ['Ha Giang', 'Tuyên Quang'],
  ['Yen Bai', 'Lào Cai'],
  ['Bac Kan', 'Thái Nguyên'],
  ['Vinh Phuc', 'Phú Thọ'],
  ['Bac Giang', 'Bắc Ninh'],
  ['Thai Binh', 'Hưng Yên'],
  ['Ha Nam', 'Ninh Bình'],
  ['Nam Dinh', 'Ninh Bình'],
  ['Quang Binh', 'Quảng Trị'],
  ['Binh Dinh', 'Gia Lai'],
  ['Ninh Thuan', 'Khánh Hòa'],
  ['Dak Nong', 'Lâm Đồng'],
  ['Binh Thuan', 'Lâm Đồng'],
  ['Phu Yen', 'Đắk Lắk'],
  ['Binh Phuoc', 'Đồng Nai'],
  ['Ben Tre', 'Vĩnh Long'],
  ['Tra Vinh', 'Vĩnh Long'],
  ['Tien Giang', 'Đồng Tháp'],
  ['Bac Lieu', 'Cà Mau'],
  ['Kien Giang', 'An Giang'],
];

// shared/provinces.md sits beside the repository in every checkout CI makes.
const PROVINCES_MD = new URL('../../../shared/provinces.md', import.meta.url);

/** The `| unit now | merged from |` rows of provinces.md, "*" (central city) dropped. */
function readProvincesMd(): [string, string[]][] {
  const rows: [string, string[]][] = [];
  for (const line of readFileSync(PROVINCES_MD, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length !== 4 || cells[1] === 'unit now' || cells[1]?.startsWith('-')) continue;
    const unit = cells[1]!.replace(/\s*\*$/u, '');
    rows.push([unit, cells[2]!.split(',').map((old) => old.trim())]);
  }
  return rows;
}

const REAL_WORLD: readonly [string, string | undefined][] = [
  ['Quận 1, TP. Hồ Chí Minh', 'TP. Hồ Chí Minh'],
  ['TP.HCM', 'TP. Hồ Chí Minh'],
  ['tphcm', 'TP. Hồ Chí Minh'],
  ['T.P HCM', 'TP. Hồ Chí Minh'],
  ['Hồ Chí Minh', 'TP. Hồ Chí Minh'],
  ['Ho Chi Minh City, Vietnam', 'TP. Hồ Chí Minh'],
  ['Sài Gòn', 'TP. Hồ Chí Minh'],
  ['Sai Gon', 'TP. Hồ Chí Minh'],
  ['Thủ Dầu Một, Bình Dương', 'TP. Hồ Chí Minh'],
  ['Ba Ria Vung Tau', 'TP. Hồ Chí Minh'],
  ['Bà Rịa-Vũng Tàu', 'TP. Hồ Chí Minh'],
  ['Vũng Tàu', 'TP. Hồ Chí Minh'],
  ['Quận 7 TP. Hồ Chí Minh', 'TP. Hồ Chí Minh'],
  ['HN', 'Hà Nội'],
  ['Ha Noi', 'Hà Nội'],
  ['Hanoi', 'Hà Nội'],
  ['Quận Cầu Giấy - Hà Nội', 'Hà Nội'],
  ['Thừa Thiên Huế', 'Huế'],
  ['Tỉnh Thừa Thiên - Huế', 'Huế'],
  ['Đắc Lắc', 'Đắk Lắk'],
  ['Dak Lak', 'Đắk Lắk'],
  ['DakLak', 'Đắk Lắk'],
  ['Đăk Nông', 'Lâm Đồng'],
  ['Hoà Bình', 'Phú Thọ'],
  ['Hòa Bình', 'Phú Thọ'],
  ['Khánh Hoà', 'Khánh Hòa'],
  ['Thanh Hoá', 'Thanh Hóa'],
  ['Bắc Cạn', 'Thái Nguyên'],
  ['Danang', 'Đà Nẵng'],
  ['Hội An, Quảng Nam', 'Đà Nẵng'],
  ['Tỉnh Long An', 'Tây Ninh'],
  ['Thành phố Cần Thơ', 'Cần Thơ'],
  ['Huyện Châu Thành, Tỉnh Tiền Giang, Việt Nam', 'Đồng Tháp'],
  ['Kontum', 'Quảng Ngãi'],
  ['Nước ngoài', ABROAD],
  ['Quốc tế', ABROAD],
  ['Overseas', ABROAD],
  ['Trung Quốc', ABROAD],
  ['China', ABROAD],
  ['Mainland China', ABROAD],
  ['Hàn Quốc', ABROAD],
  ['Korea', ABROAD],
  ['Nhật Bản', ABROAD],
  ['Japan', ABROAD],
  ['Thái Lan', ABROAD],
  ['Hong Kong', ABROAD],
  ['Quảng Châu, Trung Quốc', ABROAD],
  ['Việt Nam', undefined],
  ['Quận 1', undefined],
  ['Thủ Đức', undefined],
  ['Xã Hòa Bình', undefined],
  ['Atlantis', undefined],
  ['---', undefined],
];

describe('normaliseProvince', () => {
  it('lists the 34 units of provinces.md in order', () => {
    expect(PROVINCE_NAMES).toEqual(THIRTY_FOUR);
    expect(new Set(PROVINCE_NAMES).size).toBe(34);
  });

  it.each(THIRTY_FOUR)('knows %s by its own name', (name) => {
    expect(provinceOf(name)).toBe(name);
  });

  it.each(THIRTY_FOUR)('knows %s without diacritics, in any case', (name) => {
    const plain = stripDiacritics(name);
    expect(provinceOf(plain)).toBe(name);
    expect(provinceOf(plain.toUpperCase())).toBe(name);
    expect(provinceOf(plain.toLowerCase())).toBe(name);
  });

  const oldNames = PROVINCE_UNITS.flatMap((unit) => unit.mergedFrom.map((old) => [old, unit.name] as const));

  it('has the 63 pre-2025 provinces as old names', () => {
    expect(oldNames).toHaveLength(63);
    expect(new Set(oldNames.map(([old]) => old)).size).toBe(63);
  });

  it.each(oldNames)('maps old name %s to %s, with and without diacritics', (old, unit) => {
    expect(provinceOf(old)).toBe(unit);
    expect(provinceOf(stripDiacritics(old))).toBe(unit);
    expect(provinceOf(stripDiacritics(old).toUpperCase())).toBe(unit);
  });

  it.each(oldNames)('maps %s with any administrative prefix', (old, unit) => {
    for (const prefix of ['Tỉnh ', 'Thành phố ', 'TP. ', 'TP ', 'Tp.', 'T.P ', 'tinh ', 'thanh pho ']) {
      expect(provinceOf(`${prefix}${old}`), `${prefix}${old}`).toBe(unit);
    }
  });

  it.each(oldNames)('maps %s after a district', (old, unit) => {
    expect(provinceOf(`Phường 3, Quận 10, ${old}`)).toBe(unit);
    expect(provinceOf(`Huyện Đông Anh, Tỉnh ${old}`)).toBe(unit);
    expect(provinceOf(`${old}, Việt Nam`)).toBe(unit);
  });

  it.each(MERGED_BY_HAND)('maps the merged province %s to %s', (old, unit) => {
    expect(provinceOf(old)).toBe(unit);
  });

  it.skipIf(!existsSync(PROVINCES_MD))('agrees with shared/provinces.md, row by row', () => {
    const rows = readProvincesMd();
    expect(rows).toHaveLength(34);
    for (const [unit, olds] of rows) {
      expect(provinceOf(unit)).toBe(unit);
      for (const old of olds) expect(provinceOf(old), old).toBe(unit);
    }
    expect(rows.map(([unit, olds]) => ({ name: unit, mergedFrom: olds }))).toEqual(
      PROVINCE_UNITS.map((unit) => ({ name: unit.name, mergedFrom: [...unit.mergedFrom] })),
    );
  });

  it.each(REAL_WORLD)('reads the real-world form %j as %j', (raw, expected) => {
    expect(provinceOf(raw)).toBe(expected);
  });

  it('keeps the text as given, trimmed, whether or not it is known', () => {
    expect(normaliseProvince('  Quận 1, TP. Hồ Chí Minh ')).toEqual({
      province: 'TP. Hồ Chí Minh',
      raw: 'Quận 1, TP. Hồ Chí Minh',
    });
    expect(normaliseProvince('Atlantis')).toEqual({ raw: 'Atlantis' });
  });

  it('returns nothing for no text', () => {
    expect(normaliseProvince(undefined)).toEqual({});
    expect(normaliseProvince('')).toEqual({});
    expect(normaliseProvince('   ')).toEqual({});
  });

  it('handles decomposed (NFD) input the same as composed', () => {
    expect(provinceOf('Đà Nẵng'.normalize('NFD'))).toBe('Đà Nẵng');
    expect(provinceOf('Thừa Thiên Huế'.normalize('NFD'))).toBe('Huế');
  });
});
